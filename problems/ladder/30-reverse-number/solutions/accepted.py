print(int(input().strip()[::-1]))
