// Starts from the first watch house, watch[0]: ArrayIndexOutOfBoundsException when K = 0.
import java.io.*;

class Helper {
    static long walks(long gap) { return gap * (gap + 1) / 2; }
}

class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        in.nextToken();
        int k = (int) in.nval;
        int[] watch = new int[k];
        for (int i = 0; i < k; i++) {
            in.nextToken();
            watch[i] = (int) in.nval;
        }
        long unsafe = Helper.walks(watch[0] - 1);
        for (int i = 0; i < k; i++) unsafe += Helper.walks((i + 1 < k ? watch[i + 1] : n + 1) - watch[i] - 1);
        System.out.println((long) n * (n + 1) / 2 - unsafe);
    }
}
