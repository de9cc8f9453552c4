# Bug: walks right while the values rise: right on short arrays, but on a long rising run it
# asks far more than 50 questions.
def ask(i):
    print("?", i, flush=True)
    return int(input())


n = int(input())
i, here = 1, ask(1)
while i < n:
    after = ask(i + 1)
    if after < here:
        break
    i, here = i + 1, after
print("!", i, flush=True)
