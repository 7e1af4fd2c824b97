"""Test-suite configuration: Hypothesis profiles.

* ``default`` (local runs): random exploration, no per-example deadline (timing belongs in
  ``benchmarks/``, and a loaded two-core machine must not turn a slow example into a failure).
* ``ci`` (chosen when the ``CI`` environment variable is set, as CI does): the same, but
  derandomised and without the example database, so that a CI run is reproducible.

Choose another with ``pytest --hypothesis-profile=NAME``; ``thorough`` runs ten times as many
examples.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.register_profile("thorough", deadline=None, max_examples=1000, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
