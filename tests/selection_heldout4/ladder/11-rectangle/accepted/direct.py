w, h = map(int, input().split())
print(w * h, 2 * (w + h))
