# Spreads the short slots that do not fit in the gaps with floor division instead of ceiling.
q, m, s, l = map(int, input().split())
end = -(-l // m) * q
room = (m - l % m) * q if l % m else 0
if s > room:
    end += (s - room) // m
print(end)
