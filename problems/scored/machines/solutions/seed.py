# Reads the jobs, then puts every job on machine 1: valid, slow.
n, m = map(int, input().split())
times = list(map(int, input().split()))
machine = [1] * n
print(*machine)
