print(min(input().split()))
