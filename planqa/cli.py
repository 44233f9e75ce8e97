"""planqa's command line: `planqa score|check|pseudonymise|check-pii|train|evaluate|app|corpus`."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from planqa.criteria import CRITERION_IDS, DIMENSIONS
from planqa.lean import started
from planqa.models import Assessment, check_complete
from planqa.readers import ReadError, read_all

# no pretty tracebacks: they print local variables, and those can hold plan text
app = typer.Typer(help="planqa: granskning av samordnade individuella planer (SIP).", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
corpus_app = typer.Typer(help="Den annoterade korpusen: kompilera och validera.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def err(message: str) -> None:
    """A message for the user on stderr (Swedish; never plan text)."""
    typer.echo(message, err=True)


def not_yet(command: str, issue: str) -> None:
    err(f"planqa {command}: finns inte ännu ({issue}). Inget gjordes.")
    raise typer.Exit(2)


def _model_error_handler(command):
    """Wrap a command so a refused or missing model gives a Swedish message and exit 2, not a traceback."""
    import functools

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from planqa.integrity import ModelIntegrityError

        try:
            return command(*args, **kwargs)
        except (ModelIntegrityError, FileNotFoundError) as exc:
            err(f"Modellen kunde inte laddas: {exc}")
            raise typer.Exit(2)
        except ImportError as exc:  # the transformer extra is not installed
            err(f"En valfri del saknas ({exc.name}); installera med: pip install 'planqa[transformer]' "
                "(och torch==2.13.0 först för CPU).")
            raise typer.Exit(2)

    return wrapper


def assessment_record(a: Assessment) -> dict:
    """The JSON object of one plan in `planqa score` output (the public contract)."""
    return {
        "id": a.id,
        "criteria": {cid: {"verdict": r.verdict, "confidence": r.confidence,
                           "evidence": [e.model_dump() for e in r.evidence],
                           "explanation": r.explanation, "reference": r.reference,
                           "needs_review": r.needs_review}
                     for cid, r in a.criteria.items()},
        "dimensions": {d: s.model_dump() for d, s in a.dimensions.items()},
        "follow_up_dates": a.follow_up_dates,
        "plan_date": a.plan_date,
        "coordinator": a.coordinator,
        "actors": a.actors,
        "warnings": a.warnings,
        "entities": [e.model_dump() for e in a.entities],
        "model_version": a.model_version,
    }


CSV_COLUMNS = ["id", *CRITERION_IDS, *(f"{d}_score" for d in DIMENSIONS), *(f"{d}_band" for d in DIMENSIONS),
               "follow_up_dates", "plan_date", "coordinator", "actors", "warnings"]


def csv_row(a: Assessment) -> dict:
    row = {"id": a.id, **{cid: r.verdict for cid, r in a.criteria.items()}}
    for d, s in a.dimensions.items():
        row[f"{d}_score"], row[f"{d}_band"] = s.score, s.band
    row.update(follow_up_dates=";".join(a.follow_up_dates), plan_date=a.plan_date or "",
               coordinator=a.coordinator or "", actors=";".join(a.actors), warnings=" | ".join(a.warnings))
    return row


@app.command()
@_model_error_handler
def score(
    paths: Annotated[list[str], typer.Argument(help="Filer, mappar eller - för standard in.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Utdataformat.")] = OutputFormat.jsonl,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Skriv till fil i stället för standard ut.")] = None,
    assume_pseudonymised: Annotated[bool, typer.Option(
        "--assume-pseudonymised", help="Hoppa över kontrollen av personuppgifter (texten är redan avidentifierad).")] = False,
    backend: Annotated[str, typer.Option(help="default, rules eller transformer.")] = "default",
    model_dir: Annotated[Optional[Path], typer.Option(help="Mapp med modeller (standard: models/).")] = None,
    workers: Annotated[int, typer.Option(help="Antal processer (1 = ingen parallellisering).", min=1)] = 1,
) -> None:
    """Bedöm planer mot de tolv kriterierna; en bedömning per plan."""
    from planqa.batch import score_plans

    failures = 0
    results: list[dict] = []
    sink = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    writer = None
    if format is OutputFormat.csv:
        writer = csv.DictWriter(sink, fieldnames=CSV_COLUMNS)
        writer.writeheader()

    def readable():
        nonlocal failures
        for item in read_all(paths):
            if isinstance(item, ReadError):
                err(item.message)
                failures += 1
            else:
                yield item

    try:
        # PII gate: score_plans runs planqa.pseudonymise.gate_findings on each plan unless told not to
        for plan, result in score_plans(readable(), workers=workers, model_dir=model_dir, backend=backend,
                                        gate=not assume_pseudonymised):
            started()  # models loaded: the collector runs again (see planqa.lean)
            if isinstance(result, str):
                err(result)
                failures += 1
                continue
            check_complete(result.criteria)
            if format is OutputFormat.jsonl:
                sink.write(json.dumps(assessment_record(result), ensure_ascii=False) + "\n")
            elif format is OutputFormat.csv:
                writer.writerow(csv_row(result))
            else:
                results.append(assessment_record(result))
        if format is OutputFormat.json:
            json.dump(results, sink, ensure_ascii=False, indent=2)
            sink.write("\n")
    finally:
        if out:
            sink.close()
    if failures:
        err(f"{failures} fil(er) eller poster kunde inte bedömas; se meddelandena ovan.")
        raise typer.Exit(1)


@app.command("pseudonymise")
def pseudonymise_cmd(
    input: Annotated[str, typer.Argument(help="Fil, mapp, JSONL-fil eller - för standard in.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o")] = None,
    format: Annotated[str, typer.Option("--format", help="txt eller jsonl.")] = "txt",
    mapping: Annotated[Optional[Path], typer.Option(help="Skriv kopplingsnyckel hit (bara om du ber om det).")] = None,
) -> None:
    """Ersätt personuppgifter med typade platshållare."""
    from collections import Counter

    from planqa.pseudonymise import pseudonymise
    from planqa.pseudonymise.report import summarise

    if format not in ("txt", "jsonl"):
        err(f"Okänt format {format!r}: använd txt eller jsonl.")
        raise typer.Exit(2)
    items = list(read_all([input]))
    plans = [i for i in items if not isinstance(i, ReadError)]
    for e in items:
        if isinstance(e, ReadError):
            err(e.message)
    results = [(plan, pseudonymise(plan.text)) for plan in plans]
    many = len(results) > 1 or (input != "-" and Path(input).is_dir())
    if format == "jsonl":
        sink = out.open("w", encoding="utf-8") if out else sys.stdout
        try:
            for plan, res in results:
                sink.write(json.dumps({"id": plan.id, "text": res.text, "counts": res.counts}, ensure_ascii=False) + "\n")
        finally:
            if out:
                sink.close()
    elif many and out:  # one file per plan in the folder OUT
        out.mkdir(parents=True, exist_ok=True)
        for plan, res in results:
            name = Path(plan.id).stem if Path(plan.id).suffix in (".txt", ".md", ".docx", ".pdf") else plan.id
            (out / f"{name}.txt").write_text(res.text, encoding="utf-8")
    elif out:
        out.write_text(results[0][1].text if results else "", encoding="utf-8")
    else:
        for n, (plan, res) in enumerate(results):
            if many:
                typer.echo(("\n" if n else "") + f"===== {plan.id} =====")
            typer.echo(res.text, nl=not res.text.endswith("\n"))
    if mapping:  # only when asked: the key holds the raw identifiers
        keys = {plan.id: res.mapping for plan, res in results}
        mapping.write_text(json.dumps(keys, ensure_ascii=False, indent=2), encoding="utf-8")
        err(f"Kopplingsnyckeln skrevs till {mapping}. Den innehåller personuppgifter: förvara den skyddat och "
            "skilt från de avidentifierade texterna.")
    total: Counter = Counter()
    for _, res in results:
        total.update(res.counts)
    err(f"Avidentifierade {len(results)} plan(er); ersatta: {summarise(dict(total))}.")
    if len(plans) != len(items):
        raise typer.Exit(1)


@app.command("check-pii")
def check_pii_cmd(paths: Annotated[list[str], typer.Argument(help="Filer eller mappar att kontrollera.")]) -> None:
    """Kontrollera att texter inte innehåller personuppgifter (exit 1 vid fynd)."""
    from planqa.pseudonymise import gate_findings
    from planqa.pseudonymise.report import describe, summarise

    dirty = clean = unreadable = 0
    for item in read_all(paths):
        if isinstance(item, ReadError):
            err(item.message)
            unreadable += 1
            continue
        found = gate_findings(item.text)
        if not found:
            clean += 1
            continue
        dirty += 1
        typer.echo(f"{item.source}: {summarise(found)}")
        for f in found:
            typer.echo(f"  {describe(item.text, f)}")
    if dirty:
        err(f"{dirty} text(er) innehåller troligen personuppgifter, {clean} utan fynd. "
            "Avidentifiera med 'planqa pseudonymise'.")
        raise typer.Exit(1)
    if unreadable:
        raise typer.Exit(2)
    err(f"Inga personuppgifter hittades i {clean} text(er).")


@app.command()
@_model_error_handler
def check(
    path: Annotated[str, typer.Argument(help="Utkastet som fil, eller - för standard in.")],
    all_fixes: Annotated[bool, typer.Option("--all", help="Visa alla förslag, inte bara de viktigaste.")] = False,
    format: Annotated[str, typer.Option("--format", help="text eller json.")] = "text",
    assume_pseudonymised: Annotated[bool, typer.Option("--assume-pseudonymised")] = False,
) -> None:
    """Kontrollera ett SIP-utkast och få konkreta förbättringsförslag (inget sparas)."""
    from planqa.assess import assess, load_assessor
    from planqa.selfcheck import fixes_for, format_fixes

    items = list(read_all([path]))
    plans = [i for i in items if not isinstance(i, ReadError)]
    for e in items:
        if isinstance(e, ReadError):
            err(e.message)
    if len(plans) != 1:
        if plans:
            err("planqa check tar ett utkast i taget.")
        raise typer.Exit(1 if not plans else 2)
    plan = plans[0]
    if not assume_pseudonymised:  # PII gate
        from planqa.batch import gate_message

        message = gate_message(plan)
        if message:
            err(message)
            raise typer.Exit(3)
    assessment = assess(plan, load_assessor())
    started()
    fixes = fixes_for(plan.text, assessment, limit=None if all_fixes else 6)
    if format == "json":
        typer.echo(json.dumps([f.__dict__ for f in fixes], ensure_ascii=False, indent=2))
    else:
        typer.echo(format_fixes(fixes, assessment.warnings))


@app.command()
@_model_error_handler
def train(
    backend: Annotated[str, typer.Option(help="default (spaCy + scikit-learn) eller transformer.")] = "default",
    base_model: Annotated[Optional[Path], typer.Option(help="Lokal mapp med en förtränad transformer.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Var modellerna sparas (standard: models/...).")] = None,
) -> None:
    """Träna planqas bedömningsmodeller från annotations/ (val på dev-delen, sedan tränat på train + dev; aldrig test)."""
    from planqa.corpus import load_corpus, plan_styles

    train_records, dev_records = load_corpus("train"), load_corpus("dev")
    if not train_records or not dev_records:
        err("Korpusen saknar train- eller dev-planer; kör 'planqa corpus compile' först.")
        raise typer.Exit(2)
    if backend == "transformer":
        if base_model is None:
            err("--base-model behövs för transformer (en lokal mapp; inget laddas ned).")
            raise typer.Exit(2)
        from planqa.transformer import train_transformer

        path = train_transformer(base_model, train_records, dev_records, out)
        err(f"Transformermodellen sparad i {path}.")
        return
    if backend != "default":
        err(f"Okänd backend {backend!r}.")
        raise typer.Exit(2)
    from planqa.assess import MODELS_DIR
    from planqa.trained import TrainedAssessor

    err(f"Tränar på {len(train_records)} train- och {len(dev_records)} dev-planer (val av modell med "
        "korsvalidering) …")
    assessor = TrainedAssessor().fit(train_records, dev_records, version="trained-2", log=err,
                                     styles=plan_styles(train_records + dev_records))
    path = assessor.save(out or MODELS_DIR / "assessor")
    err(f"Klart: modellen sparad i {path}.")


@app.command()
@_model_error_handler
def evaluate(
    split: Annotated[str, typer.Option(help="dev, test (bara för slutrapportering) eller shift (planer i andra "
                                            "stilar än korpusens).")] = "test",
    report: Annotated[Optional[Path], typer.Option(help="Skriv rapporten hit (Markdown; JSON bredvid).")] = None,
    model_dir: Annotated[Optional[Path], typer.Option(help="Mapp med den tränade modellen.")] = None,
) -> None:
    """Utvärdera den tränade bedömningen och regelbedömningen mot korpusens annoteringar."""
    from planqa.assess import load_assessor
    from planqa.corpus import load_corpus, load_shift
    from planqa.evaluate import predictions, report_markdown, score_predictions
    from planqa.rules import RuleAssessor

    if split not in ("train", "dev", "test", "shift"):
        err("--split ska vara train, dev, test eller shift.")
        raise typer.Exit(2)
    records = load_shift() if split == "shift" else load_corpus(split)
    if not records:
        err(f"Inga planer i {split}-delen; kör 'planqa corpus compile' först.")
        raise typer.Exit(2)
    assessors = {"rules": RuleAssessor()}
    trained = load_assessor(model_dir, entities=False)  # entities do not change verdicts
    if not isinstance(trained, RuleAssessor):
        assessors = {"trained": trained, **assessors}
    results = {}
    for name, assessor in assessors.items():
        err(f"Bedömer {len(records)} planer med {name} …")
        results[name] = score_predictions(records, predictions(assessor, records))
    text = report_markdown(results, split)
    typer.echo(text)
    if report:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text, encoding="utf-8")
        report.with_suffix(".json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        err(f"Rapporten skriven till {report}.")


@app.command()
@_model_error_handler
def teach(
    where: Annotated[Optional[list[str]], typer.Option(help="Urval, t.ex. follow_up_date=not_met (flera går).")] = None,
    preset: Annotated[Optional[str], typer.Option(help="Färdigt urval: uppföljning-saknas, barnfokuserade-mål, "
                                                       "verksamhetsmål, barnets-röst, barnets-röst-saknas, "
                                                       "ansvar-oklart.")] = None,
    source: Annotated[Optional[list[str]], typer.Option(
        "--from", help="Egna avidentifierade planer (filer/mappar) i stället för korpusen.")] = None,
    n: Annotated[int, typer.Option(help="Antal exempel.")] = 4,
    with_pairs: Annotated[bool, typer.Option("--pairs/--no-pairs", help="Ta med före/efter-par ur korpusen.")] = True,
    out: Annotated[Path, typer.Option(help="Mapp för paketet.")] = Path("undervisningspaket"),
    title: Annotated[str, typer.Option(help="Paketets rubrik.")] = "Exempel på SIP-planer",
    seed: Annotated[int, typer.Option(help="Slumpfrö för urvalet.")] = 0,
    assume_pseudonymised: Annotated[bool, typer.Option("--assume-pseudonymised")] = False,
) -> None:
    """Skapa ett undervisningspaket (HTML och Markdown) med exempelplaner, evidens och diskussionsfrågor."""
    from planqa.assess import load_assessor
    from planqa.corpus import load_corpus
    from planqa.teaching import (PRESETS, Example, assess_shown, choose, corpus_examples, pairs, parse_where,
                                 write_pack)

    try:
        criteria = parse_where(where or [])
    except ValueError as exc:
        err(f"--where: {exc}")
        raise typer.Exit(2)
    if preset:
        if preset not in PRESETS:
            err(f"Okänt urval {preset!r}; välj bland {', '.join(PRESETS)}.")
            raise typer.Exit(2)
        criteria = {**PRESETS[preset], **criteria}
    assessor = load_assessor()
    records: list[dict] = []
    if source:
        examples = []
        from planqa.batch import gate_message

        for item in read_all(source):
            if isinstance(item, ReadError):
                err(item.message)
                continue
            message = None if assume_pseudonymised else gate_message(item)
            if message:
                err(message)
                continue
            assessment = assessor.assess(item)
            examples.append(Example(item, {c: r.verdict for c, r in assessment.criteria.items()}, "bedömd",
                                    assessment))
    else:
        records = load_corpus()
        examples = corpus_examples(records)
    chosen = choose(examples, criteria, n, seed)
    if not chosen:
        err("Inga planer matchar urvalet.")
        raise typer.Exit(1)
    before_after = pairs(examples, records)[:2] if with_pairs and records else []
    assess_shown(chosen, before_after, assessor)
    md, page = write_pack(out, title, chosen, criteria, before_after)
    err(f"{len(chosen)} exempel och {len(before_after)} före/efter-par skrivna till {page} och {md}.")


@app.command("app")
def app_cmd(
    demo: Annotated[bool, typer.Option(help="Öppna en granskning med demoplanerna.")] = False,
    audit_dir: Annotated[Optional[Path], typer.Option(help="Mapp för granskningarnas databaser.")] = None,
    port: Annotated[int, typer.Option(help="Port på den här datorn.")] = 8501,
) -> None:
    """Starta granskningsvyn (Streamlit) i webbläsaren; bara på den här datorn (localhost)."""
    from planqa.review import run_app

    args = ["--port", str(port)] + (["--demo"] if demo else []) + (["--audit-dir", str(audit_dir)] if audit_dir else [])
    raise typer.Exit(run_app(args))


@corpus_app.command("compile")
def corpus_compile() -> None:
    """Kompilera annotations/source/ till annotations/corpus.jsonl."""
    from planqa.corpus import compile_corpus, write_corpus

    records, problems = compile_corpus()
    for p in problems:
        err(p)
    path = write_corpus(records)
    err(f"{len(records)} planer skrivna till {path}; {len(problems)} problem.")
    if problems:
        raise typer.Exit(1)


@corpus_app.command("validate")
def corpus_validate() -> None:
    """Validera korpusen: schema, positioner, etiketter, dubbletter mellan delar, personuppgifter."""
    from planqa.validate import validate_corpus

    problems, summary = validate_corpus()
    for p in problems:
        err(p)
    err(summary)
    if problems:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    """The `planqa` command: torch and transformers stay out unless the transformer backend is asked for."""
    import gc

    from planqa.lean import defer_spacy_cli, keep_out_heavy_libraries, pause_gc_while_starting

    keep_out_heavy_libraries(sys.argv[1:])
    defer_spacy_cli(sys.argv[1:])
    pause_gc_while_starting(sys.argv[1:])
    try:
        app()
    finally:
        gc.freeze()  # nothing left to collect at exit: skip the final sweep over the models (0.2 s)


if __name__ == "__main__":  # pragma: no cover
    main()
