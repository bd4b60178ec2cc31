"""Hypothesis runs the same 1,000 examples per property on every machine unless told otherwise
(HYPOTHESIS_PROFILE=dev for quick random runs while working): CI is reproducible, and a
failure found once is found again."""
from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=1000, derandomize=True, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
