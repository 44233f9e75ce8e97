"""Sampling: seeded, reproducible whatever the load order, proportional strata, recorded."""

from __future__ import annotations

import random

import pytest

from planqa.models import Plan
from planqa.review.db import AuditDB
from planqa.review.sampling import (
    MISSING,
    Sample,
    SampleDefinition,
    allocate,
    draw,
    field_value,
    plan_fields,
    population_checksum,
    stratum_fields,
)
from planqa.review.testing import make_assessment

UNITS = {f"plan-{i:03d}": {"enhet": ["Östra", "Västra", "Norra"][i % 3] if i < 90 else None, "år": 2023 + i % 2}
         for i in range(100)}


def shuffled(units: dict, seed: int) -> dict:
    items = list(units.items())
    random.Random(seed).shuffle(items)
    return dict(items)


def test_simple_sample_is_reproducible_and_seeded():
    d = SampleDefinition("simple", 10, seed=42)
    first = draw(UNITS, d)
    assert len(first.plan_ids) == 10 and len(set(first.plan_ids)) == 10
    assert set(first.plan_ids) <= set(UNITS)
    assert draw(shuffled(UNITS, 1), d).plan_ids == first.plan_ids  # load order does not matter
    assert draw(UNITS, SampleDefinition("simple", 10, seed=43)).plan_ids != first.plan_ids
    assert first.population == 100 and first.strata == {}
    assert first.created_at.endswith("+00:00")


def test_n_above_population_takes_all():
    s = draw({"a": {}, "b": {}}, SampleDefinition("simple", 5, seed=1))
    assert sorted(s.plan_ids) == ["a", "b"]


def test_allocation_is_proportional_with_largest_remainder():
    assert allocate({"A": 50, "B": 30, "C": 20}, 10) == {"A": 5, "B": 3, "C": 2}
    assert allocate({"A": 7, "B": 7, "C": 6}, 5) == {"A": 2, "B": 2, "C": 1}
    assert allocate({"A": 1, "B": 1}, 5) == {"A": 1, "B": 1}
    assert sum(allocate({"x": 13, "y": 29, "z": 58}, 17).values()) == 17


def test_stratified_sample():
    d = SampleDefinition("stratified", 20, seed=7, stratum_field="enhet")
    s = draw(UNITS, d)
    assert s.strata == {"Norra": (30, 6), "Västra": (30, 6), "Östra": (30, 6), MISSING: (10, 2)}
    for pid in s.plan_ids:
        assert field_value(UNITS[pid]["enhet"]) in s.strata
    by_stratum = {k: [p for p in s.plan_ids if field_value(UNITS[p]["enhet"]) == k] for k in s.strata}
    assert {k: len(v) for k, v in by_stratum.items()} == {k: v[1] for k, v in s.strata.items()}
    assert draw(shuffled(UNITS, 2), d).plan_ids == s.plan_ids


def test_definition_is_validated_and_described():
    with pytest.raises(ValueError):
        SampleDefinition("stratified", 5, 1)
    with pytest.raises(ValueError):
        SampleDefinition("simple", 0, 1)
    with pytest.raises(ValueError):
        SampleDefinition("cluster", 5, 1)
    with pytest.raises(ValueError):
        draw({}, SampleDefinition("simple", 5, 1))
    assert SampleDefinition("simple", 30, 42).describe() == "obundet slumpmässigt urval av 30 planer (slumpfrö 42)"
    assert "efter enhet" in SampleDefinition("stratified", 30, 42, "enhet").describe()


def test_sample_is_recorded_and_restored(tmp_path):
    db = AuditDB.create(tmp_path / "s.sqlite3", "S")
    for pid in list(UNITS)[:20]:
        db.add_plan(Plan(id=pid, text="t", metadata=UNITS[pid]), make_assessment(pid), pid)
    units = {sp.plan.id: sp.plan.metadata for sp in db.plans()}
    s = draw(units, SampleDefinition("stratified", 6, seed=99, stratum_field="enhet"))
    db.save_sample(s)
    restored = AuditDB(db.path).current_sample()
    assert restored == s
    assert Sample.from_dict(s.to_dict()) == s
    # the recorded definition reproduces the draw on the same population
    assert draw(units, restored.definition).plan_ids == s.plan_ids
    later = draw(units, SampleDefinition("simple", 3, seed=1))
    db.save_sample(later)
    assert db.current_sample().plan_ids == later.plan_ids


def test_population_checksum_tracks_population_and_field():
    a = population_checksum(UNITS, "enhet")
    assert a == population_checksum(shuffled(UNITS, 3), "enhet")
    assert a != population_checksum(dict(list(UNITS.items())[:-1]), "enhet")
    assert a != population_checksum(UNITS, "år")


def test_plan_fields_and_stratum_fields():
    f = plan_fields({"enhet": "Östra", "nested": {"x": 1}, "actors": ["bup", "skolan"]}, "2024-05-01", "bup")
    assert f == {"enhet": "Östra", "actors": ["bup", "skolan"], "år": "2024", "samordningsansvarig": "bup"}
    assert field_value(f["actors"]) == "bup, skolan"
    assert field_value(None) == field_value("") == MISSING
    assert stratum_fields({"a": {"x": 1}, "b": {"y": 2, "x": 3}}) == ["x", "y"]
