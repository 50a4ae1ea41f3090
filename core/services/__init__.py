"""Use cases shared by the GUI, the CLI and the worker.

Each service takes a :class:`core.store.Store`, validates everything before writing, writes in
one transaction and records an audit event. Bad input raises :class:`core.errors.UserError`
and leaves the store untouched.
"""
