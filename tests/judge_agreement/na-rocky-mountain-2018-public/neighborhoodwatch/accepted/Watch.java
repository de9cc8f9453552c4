// For each right end j, the safe walks ending at j start anywhere up to the last watch house <= j.
// No public class: the judge runs Main.
import java.io.*;
import java.util.*;

class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        in.nextToken();
        int k = (int) in.nval;
        boolean[] watch = new boolean[n + 1];
        for (int i = 0; i < k; i++) {
            in.nextToken();
            watch[(int) in.nval] = true;
        }
        long total = 0, last = 0;
        for (int j = 1; j <= n; j++) {
            if (watch[j]) last = j;
            total += last;
        }
        System.out.println(total);
    }
}
