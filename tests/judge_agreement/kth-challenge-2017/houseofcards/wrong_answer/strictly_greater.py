# Starts the search at h0 + 1, as if h had to exceed h0.
h = int(input()) + 1
while h * (3 * h + 1) // 2 % 4:
    h += 1
print(h)
