"""Draw the audit sample: simple random or stratified by a field, seeded and reproducible.

The same population (plan ids and field values), definition and seed always give the same
sample, whatever order the plans were loaded in. A `Sample` records its definition, seed,
time and a checksum of the population, so the report can show how it was drawn.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Literal

Method = Literal["simple", "stratified"]
MISSING = "(saknas)"

@dataclass(frozen=True)
class SampleDefinition:
    method: Method
    n: int
    seed: int
    stratum_field: str | None = None  # required for "stratified"

    def __post_init__(self):
        if self.method not in ("simple", "stratified"):
            raise ValueError(f"unknown sampling method {self.method!r}")
        if self.n < 1:
            raise ValueError("a sample needs at least one plan")
        if self.method == "stratified" and not self.stratum_field:
            raise ValueError("a stratified sample needs a stratum field")

    def describe(self) -> str:
        """The definition in Swedish, for the report."""
        if self.method == "simple":
            return f"obundet slumpmässigt urval av {self.n} planer (slumpfrö {self.seed})"
        return (f"stratifierat urval av {self.n} planer efter {self.stratum_field}, proportionell "
                f"fördelning (slumpfrö {self.seed})")


@dataclass(frozen=True)
class Sample:
    definition: SampleDefinition
    plan_ids: tuple[str, ...]  # in draw order
    population: int
    population_sha256: str  # checksum of the sorted population ids and field values
    created_at: str
    strata: dict[str, tuple[int, int]] = field(default_factory=dict)  # stratum -> (population, drawn)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["plan_ids"] = list(self.plan_ids)
        d["strata"] = {k: list(v) for k, v in self.strata.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Sample:
        return cls(definition=SampleDefinition(**d["definition"]), plan_ids=tuple(d["plan_ids"]),
                   population=d["population"], population_sha256=d["population_sha256"],
                   created_at=d["created_at"], strata={k: tuple(v) for k, v in d["strata"].items()})


def plan_fields(metadata: Mapping[str, object], plan_date: str | None, coordinator: str | None) -> dict:
    """The fields a plan can be stratified by: its metadata plus year and coordinating actor."""
    fields = {k: v for k, v in metadata.items() if isinstance(v, (str, int, float, bool, list, tuple))}
    fields["år"] = plan_date[:4] if plan_date else None
    fields["samordningsansvarig"] = coordinator
    return fields


def field_value(value: object) -> str:
    """A metadata value as a stratum name (lists joined, empty as '(saknas)')."""
    if value is None or value == "" or value == []:
        return MISSING
    if isinstance(value, (list, tuple)):
        return ", ".join(sorted(str(v) for v in value))
    return str(value)


def stratum_fields(units: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Fields present in at least one unit, sorted."""
    return sorted({k for fields in units.values() for k in fields})


def population_checksum(units: Mapping[str, Mapping[str, object]], stratum_field: str | None) -> str:
    lines = [f"{pid}\t{field_value(units[pid].get(stratum_field)) if stratum_field else ''}"
             for pid in sorted(units)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Proportional allocation of n over strata by the largest-remainder method.

    Ties go to the larger stratum, then to the stratum name that sorts first.
    """
    total = sum(sizes.values())
    n = min(n, total)
    quotas = {s: n * size / total for s, size in sizes.items()}
    alloc = {s: int(q) for s, q in quotas.items()}
    order = sorted(sizes, key=lambda s: (-(quotas[s] - alloc[s]), -sizes[s], s))
    for s in order[: n - sum(alloc.values())]:
        alloc[s] += 1
    return alloc


def draw(units: Mapping[str, Mapping[str, object]], definition: SampleDefinition) -> Sample:
    """Draw a sample from `units` (plan id -> field values).

    If n is at least the population, every plan is taken (in random order).
    """
    if not units:
        raise ValueError("there are no plans to draw from")
    rng = random.Random(definition.seed)
    ids = sorted(units)
    strata: dict[str, tuple[int, int]] = {}
    if definition.method == "simple":
        chosen = rng.sample(ids, min(definition.n, len(ids)))
    else:
        groups: dict[str, list[str]] = {}
        for pid in ids:
            groups.setdefault(field_value(units[pid].get(definition.stratum_field)), []).append(pid)
        alloc = allocate({s: len(g) for s, g in groups.items()}, definition.n)
        chosen = []
        for s in sorted(groups):
            chosen += rng.sample(groups[s], alloc[s])
            strata[s] = (len(groups[s]), alloc[s])
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return Sample(definition, tuple(chosen), len(ids), population_checksum(units, definition.stratum_field),
                  created, strata)
