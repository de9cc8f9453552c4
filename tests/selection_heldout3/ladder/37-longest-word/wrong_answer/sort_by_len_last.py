words = input().split()
words.sort(key=len)
print(words[-1])
