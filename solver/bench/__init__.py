"""Benchmarks that print ratios (speed of sampling), not tests."""
