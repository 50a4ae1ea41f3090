"""The command line: one parser assembled from each package's ``register`` function.

Every command calls the same services as the GUI. A :class:`core.errors.UserError` becomes one
sentence on stderr and exit status 2, with nothing written.
"""
