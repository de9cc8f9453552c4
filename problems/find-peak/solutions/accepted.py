# Binary search on a rising pair: if a_mid < a_(mid+1), a peak lies right of mid, else at or
# left of it. Two questions per halving: 2 * 20 = 40 for n = 10^6.
def ask(i):
    print("?", i, flush=True)
    return int(input())


n = int(input())
low, high = 1, n
while low < high:
    mid = (low + high) // 2
    if ask(mid) < ask(mid + 1):
        low = mid + 1
    else:
        high = mid
print("!", low, flush=True)
