n = int(input())
have = list(map(int, input().split()))
need = 2  # A2 sheets needed for one A1
tape = 0.0
for i, count in enumerate(have, 2):
    tape += need / 2 * 2 ** (-(2 * i - 1) / 4)  # join the A(i) sheets pairwise along the long side
    need = 2 * (need - min(need, count))
    if need == 0:
        break
print(f"{tape:.10f}" if need == 0 else "impossible")
