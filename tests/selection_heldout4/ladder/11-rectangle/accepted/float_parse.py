w, h = map(float, input().split())
print(int(w * h), int(2 * (w + h)))
