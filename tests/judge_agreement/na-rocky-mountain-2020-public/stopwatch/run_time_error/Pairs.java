// Pairs presses without checking the count: reads a press that is not there on odd counts
// (java.util.NoSuchElementException).
import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long total = 0;
        for (int i = 0; i < n; i += 2) {
            long start = in.nextLong();
            total += in.nextLong() - start;
        }
        System.out.println(total);
    }
}
