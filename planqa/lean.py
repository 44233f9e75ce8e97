"""Keep torch and transformers out of planqa processes that do not use them.

With the `transformer` extra installed, spaCy's thinc imports torch on every start and
presidio's spaCy entry point imports transformers: about 2 s and 300 MB per process (and per
worker) for code that the default and rule backends never call. An import hook makes those
imports fail as they would on an install without the extra (`sys.modules` is left alone:
scipy and scikit-learn look there for torch).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder

HEAVY = ("torch", "transformers")


class KeepOut(MetaPathFinder):
    """An import hook under which `import torch` / `import transformers` raise ModuleNotFoundError."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in HEAVY:
            raise ModuleNotFoundError(f"{name} hålls utanför denna planqa-process", name=name)
        return None


def keep_out_heavy_libraries(argv: Sequence[str]) -> bool:
    """Keep torch and transformers out unless the command names the transformer backend.

    Returns whether they are kept out. Call it before anything imports spaCy; it does nothing
    once either library is loaded.
    """
    if any("transformer" in arg for arg in argv) or any(name in sys.modules for name in HEAVY):
        return False
    if not any(isinstance(f, KeepOut) for f in sys.meta_path):
        sys.meta_path.insert(0, KeepOut())
    return True


def allow_heavy_libraries() -> None:
    """Undo `keep_out_heavy_libraries` (for tests and long-lived hosts that switch backends)."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, KeepOut)]
