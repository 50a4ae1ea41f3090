"""Benchmarks: each module measures a ratio against a baseline taken in the same run."""
