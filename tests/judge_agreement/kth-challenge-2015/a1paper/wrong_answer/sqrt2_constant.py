# Uses the statement's 1.41421356 for sqrt(2): fine for short tape, too coarse for long.
SQRT2 = 1.41421356
n = int(input())
have = list(map(int, input().split()))
need = 2
tape = 0.0
side = 1 / SQRT2 ** 1.5  # long side of A2
for count in have:
    tape += need / 2 * side
    side /= SQRT2
    need = 2 * (need - min(need, count))
    if need == 0:
        break
print(f"{tape:.10f}" if need == 0 else "impossible")
