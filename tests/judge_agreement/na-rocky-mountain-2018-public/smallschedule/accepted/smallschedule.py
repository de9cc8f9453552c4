q, m, s, l = map(int, input().split())
# Long slots round-robin; the machines with one long slot fewer leave Q seconds of room each.
end = -(-l // m) * q
room = (m - l % m) * q if l % m else 0
if s > room:
    end += -(-(s - room) // m)
print(end)
