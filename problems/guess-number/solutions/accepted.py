n = int(input())
low, high = 1, n
while True:
    guess = (low + high) // 2
    print("?", guess, flush=True)
    reply = input()
    if reply == "=":
        print("!", guess, flush=True)
        break
    if reply == "<":
        high = guess - 1
    else:
        low = guess + 1
