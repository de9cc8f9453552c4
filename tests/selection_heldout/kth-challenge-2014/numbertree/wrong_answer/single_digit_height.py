# Mistake: takes the height as the first character of the line, so heights of 10 or more are misread.
line = input()
h = int(line[0])
path = line[1:].strip()
idx = 1
for c in path:
    idx = 2 * idx + (1 if c == 'R' else 0)
print(2 ** (h + 1) - idx)
