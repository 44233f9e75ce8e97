"""The 12 SIP quality criteria of shared/domain/criteria.md: the public ids and their metadata."""

from __future__ import annotations

from dataclasses import dataclass

VERDICTS = ("met", "partial", "not_met")
VERDICT_POINTS = {"met": 2, "partial": 1, "not_met": 0}
DIMENSIONS = ("completeness", "follow_up", "child_centredness")

SOL_HSL = "SoL 2 kap. 7 §, HSL 16 kap. 4 §"


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str  # Swedish, for users
    description: str  # Swedish
    dimension: str | None  # None: reported but outside the three dimension scores
    reference: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion("needs_described", "Behov beskrivna",
              "Barnets behov och de insatser som behövs är beskrivna.", "completeness",
              f"{SOL_HSL} (vilka insatser som behövs)"),
    Criterion("goals_present", "Mål finns",
              "Planen anger mål eller delmål för insatserna.", "completeness",
              "Socialstyrelsens vägledning för SIP 2017; SKR Använd SIP"),
    Criterion("goals_evaluable", "Målen går att följa upp",
              "Målen är konkreta: observerbara, med nivå, frekvens eller tidsram.", "completeness",
              "Socialstyrelsens vägledning för SIP 2017"),
    Criterion("responsibility_per_action", "Ansvarig per insats",
              "Varje insats anger vilken verksamhet eller roll som utför den.", "completeness",
              f"{SOL_HSL} (vilka insatser respektive huvudman ansvarar för)"),
    Criterion("overall_responsibility", "Övergripande ansvar",
              "Planen anger vem som har det övergripande ansvaret (samordningsansvarig).", "completeness",
              f"{SOL_HSL} (vem som har det övergripande ansvaret)"),
    Criterion("follow_up_date", "Datum för uppföljning",
              "Planen anger när den ska följas upp.", "follow_up",
              "Socialstyrelsens vägledning för SIP 2017; regionala SIP-rutiner"),
    Criterion("follow_up_responsible", "Ansvarig för uppföljning",
              "Planen anger vem som kallar till eller leder uppföljningen.", "follow_up",
              "Socialstyrelsens vägledning för SIP 2017"),
    Criterion("child_voice", "Barnets röst",
              "Barnets egen syn, önskemål eller ord återges.", "child_centredness",
              "Barnkonventionen art. 12; SoL 11 kap. 10 §"),
    Criterion("child_participation", "Barnets delaktighet",
              "Barnet har deltagit på ett sätt som passar åldern, eller skälet till att det inte skett anges.",
              "child_centredness", "Barnkonventionen art. 12; SKR Använd SIP"),
    Criterion("child_goals", "Barnfokuserade mål",
              "Mål och insatser utgår från barnets behov och vardag, inte från vad verksamheterna ska göra.",
              "child_centredness", "Socialstyrelsens vägledning för SIP 2017"),
    Criterion("consent", "Samtycke",
              "Samtycke till SIP och informationsutbyte är dokumenterat.", None,
              f"{SOL_HSL} (planen kräver samtycke)"),
    Criterion("guardian_participation", "Vårdnadshavarnas delaktighet",
              "Vårdnadshavarna har deltagit eller deras syn återges.", None,
              f"{SOL_HSL} (närstående ska ges möjlighet att delta)"),
)

CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in CRITERIA)
BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}
DIMENSION_CRITERIA: dict[str, tuple[str, ...]] = {
    d: tuple(c.id for c in CRITERIA if c.dimension == d) for d in DIMENSIONS
}
