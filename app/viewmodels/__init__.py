"""Screen state without Qt: what a screen shows and decides, tested with plain pytest.

Nothing here imports Qt (a test checks it); the widgets in ``app/views`` and ``app/widgets``
render these values and run their work functions through operations.
"""
