"""Start planqa quickly: keep unused heavy libraries out, and the collector quiet while loading.

With the `transformer` extra installed, spaCy's thinc imports torch on every start and
presidio's spaCy entry point imports transformers: about 2 s and 300 MB per process (and per
worker) for code that the default and rule backends never call. An import hook makes those
imports fail as they would on an install without the extra (`sys.modules` is left alone:
scipy and scikit-learn look there for torch).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from types import ModuleType

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


PRESIDIO_PREDEFINED = "presidio_analyzer.predefined_recognizers"
_NLP_RECOGNIZERS = {"SpacyRecognizer", "StanzaRecognizer", "TransformersRecognizer"}


def defer_presidio_predefined_recognizers() -> bool:
    """Load presidio's ~190 predefined recognizers (other countries' ids, phone numbers) on first use only.

    planqa registers its own Swedish recognizers, but `import presidio_analyzer` imports and
    compiles all predefined ones: 0.6 s of every CLI start. This puts a module in their place
    whose attributes load the real package when first asked for; the three NLP-engine
    recognizers that presidio's registry imports at start come from their own submodule.
    Call before presidio_analyzer is imported; returns whether the deferral is in place.
    """
    if "presidio_analyzer" in sys.modules or PRESIDIO_PREDEFINED in sys.modules:
        return False
    import importlib
    import importlib.machinery
    import importlib.util

    package = importlib.util.find_spec("presidio_analyzer")
    if package is None or not package.submodule_search_locations:
        return False
    spec = importlib.machinery.PathFinder.find_spec(PRESIDIO_PREDEFINED, list(package.submodule_search_locations))
    if spec is None or spec.loader is None:
        return False
    module = importlib.util.module_from_spec(spec)
    state = {"loaded": False}

    def __getattr__(name: str):
        if name in _NLP_RECOGNIZERS and not state["loaded"]:
            try:
                return getattr(importlib.import_module(f"{PRESIDIO_PREDEFINED}.nlp_engine_recognizers"), name)
            except (ImportError, AttributeError):
                pass  # another presidio layout: load the whole package below
        if name.startswith("__") or state["loaded"]:
            raise AttributeError(name)
        state["loaded"] = True
        spec.loader.exec_module(module)  # the real package __init__, into this module
        return getattr(module, name)

    module.__getattr__ = __getattr__
    sys.modules[PRESIDIO_PREDEFINED] = module
    return True


QUICK_START_COMMANDS = ("score", "check")
_paused = False
SPACY_CLI = ("spacy.cli", "spacy.cli.info")


class _DeferredSpacyCli(ModuleType):
    """Stands in for spaCy's command-line package until an attribute of it is asked for."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        _load_spacy_cli()
        return getattr(sys.modules[self.__name__], name)


def _load_spacy_cli() -> None:
    import importlib

    for name in SPACY_CLI:
        if isinstance(sys.modules.get(name), _DeferredSpacyCli):
            del sys.modules[name]
    real = importlib.import_module("spacy.cli")
    if "spacy" in sys.modules:
        sys.modules["spacy"].cli = real


def _spacy_info(*args, **kwargs):
    _load_spacy_cli()
    return sys.modules["spacy.cli.info"].info(*args, **kwargs)


def defer_spacy_cli(argv: Sequence[str]) -> bool:
    """Keep spaCy's command-line tools (typer, weasel, requests, httpx, jinja2: ~0.3 s) out of
    `planqa score`/`check`, which never call them: `import spacy` imports them only for
    `spacy.info`. Stand-ins take their place and load the real package when first asked for.
    Call before spaCy is imported; returns whether the stand-ins are in place."""
    if not (argv[:1] and argv[0] in QUICK_START_COMMANDS) or "spacy" in sys.modules:
        return False
    cli, info = _DeferredSpacyCli("spacy.cli"), _DeferredSpacyCli("spacy.cli.info")
    info.info, cli.info = _spacy_info, info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    return True


def pause_gc_while_starting(argv: Sequence[str]) -> bool:
    """Pause the cycle collector while `planqa score`/`check` import spaCy and load the models.

    Start-up builds about a million long-lived objects, and the collector keeps re-scanning
    them as they are made (~0.3 s of a 2 s start). `started()` turns it back on. Returns whether
    it was paused (only for the two commands a user waits on; training keeps its collector).
    """
    global _paused
    if argv[:1] and argv[0] in QUICK_START_COMMANDS and gc.isenabled():
        gc.disable()
        _paused = True
    return _paused


def started() -> None:
    """After the models are loaded: if paused, keep them out of later collections and collect again."""
    global _paused
    if _paused:
        gc.freeze()
        gc.enable()
        _paused = False
