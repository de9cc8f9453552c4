// Counts papers with more than h citations instead of at least h.
import java.io.*;
import java.util.*;

public class OffByOne {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            c[i] = (long) in.nval;
        }
        Arrays.sort(c);
        int h = 0;
        while (h < n && c[n - 1 - h] > h + 1) h++;
        System.out.println(h);
    }
}
