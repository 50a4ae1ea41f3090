"""The command line: one parser assembled from command groups, one module per group.

- :mod:`cli.main` - the parser and the run of one command (the ``communique`` entry point calls it).
- :mod:`cli.registry` - :class:`~cli.registry.Commands`, through which every group, built-in or
  plugin (entry-point group ``communique.commands``), adds its commands.
- :mod:`cli.base` - the shared plumbing: the store, output, and errors.
- :mod:`cli.accounts`, :mod:`cli.posts`, :mod:`cli.translation`, :mod:`cli.sandbox`,
  :mod:`cli.scheduler` - the built-in groups.

Every command calls the same services as the GUI. A :class:`core.errors.UserError` becomes one
sentence on stderr and exit status 2, with nothing written.
"""
