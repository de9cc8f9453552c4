import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            c[i] = (long) in.nval;
        }
        Arrays.sort(c);  // ascending: the h-th largest is c[n - 1 - h]
        int h = 0;
        while (h < n && c[n - 1 - h] >= h + 1) h++;
        System.out.println(h);
    }
}
