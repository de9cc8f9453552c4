# Bug: the recursion stops at 1, so n = 0 never ends.
def f(n):
    if n == 1:
        return 1
    return n * f(n - 1)

print(f(int(input())))
