s = input().strip()
vowels = "aeiouy"
print(sum(1 for c in s if c in vowels))
