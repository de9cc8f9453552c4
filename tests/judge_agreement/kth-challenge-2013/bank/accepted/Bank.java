// Richest first, each into the latest free minute before they leave.
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        in.nextToken();
        int t = (int) in.nval;
        int[][] people = new int[n][2];
        for (int[] person : people) {
            in.nextToken();
            person[0] = (int) in.nval;
            in.nextToken();
            person[1] = (int) in.nval;
        }
        Arrays.sort(people, (x, y) -> Integer.compare(y[0], x[0]));
        boolean[] taken = new boolean[t];
        long total = 0;
        for (int[] person : people) {
            for (int slot = person[1]; slot >= 0; slot--) {
                if (!taken[slot]) {
                    taken[slot] = true;
                    total += person[0];
                    break;
                }
            }
        }
        System.out.println(total);
    }
}
