# Tries every finishing time T = 1, 2, ... until everything fits: the answer can be ~10^9.
q, m, s, l = map(int, input().split())
t = 0
while not (m * (t // q) >= l and m * t - l * q >= s):
    t += 1
print(t)
