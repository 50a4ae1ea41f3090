"""Offline machine translation.

- :mod:`translation.engine`: the engine interface; :mod:`translation.argos` implements it with
  Argos Translate (lazy, warm, offline, batched).
- :mod:`translation.packs` and :mod:`translation.index`: language packs in the data folder
  (validated atomic install, removal, the Argos index with a bounded look-up and downloads).
- :mod:`translation.spans`, :mod:`translation.glossary`, :mod:`translation.memory`,
  :mod:`translation.quality`: the parts of the pipeline in :mod:`translation.service`.
"""
