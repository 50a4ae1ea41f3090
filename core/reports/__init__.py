"""Exports and the managers' report: tables as CSV/XLSX, charts as PNG, the report as PDF.

Qt-free, so the CLI, the worker and the app's background tasks share it. Every function here
may run on any thread: charts are drawn with matplotlib's object-oriented API on their own
figure, never through its global state.
"""
