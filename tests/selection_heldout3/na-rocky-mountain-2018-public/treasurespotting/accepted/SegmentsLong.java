import java.io.*;
import java.util.*;

public class SegmentsLong {
    static long sgn(long v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

    static long cross(long ax, long ay, long bx, long by, long cx, long cy) {
        return sgn((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
    }

    static boolean inBox(long ax, long ay, long bx, long by, long px, long py) {
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx)
            && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer tok = new StringTokenizer("");
        ArrayList<Long> nums = new ArrayList<>();
        String line;
        while ((line = br.readLine()) != null) {
            tok = new StringTokenizer(line);
            while (tok.hasMoreTokens()) nums.add(Long.parseLong(tok.nextToken()));
        }
        int idx = 0;
        int W = (int) (long) nums.get(idx++);
        int P = (int) (long) nums.get(idx++);
        long tx = nums.get(idx++), ty = nums.get(idx++);
        long[][] w = new long[W][4];
        for (int i = 0; i < W; i++) for (int k = 0; k < 4; k++) w[i][k] = nums.get(idx++);
        long[][] p = new long[P][4];
        for (int i = 0; i < P; i++) for (int k = 0; k < 4; k++) p[i][k] = nums.get(idx++);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < P; i++) {
            long px = p[i][0], py = p[i][1];
            long dx = tx - px, dy = ty - py;
            long rx = p[i][2] - px, ry = p[i][3] - py;
            boolean vis = dx * dx + dy * dy <= rx * rx + ry * ry && dx * rx + dy * ry >= 0;
            for (int j = 0; vis && j < W; j++) {
                long ax = w[j][0], ay = w[j][1], bx = w[j][2], by = w[j][3];
                long o1 = cross(px, py, tx, ty, ax, ay), o2 = cross(px, py, tx, ty, bx, by);
                long o3 = cross(ax, ay, bx, by, px, py), o4 = cross(ax, ay, bx, by, tx, ty);
                boolean hit = (o1 * o2 < 0 && o3 * o4 < 0)
                    || (o1 == 0 && inBox(px, py, tx, ty, ax, ay))
                    || (o2 == 0 && inBox(px, py, tx, ty, bx, by))
                    || (o3 == 0 && inBox(ax, ay, bx, by, px, py))
                    || (o4 == 0 && inBox(ax, ay, bx, by, tx, ty));
                if (hit) vis = false;
            }
            for (int j = 0; vis && j < P; j++) {
                if (j == i) continue;
                if (cross(px, py, tx, ty, p[j][0], p[j][1]) == 0 && inBox(px, py, tx, ty, p[j][0], p[j][1])) vis = false;
            }
            sb.append(vis ? "visible" : "not visible").append('\n');
        }
        System.out.print(sb);
    }
}
