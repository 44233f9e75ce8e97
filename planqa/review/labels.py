"""Swedish labels and number formats shared by the app and the export."""

from __future__ import annotations

import math

VERDICT_SV = {"met": "Uppfyllt", "partial": "Delvis uppfyllt", "not_met": "Ej uppfyllt"}
DIMENSION_SV = {
    "completeness": "Fullständighet (behov, mål och ansvar)",
    "follow_up": "Uppföljning",
    "child_centredness": "Barnperspektiv",
    None: "Process (samtycke och vårdnadshavare)",
}
METHOD_SV = {"simple": "Obundet slumpmässigt", "stratified": "Stratifierat"}

# what a plan lacks when a criterion is not met, as it reads after "I 14 av 30 granskade planer"
MISSING_SV = {
    "needs_described": "saknas en beskrivning av barnets behov",
    "goals_present": "saknas mål",
    "goals_evaluable": "saknas mål som går att följa upp",
    "responsibility_per_action": "saknas ansvarig för insatserna",
    "overall_responsibility": "framgår inte vem som har det övergripande ansvaret",
    "follow_up_date": "saknas datum för uppföljning",
    "follow_up_responsible": "framgår inte vem som ansvarar för uppföljningen",
    "child_voice": "återges inte barnets egen röst",
    "child_participation": "framgår inte att barnet har varit delaktigt",
    "child_goals": "utgår målen inte från barnets behov och vardag",
    "consent": "saknas dokumenterat samtycke",
    "guardian_participation": "framgår inte att vårdnadshavarna har deltagit",
}


def pct(x: float) -> int:
    """A share as a whole percentage, rounded half up (0.465 -> 47)."""
    return math.floor(100 * x + 0.5 + 1e-9)


def decimal_sv(x: float, digits: int = 2) -> str:
    """A number with a decimal comma: 0.87 -> '0,87'."""
    return f"{x:.{digits}f}".replace(".", ",")
