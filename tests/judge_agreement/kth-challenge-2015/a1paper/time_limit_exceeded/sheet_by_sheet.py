# Takes the sheets one at a time: up to 2^29 steps.
n = int(input())
have = list(map(int, input().split()))
need = 2
tape = 0.0
for i, count in enumerate(have, 2):
    tape += need / 2 * 2 ** (-(2 * i - 1) / 4)
    while need > 0 and count > 0:
        need -= 1
        count -= 1
    need *= 2
    if need == 0:
        break
print(f"{tape:.10f}" if need == 0 else "impossible")
