n = int(input())
a = input().split()
print(len(set(map(int, a))))
