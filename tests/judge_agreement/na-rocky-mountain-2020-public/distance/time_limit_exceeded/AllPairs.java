// Sums the distance of every pair: O(N^2) for N up to 200000, too slow even for the JIT.
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[] s = new long[n], a = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            s[i] = (long) in.nval;
            in.nextToken();
            a[i] = (long) in.nval;
        }
        long total = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) total += Math.abs(s[i] - s[j]) + Math.abs(a[i] - a[j]);
        System.out.println(total);
    }
}
