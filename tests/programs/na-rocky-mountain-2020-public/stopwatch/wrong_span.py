n = int(input())
times = [int(input()) for _ in range(n)]
print("still running" if n % 2 else times[-1] - times[0])
