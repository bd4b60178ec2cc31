"""Data files shipped with kerryview (bundled corpus, icons). Read via importlib.resources."""
