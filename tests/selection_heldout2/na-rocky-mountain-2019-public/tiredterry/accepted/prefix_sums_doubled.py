import sys


def main():
    data = sys.stdin.read().split()
    n, p, d = int(data[0]), int(data[1]), int(data[2])
    s = data[3]
    t = s + s
    pre = [0] * (2 * n + 1)
    for i, ch in enumerate(t):
        pre[i + 1] = pre[i] + (ch == 'Z')
    ans = 0
    # window ending at second i (0-based) of the repeated pattern: use copy ending at n + i
    for i in range(n):
        end = n + i + 1
        if pre[end] - pre[end - p] < d:
            ans += 1
    print(ans)


main()
