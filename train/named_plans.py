"""How planqa does on plans that arrive with names: write invented names where a corpus plan has placeholders,
run them through `planqa.pseudonymise`, score the result and compare with scoring the placeholder text.

Usage: python train/named_plans.py [--split dev] [--limit N] [--json FILE]

This is the auditor's path for plans that are not yet pseudonymised (`planqa pseudonymise`, then
`planqa score`). The names are invented (common Swedish first names and surnames, drawn with a fixed seed);
the child's name stands alone, as plans write it, the adults' with a surname. Never run on test while
developing: use train or dev.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from planqa.assess import load_assessor
from planqa.corpus import load_corpus
from planqa.evaluate import predictions, score_predictions
from planqa.pseudonymise import find_identifiers, gate_findings, pseudonymise
from planqa.pseudonymise.engine import _person_numbers, person_labels

CHILD_NAMES = ("Elsa", "Noah", "Alva", "Liam", "Saga", "Hugo", "Maja", "Adam", "Ella", "Omar", "Amira",
               "Vincent", "Tilde", "Melvin", "Nora", "Elias", "Ines", "Leon", "Hanna", "Yusuf")
ADULT_FIRST = ("Karin", "Johan", "Lena", "Anders", "Sara", "Mikael", "Fatima", "Peter", "Maria", "Ahmed",
               "Eva", "Jonas", "Anna", "Thomas", "Linda", "Mats", "Helena", "Erik", "Sofia", "Daniel")
SURNAMES = ("Lind", "Berg", "Holm", "Ek", "Sandberg", "Nyström", "Ali", "Strand", "Lundqvist", "Hassan",
            "Björk", "Wikström", "Forsberg", "Sjöberg", "Nilsson", "Karlsson", "Axelsson", "Dahl")
PLACEHOLDER = re.compile(r"\[(BARN|VH\d|NAMN_\d+|SYSKON)\]")


def with_names(text: str, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with each placeholder replaced by an invented name, the same name for the same placeholder;
    and where each name stands, with the placeholder it replaced."""
    surname = rng.choice(SURNAMES)
    firsts = rng.sample(ADULT_FIRST, len(ADULT_FIRST))
    names = {"BARN": rng.choice(CHILD_NAMES), "SYSKON": rng.choice(CHILD_NAMES)}
    out, where, last, length = [], [], 0, 0
    for m in PLACEHOLDER.finditer(text):
        tag = m.group(1)
        if tag not in names:
            names[tag] = f"{firsts.pop()} {surname if tag.startswith('VH') else rng.choice(SURNAMES)}"
        out += [text[last:m.start()], names[tag]]
        length += m.start() - last
        where.append((length, length + len(names[tag]), tag))
        length += len(names[tag])
        last = m.end()
    out.append(text[last:])
    return "".join(out), where


def role_counts(named: str, where: list[tuple[int, int, str]]) -> Counter:
    """(placeholder kind, kind given) per person of the plan: was the child given [BARN], a guardian [VH1]/[VH2]?"""
    persons = [f for f in find_identifiers(named) if f.entity_type == "PERSON"]
    numbers = _person_numbers(named, persons)
    labels = person_labels(named, [(f.start, f.end, numbers[(f.start, f.end)]) for f in persons])
    given: dict[str, Counter] = {}
    for f in persons:
        for start, end, tag in where:
            if start <= f.start < end:
                given.setdefault(tag, Counter())[labels[numbers[(f.start, f.end)]]] += 1
    kind = lambda label: "barn" if label in ("BARN", "[BARN]") else "vh" if label.lstrip("[").startswith("VH") else "annan"
    return Counter((kind(tag), kind(c.most_common(1)[0][0])) for tag, c in given.items())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.split == "test":
        print("Obs: test används bara för slutmätningen, inte under utveckling.")
    records = [r for r in load_corpus() if r["split"] == args.split]
    records = records[:args.limit] if args.limit else records
    rng = random.Random(12)
    named = []
    blocked = 0
    roles: Counter = Counter()
    for r in records:
        text, where = with_names(r["text"], rng)
        roles += role_counts(text, where)
        text = pseudonymise(text).text
        blocked += bool(gate_findings(text))
        named.append({**r, "text": text})
    assessor = load_assessor(entities=False)
    results = {"placeholders": score_predictions(records, predictions(assessor, records)),
               "names, then pseudonymise": score_predictions(named, predictions(assessor, named))}
    print(f"{len(records)} {args.split}-planer; efter pseudonymisering stoppas {blocked} fortfarande av spärren")
    for kind, label in (("barn", "[BARN]"), ("vh", "[VH1]/[VH2]")):
        right, total = roles[(kind, kind)], sum(n for (k, _), n in roles.items() if k == kind)
        given = sum(n for (_, g), n in roles.items() if g == kind)
        print(f"{label}: {right} av {total} rätt tillbaka ({right / max(1, total):.0%}); "
              f"{right} av {given} givna rätt ({right / max(1, given):.0%})")
    print(f"{'kriterium':28} {'platshållare':>14} {'namn → pseudonymiserad':>24}")
    for cid in results["placeholders"]["criteria"]:
        a, b = (results[k]["criteria"][cid] for k in results)
        print(f"{cid:28} {a['accuracy']:.3f} / {a['kappa']:.3f}   {b['accuracy']:.3f} / {b['kappa']:.3f}")
    a, b = results.values()
    print(f"{'medel':28} {a['mean_accuracy']:.3f} / {a['mean_kappa']:.3f}   "
          f"{b['mean_accuracy']:.3f} / {b['mean_kappa']:.3f}")
    if args.json:
        args.json.write_text(json.dumps({k: {"mean_accuracy": v["mean_accuracy"], "mean_kappa": v["mean_kappa"],
                                            "criteria": {c: {m: x[m] for m in ("accuracy", "kappa")}
                                                         for c, x in v["criteria"].items()}}
                                        for k, v in results.items()} | {"still_blocked": blocked},
                                        indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
