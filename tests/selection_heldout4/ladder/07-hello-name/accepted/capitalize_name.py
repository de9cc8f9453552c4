name = input().strip().capitalize()
print("Hello, " + name + "!")
