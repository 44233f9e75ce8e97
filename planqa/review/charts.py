"""Altair charts of the results page: verdict shares per criterion, and 'not met' with its interval."""

from __future__ import annotations

import altair as alt
import pandas as pd

from planqa.criteria import BY_ID, CRITERION_IDS, VERDICTS
from planqa.review.labels import VERDICT_SV
from planqa.review.results import CriterionStats

COLOURS = {"met": "#2f9e44", "partial": "#f59f00", "not_met": "#e03131"}
_ORDER = [BY_ID[c].name for c in CRITERION_IDS]
_Y = alt.Y("Kriterium:N", sort=_ORDER, title=None, axis=alt.Axis(labelLimit=260))


def _long(stats: list[CriterionStats]) -> pd.DataFrame:
    return pd.DataFrame([{"Kriterium": BY_ID[s.criterion].name, "Bedömning": VERDICT_SV[v], "Antal": s.counts[v],
                          "Andel": s.share(v), "KI låg": s.interval(v)[0], "KI hög": s.interval(v)[1],
                          "Ordning": i} for s in stats for i, v in enumerate(VERDICTS)])


def shares_chart(stats: list[CriterionStats]) -> alt.Chart:
    """Stacked bars: share met / partial / not met per criterion, intervals in the tooltip."""
    colour = alt.Color("Bedömning:N", scale=alt.Scale(domain=[VERDICT_SV[v] for v in VERDICTS],
                                                      range=[COLOURS[v] for v in VERDICTS]))
    pct = ".0%"
    return alt.Chart(_long(stats)).mark_bar().encode(
        x=alt.X("Andel:Q", axis=alt.Axis(format="%"), stack="normalize", title="Andel av granskade planer"),
        y=_Y, color=colour, order=alt.Order("Ordning:Q"),
        tooltip=["Kriterium", "Bedömning", "Antal", alt.Tooltip("Andel:Q", format=pct),
                 alt.Tooltip("KI låg:Q", format=pct), alt.Tooltip("KI hög:Q", format=pct)])


def not_met_chart(stats: list[CriterionStats]) -> alt.LayerChart:
    """Share 'not met' per criterion as a point with its 95 % Wilson interval."""
    data = _long(stats)
    data = data[data["Bedömning"] == VERDICT_SV["not_met"]]
    base = alt.Chart(data)
    points = base.mark_point(filled=True, color=COLOURS["not_met"]).encode(
        x=alt.X("Andel:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]),
                title="Andel ej uppfyllt med 95 % KI"), y=_Y)
    rules = base.mark_rule(color=COLOURS["not_met"]).encode(x="KI låg:Q", x2="KI hög:Q", y=_Y)
    return rules + points
