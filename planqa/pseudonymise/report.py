"""Swedish wording for findings: types, counts and positions, never values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from planqa.pseudonymise.engine import Finding

TYPE_NAMES = {
    "PERSON": ("namn", "namn"),
    "PERSONNUMMER": ("personnummer", "personnummer"),
    "TELEFON": ("telefonnummer", "telefonnummer"),
    "EMAIL": ("e-postadress", "e-postadresser"),
    "ADRESS": ("adress", "adresser"),
    "POSTNUMMER": ("postnummer", "postnummer"),
    "DIARIENUMMER": ("diarienummer", "diarienummer"),
    "ENHET": ("enhetsnamn", "enhetsnamn"),
}


def type_name(entity_type: str, n: int = 1) -> str:
    one, many = TYPE_NAMES.get(entity_type, (entity_type.lower(), entity_type.lower()))
    return one if n == 1 else many


def summarise(findings: Iterable[Finding] | dict[str, int]) -> str:
    """'2 personnummer, 1 telefonnummer, 3 namn' (in the order of ENTITY_TYPES)."""
    counts = findings if isinstance(findings, dict) else Counter(f.entity_type for f in findings)
    order = list(TYPE_NAMES)
    parts = [f"{n} {type_name(t, n)}" for t, n in sorted(counts.items(), key=lambda kv: order.index(kv[0])
                                                          if kv[0] in order else 99) if n]
    return ", ".join(parts) if parts else "inga"


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def describe(text: str, finding: Finding) -> str:
    """'personnummer på rad 3, kolumn 15 (tecken 40–51)': where, never what."""
    line, col = position(text, finding.start)
    return (f"{type_name(finding.entity_type)} på rad {line}, kolumn {col} "
            f"(tecken {finding.start}–{finding.end}, säkerhet {finding.score:.2f})")


def gate_message(plan_id: str, findings: list[Finding], source: str | None = None) -> str:
    """The message `planqa score` gives when the gate stops a plan."""
    target = source.split(", rad ")[0] if source and source != "stdin" else "FIL"
    return (f"{plan_id}: planen bedömdes inte – den innehåller troligen personuppgifter "
            f"({summarise(findings)}). Avidentifiera den först med 'planqa pseudonymise {target}' "
            f"och bedöm den avidentifierade texten, eller ange --assume-pseudonymised om texten redan "
            f"är avidentifierad. Se var med 'planqa check-pii {target}'.")
