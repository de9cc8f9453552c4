# Reads nothing and waits forever: the judge waits for a question that never comes (TLE).
import time

while True:
    time.sleep(60)
