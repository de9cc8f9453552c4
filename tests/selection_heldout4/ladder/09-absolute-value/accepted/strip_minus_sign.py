s = input().strip()
print(s.lstrip('-'))
