"""The default backends run without torch and transformers in the process, even when installed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DEMO, ROOT

PROBE = """
import atexit, sys
heavy = ("torch", "transformers", "sklearn", "scipy", "skops")
atexit.register(lambda: print("LOADED", sorted(m for m in heavy if m in sys.modules), file=sys.stderr))
sys.argv = ["planqa", *sys.argv[1:]]
from planqa.cli import main
main()
"""


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def loaded(result: subprocess.CompletedProcess) -> str:
    return next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))


def after_scoring_the_demo_plan(checks: str) -> subprocess.CompletedProcess:
    """Run `planqa score` on a demo plan through the CLI's entry point in a fresh process, then `checks` (Python
    code) in that process; it prints "ok" when all checks pass."""
    code = ("import sys\n"
            "sys.argv = ['planqa', 'score', sys.argv[1]]\n"
            "from planqa.cli import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            + checks + "print('ok')")
    return subprocess.run([sys.executable, "-c", code, str(DEMO / "sip-skolfranvaro.txt")], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_scoring_with_the_shipped_models_loads_no_torch_transformers_or_scikit_learn():
    result = run_cli("score", "--assume-pseudonymised", str(DEMO / "sip-skolfranvaro.txt"))
    assert result.returncode == 0, result.stderr
    assert '"follow_up_date"' in result.stdout
    assert loaded(result) == "LOADED []"


def test_evaluate_still_works_with_torch_kept_out():
    """scikit-learn and scipy (used by evaluate) must not trip over the kept-out torch."""
    code = ("from planqa.lean import keep_out_heavy_libraries; assert keep_out_heavy_libraries([]); "
            "import sklearn.metrics, scipy.stats; print(sklearn.metrics.cohen_kappa_score([1, 0], [1, 0]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1.0"


@pytest.fixture
def no_heavy_modules(monkeypatch):
    from planqa import lean

    for name in [m for m in sys.modules if m.partition(".")[0] in lean.HEAVY]:
        monkeypatch.delitem(sys.modules, name)
    yield lean
    lean.allow_heavy_libraries()


def test_keep_out_is_skipped_for_the_transformer_backend(no_heavy_modules):
    lean = no_heavy_modules
    assert lean.keep_out_heavy_libraries(["score", "--backend", "transformer", "x.txt"]) is False
    assert not any(isinstance(f, lean.KeepOut) for f in sys.meta_path)


def test_keep_out_makes_the_imports_fail_as_if_not_installed(no_heavy_modules):
    lean = no_heavy_modules
    assert lean.keep_out_heavy_libraries(["score", "x.txt"]) is True
    with pytest.raises(ModuleNotFoundError):
        import torch  # noqa: F401
    with pytest.raises(ModuleNotFoundError):
        import transformers.models  # noqa: F401
    assert "torch" not in sys.modules
    lean.allow_heavy_libraries()
    assert not any(isinstance(f, lean.KeepOut) for f in sys.meta_path)


def test_presidio_predefined_recognizers_load_only_when_asked_for():
    """planqa never uses them: scoring leaves them unloaded; asking for one still works."""
    result = after_scoring_the_demo_plan(
        "loaded = sorted(m for m in sys.modules if m.startswith('presidio_analyzer.predefined_recognizers.'))\n"
        "assert not [m for m in loaded if '.nlp_engine_recognizers' not in m], loaded\n"
        "from presidio_analyzer.predefined_recognizers import EmailRecognizer, SpacyRecognizer\n"
        "import presidio_analyzer.predefined_recognizers as p\n"
        "assert p.SpacyRecognizer is SpacyRecognizer and EmailRecognizer.__name__ == 'EmailRecognizer'\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_collector_paused_only_for_score_and_check_until_started(monkeypatch):
    import gc

    from planqa import lean

    monkeypatch.setattr(lean, "_paused", False)
    try:
        assert lean.pause_gc_while_starting(["train"]) is False and gc.isenabled()
        assert lean.pause_gc_while_starting(["score", "x.txt"]) is True and not gc.isenabled()
        lean.started()
        assert gc.isenabled() and lean._paused is False
        lean.started()  # nothing to undo: stays on
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_spacy_command_line_tools_stay_out_of_scoring_and_load_when_asked_for():
    """`planqa score` never imports spaCy's CLI (weasel, requests, httpx); spacy.info and spacy.cli still work."""
    result = after_scoring_the_demo_plan(
        "out = [m for m in ('weasel', 'requests', 'httpx', 'jinja2') if m in sys.modules]\n"
        "assert 'spacy' in sys.modules and not out, out\n"
        "import spacy\n"
        "assert spacy.info()['spacy_version'] == spacy.__version__\n"
        "from spacy.cli import app\n"
        "import spacy.cli.train\n"
        "assert type(spacy.cli).__name__ == 'module' and spacy.cli.app is app and 'weasel' in sys.modules\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_spacy_command_line_tools_are_deferred_only_for_score_and_check():
    import spacy  # noqa: F401

    from planqa import lean

    assert lean.defer_spacy_cli(["train"]) is False
    assert lean.defer_spacy_cli(["score", "x.txt"]) is False  # spaCy is already imported in this process
