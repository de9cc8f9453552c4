# Bug: on ">" the lower end moves to the guess, not past it; with x one above the guess's
# floor (x = n, say) the search repeats the same guess until it runs out of questions.
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
        low = guess
