import sys
def ask(i):
    print("?", i, flush=True)
    return int(sys.stdin.readline())
n = int(sys.stdin.readline())
lo, hi = 1, n
while lo < hi:
    mid = (lo + hi) // 2
    if ask(mid) < ask(mid + 1):
        lo = mid + 1
    else:
        hi = mid
print("!", lo, flush=True)
