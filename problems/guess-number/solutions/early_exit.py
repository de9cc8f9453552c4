# Asks one question and exits without reading the reply or answering (WA: no answer given).
n = int(input())
print("?", (1 + n) // 2, flush=True)
