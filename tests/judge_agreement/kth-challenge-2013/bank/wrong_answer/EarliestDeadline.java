// Greedy by deadline (richest first among equal deadlines): takes whoever fits, never swaps.
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        in.nextToken();
        int[][] people = new int[n][2];
        for (int[] person : people) {
            in.nextToken();
            person[0] = (int) in.nval;
            in.nextToken();
            person[1] = (int) in.nval;
        }
        Arrays.sort(people, (x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1])
                                                   : Integer.compare(y[0], x[0]));
        long served = 0, total = 0;
        for (int[] person : people) {
            if (served <= person[1]) {
                served++;
                total += person[0];
            }
        }
        System.out.println(total);
    }
}
