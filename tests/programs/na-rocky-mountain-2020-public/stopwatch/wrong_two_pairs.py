n = int(input())
times = [int(input()) for _ in range(n)]
if n % 2:
    print("still running")
else:
    print(sum(times[i + 1] - times[i] for i in range(0, min(n, 4), 2)))
