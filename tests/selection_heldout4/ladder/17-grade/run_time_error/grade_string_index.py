s = int(input())
print("FFFFFFDCBA"[s // 10])
