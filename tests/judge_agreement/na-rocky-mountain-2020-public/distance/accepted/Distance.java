// Sorted coordinates: the i-th of n is subtracted i times and added n-1-i times. A public class
// not named Main: the judge runs the file's public class.
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

public class Distance {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(System.in, 1 << 16));
        int n = (int) next(in);
        long[] s = new long[n], a = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = next(in);
            a[i] = next(in);
        }
        Arrays.sort(s);
        Arrays.sort(a);
        long total = 0;
        for (int i = 0; i < n; i++) total += (s[i] + a[i]) * (2L * i - n + 1);
        System.out.println(total);
    }

    static long next(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        boolean negative = c == '-';
        if (negative) c = in.read();
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return negative ? -value : value;
    }
}
