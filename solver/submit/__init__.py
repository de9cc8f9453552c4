"""Submitting to an online judge: loop.py (candidates, plan, the ranked loop, records, rate
limit), session.py (one run from a URL and a candidates folder), judges/ (the Judge interface
and its adapters)."""
