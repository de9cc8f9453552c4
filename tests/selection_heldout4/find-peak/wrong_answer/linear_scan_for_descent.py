import sys
n = int(sys.stdin.readline())
prev = None
for i in range(1, n + 1):
    print("?", i, flush=True)
    v = int(sys.stdin.readline())
    if prev is not None and v < prev:
        print("!", i - 1, flush=True)
        sys.exit()
    prev = v
print("!", n, flush=True)
