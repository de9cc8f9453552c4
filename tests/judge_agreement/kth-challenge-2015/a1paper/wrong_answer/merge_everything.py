# Tapes together every pair of sheets from the smallest size up, even pairs that are not needed.
n = int(input())
have = list(map(int, input().split()))
made = 0
tape = 0.0
for i in range(n, 1, -1):
    sheets = have[i - 2] + made
    if i == 2:
        break
    made = sheets // 2
    tape += made * 2 ** (-(2 * i - 1) / 4)
print(f"{tape + 2 ** -0.75:.10f}" if sheets >= 2 else "impossible")
