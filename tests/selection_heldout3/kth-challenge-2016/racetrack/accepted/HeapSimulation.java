import java.io.*;
import java.util.*;

public class HeapSimulation {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = nextInt(in);
        long[] t = new long[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = nextInt(in);
            c[i] = nextInt(in);
        }
        // key = time * 8192 + player
        PriorityQueue<Long> pq = new PriorityQueue<>();
        for (int i = 0; i < n; i++) pq.add((long) i);
        int[] done = new int[n];
        long[] ans = new long[n];
        long best = 0;
        int[] grp = new int[n];
        while (!pq.isEmpty()) {
            long s = pq.peek() >> 13;
            int k = 0;
            while (!pq.isEmpty() && (pq.peek() >> 13) == s) grp[k++] = (int) (pq.poll() & 8191);
            long before = best;
            for (int j = 0; j < k; j++) {
                int i = grp[j];
                if (s > 0) {
                    done[i]++;
                    if (done[i] == c[i]) { ans[i] = s; continue; }
                }
                long f = Math.max(s + t[i], before);
                best = Math.max(best, f);
                pq.add((f << 13) | i);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(ans[i]).append('\n');
        System.out.print(sb);
    }

    private static int nextInt(DataInputStream in) throws IOException {
        int ret = 0, b;
        do { b = in.read(); } while (b != '-' && (b < '0' || b > '9'));
        boolean neg = false;
        if (b == '-') { neg = true; b = in.read(); }
        while (b >= '0' && b <= '9') { ret = ret * 10 + (b - '0'); b = in.read(); }
        return neg ? -ret : ret;
    }
}
