"""The rule-based assessor: transparent keyword, heading, date and gazetteer rules per criterion.

It is planqa's explainable baseline and fallback, and a feature source for the trained
classifiers (`signals`). Every verdict carries the spans that decided it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from planqa import dates, followup
from planqa.actors import find_actors, find_roles
from planqa.criteria import BY_ID, CRITERION_IDS
from planqa.models import Assessment, CriterionResult, Entity, Evidence, Plan, dimension_scores
from planqa.text import Segment, segments

MODEL_VERSION = "rules-1"
REVIEW_BELOW = 0.6

CHILD = r"(?<!\w)(?:\[BARN\]|barnet|eleven|ungdomen|flickan|pojken|hen|han|hon|sonen|dottern|jag)(?!\w)"
PERSON_REF = re.compile(r"\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
GUARDIAN = re.compile(
    r"\b(?:vårdnadshavar\w*|vh\d?|mamma\w*|pappa\w*|förälder|föräldrar\w*|mor|far|\[VH\d?\]|styvpappa|styvmamma)\b",
    re.I)
WE = re.compile(r"^\s*(?:[-•*]|\d+[.)])?\s*(?:vi|man|alla|nätverket|berörda|samtliga)\b|\b(?:vi|man|alla|nätverket|berörda)\s+"
                r"(?:ska|kommer|får|tar|hjälps)\b", re.I)

NEED = re.compile(r"\b(?:behöver|behov\w*|svårt|svårighet\w*|frånvar\w*|oro\w*|mår dåligt|ångest|"
                  r"sover|somna\w*|utmaning\w*|problem\w*|konflikt\w*|utbrott|skolk|självskad\w*|"
                  r"diagnos\w*|adhd|autism|ast|utredning)\b", re.I)
VAGUE_NEED = re.compile(r"\bbehöver (?:mer |extra |fortsatt )?(?:stöd|hjälp|insatser)\s*[.,]?$", re.I)
GOAL_SECTION = re.compile(r"\b(?:mål|delmål|målsättning|önskat läge|det vi vill uppnå|vad vill vi uppnå)\b", re.I)
GOAL_PHRASE = re.compile(r"\b(?:målet är att|mål(?:et)?:|delmål\s*\d*:|ska kunna|vill uppnå|önskat läge)\b",
                         re.I)
NOT_A_GOAL = re.compile(r"\b(?:målet med (?:mötet|dagens)|målgrupp|målsman|mål(?:et)? för mötet)\b", re.I)
MEASURABLE = re.compile(
    r"\d|\b(?:dagar|gånger|varje|alla (?:dagar|lektioner)|minst|högst|veckor?|v\.|vecka|månad\w*|"
    r"terminen|läsåret|jul|sommar\w*|påsk|senast|före|innan|till (?:den|v\.|vecka)|januari|februari|mars|april|"
    r"maj|juni|juli|augusti|september|oktober|november|december|hela|ingen|inga)\b", re.I)
AGENCY_FRAMED = re.compile(
    r"^\s*(?:att\s+)?(?:bup|soc\w*|skolan|elevhälsan|hab\w*|bvc|lss|fk|försäkringskassan|vårdcentralen|"
    r"barnkliniken|förskolan|fritids|familjehemmet|hvb\w*|personalen\b[^.]{0,30}?|kurator\w*|mentor\w*|"
    r"rektor\w*|socialsekreterare\w*|handläggare\w*|familjebehandlare\w*|specialpedagog\w*|psykolog\w*|"
    r"läkare\w*|vi|nätverket|alla vuxna|de vuxna|föräldrarna|vårdnadshavarna|familjen|mamma|pappa|"
    r"(?:\w+)?planen|säkerhetsplanen|rutine?n?|en rutin|utredningen|ansökan|beslut\w*|samarbetet)\b[^.]{0,40}?"
    r"\b(?:ska|skall|kommer att|har|är|blir|utreder|utreda|bevilja\w*|erbjuda\w*|upprätta\w*|kalla\w*|"
    r"ansvara\w*|fungera\w*)\b", re.I)
CHILD_FRAMED = re.compile(rf"{CHILD}.*\b(?:ska|vill|kan|kunna|har|känner|mår|går|äter|sover|får)\b"
                          rf"|^\s*(?:att\s+)?(?:kunna|känna|må|gå|vara|ha|klara|sova|äta|våga|hitta)\b", re.I)
ACTIVITY_SECTION = re.compile(r"\b(?:insats\w*|aktivitet\w*|åtgärd\w*|vad\s*[–-]\s*vem|vem gör vad|"
                              r"ansvarsfördelning|planerade insatser|stöd)\b", re.I)
ACTIVITY_VERB = re.compile(r"\b(?:ska|kommer att|erbjuder|erbjuds|träffar|gör|genomför|utreder|ansvarar för|"
                           r"bokar|kontaktar|ordnar|ansöker|handleder|följer upp|sköter)\b", re.I)
RESPONSIBLE_FIELD = re.compile(r"\b(?:ansvarig|vem|utförare|huvudman)\s*[:|]", re.I)
OVERALL = re.compile(r"\b(?:samordningsansvar\w*|planeringsansvar\w*|huvudansvar\w*|övergripande ansvar\w*|"
                     r"samordnare|samordnande|håller i (?:sip|planen)|ansvarar för (?:sip|planen)|"
                     r"sip-ansvarig|ansvarig för (?:sip|planen))", re.I)
CONVENER = re.compile(r"\b(?:kallar|sammankallande|bjuder in|skickar kallelse)\b", re.I)
FOLLOW_UP = re.compile(r"\b(?:uppfölj\w*|följ\w* upp|nästa (?:sip-)?möte|ny sip|nytt möte|utvärder\w*|"
                       r"avstämning\w*|(?:vi )?(?:ses|hörs|träffas)(?: igen)?)\b", re.I)
SAYS = re.compile(r"\b(?:säger|sa|berättar|berättade|önskar|vill|tycker|tyckte|uttrycker|uppger|beskriver|"
                  r"menar|upplever|känner sig|kände sig|skattar|skattade|ritade|svarade|har sagt|framför)\b", re.I)
FIRST_PERSON = re.compile(r"(?:^|[\s\"”»'–-])(?:jag|mig|mitt|min)\b", re.I)
QUOTE = re.compile(r"[\"”»“][^\"”»“]{4,}[\"”«“]")
FORMULAIC_VOICE = re.compile(r"\b(?:barnets (?:åsikt|röst|synpunkt\w*|perspektiv)|har fått komma till tals|"
                             r"har inhämtats|är delaktig|instämmer|har fått uttrycka|håller med|"
                             r"uttrycker (?:ett )?behov|ger uttryck för|har fått tycka till|"
                             r"(?:uttrycker|visar|signalerar) (?:oro|trygghet|otrygghet|behov))\b", re.I)
PARTICIPATION = re.compile(rf"{CHILD}[^.]{{0,60}}\b(?:deltog|deltar|var med|närvarade|närvarande|"
                           r"träffade|fick\s+\w+\s+(?:förklar|berätt)|ritade|var inte med|deltog inte)\b"
                           r"|\b(?:bildstöd|anpassa\w* (?:mötet|möte)|träffade\s+\S+\s+(?:innan|före)|"
                           r"deltog inte eftersom|deltar inte då|för liten för att delta|inför mötet)\b", re.I)
PARTICIPATION_VAGUE = re.compile(r"\b(?:delaktig\w*|har varit med i processen|har informerats)\b", re.I)
CONSENT = re.compile(r"\b(?:samtyck\w*|medgivande\w*|samtycke\w*)\b", re.I)
CONSENT_WHO = re.compile(r"\b(?:vårdnadshavar\w*|vh|båda|bägge|\[VH\d?\]|\[BARN\]|mamma|pappa|föräldrar\w*|"
                         r"skriftlig\w*|muntlig\w*|ungdomen|eleven)\b", re.I)
CONSENT_VAGUE = re.compile(r"\b(?:samtycke finns|samtycke inhämtas|inhämtas samtycke|ska inhämtas)\b", re.I)
NO_CONSENT = re.compile(r"\b(?:inget samtycke|saknas samtycke|samtycke saknas|har inte samtyckt)\b", re.I)
GUARDIAN_VIEW = re.compile(r"\b(?:berättar|berättade|säger|sa|tycker|tyckte|önskar|uppger|oroar|oro|upplever|menar|"
                           r"framför|vill|ville|beskriver|beskrev|anser|ser|känner|är nöjd\w*|vädjar|efterfrågar|"
                           r"ber om|har synpunkter)\b", re.I)
GUARDIAN_PRESENT = re.compile(r"\b(?:deltog|deltar|närvarade|närvarande|var med|medverkar|medverkade)\b", re.I)
PARTICIPANT_LIST = re.compile(r"^\s*(?:deltagare|närvarande|närv\.?|deltog|på mötet|mötesdeltagare|inbjudna)\b",
                              re.I)
GUARDIAN_EXCLUDED = re.compile(r"\b(?:lvu|inte kallade|ej kallade|kallades inte|exkluder\w*|"
                               r"inte delta\w* (?:på grund av|eftersom|då))\b", re.I)


@dataclass
class Context:
    """What the rules look at, computed once per plan."""

    text: str
    plan_date: dt.date | None
    segs: list[Segment]
    lines: list[Segment]
    actors: list[tuple[int, int, str]]
    roles: list[tuple[int, int, str]]
    date_mentions: list[dates.DateMention]
    follow_up_iso: list[str]
    follow_up_concrete: list[dates.DateMention]
    follow_up_vague: list[dates.DateMention]
    signals: dict[str, float] = field(default_factory=dict)

    @cached_property
    def goals(self) -> list[Segment]:
        """The goal segments (computed once; several criteria look at them)."""
        return goal_segments(self)

    def has_agent(self, seg: Segment) -> bool:
        """True when a segment names an actor, a role or a person placeholder."""
        return (any(seg.start <= s < seg.end for s, _, _ in self.actors)
                or any(seg.start <= s < seg.end for s, _, _ in self.roles)
                or bool(PERSON_REF.search(seg.text) and not re.search(r"\[BARN\]", seg.text)))


def build_context(text: str) -> Context:
    plan_date = dates.find_plan_date(text)
    mentions = dates.find_dates(text, plan_date)
    chosen = [m for m, p in followup.follow_up_mentions(text, mentions, plan_date) if p >= 0.5]
    concrete = [m for m in chosen if m.kind != "vague"]
    return Context(
        text=text, plan_date=plan_date, segs=segments(text), lines=segments(text, split_sentences=False),
        actors=find_actors(text), roles=find_roles(text), date_mentions=mentions,
        follow_up_iso=sorted({m.iso for m in concrete if m.iso}), follow_up_concrete=concrete,
        follow_up_vague=[m for m in chosen if m.kind == "vague"],
    )


def _ev(seg: Segment, label: str) -> Evidence:
    return Evidence(start=seg.start, end=seg.end, text=seg.text, label=label)


def _result(cid: str, verdict: str, confidence: float, evidence: list[Evidence], explanation: str) -> CriterionResult:
    return CriterionResult(verdict=verdict, confidence=round(confidence, 3), evidence=evidence[:5],
                           explanation=explanation, reference=BY_ID[cid].reference,
                           needs_review=confidence < REVIEW_BELOW)


HEADER_WORDS = re.compile(r"^(?:nr|#|mål|delmål|vad|vem|när|hur|insats(?:er)?|aktivitet(?:er)?|ansvarig|ansvar|"
                          r"tid(?:punkt|splan)?|uppföljning|klart|status|kommentar|åtgärd(?:er)?|behov|"
                          r"mäts genom|hur mäts|mått|indikator|utförare|huvudman|klart när|datum)$", re.I)


def is_table_header(text: str) -> bool:
    """A table's header or separator row ("Mål | Vem | När", "|---|---|")."""
    cells = [c.strip() for c in re.split(r"[|\t]| [–-] ", text) if c.strip()]
    if len(cells) < 2 and "|" not in text and "\t" not in text:
        return False
    if not re.search(r"[A-Za-zÅÄÖåäö]", text):
        return True
    return len(cells) >= 2 and all(HEADER_WORDS.match(c.rstrip(":")) for c in cells)


def goal_segments(ctx: Context) -> list[Segment]:
    """Segments that state a goal: in a goal section, or with a goal phrase; 'mål' in other senses excluded."""
    out = []
    for s in ctx.segs:
        if s.is_heading or NOT_A_GOAL.search(s.text) or is_table_header(s.text):
            continue
        in_goal_section = bool(GOAL_SECTION.search(s.section)) and not ACTIVITY_SECTION.search(s.section)
        if in_goal_section or GOAL_PHRASE.search(s.text):
            out.append(s)
    return out


BACKGROUND_SECTION = re.compile(r"\b(?:bakgrund|behov|nuläge|läget|barnets|syn|berättelse|deltagare|närvarande)\b",
                                re.I)


def activity_segments(ctx: Context) -> list[Segment]:
    """Lines that state an intervention: in an activity section, table rows, or action sentences."""
    out = []
    goal_starts = {g.start for g in ctx.goals}
    for s in ctx.lines:
        if s.is_heading or s.start in goal_starts or BACKGROUND_SECTION.search(s.section):
            continue
        in_section = bool(ACTIVITY_SECTION.search(s.section))
        table_row = s.text.count("|") >= 2 or "\t" in s.text
        if is_table_header(s.text):
            continue
        if in_section or table_row or (ACTIVITY_VERB.search(s.text) and ctx.has_agent(s)):
            out.append(s)
    return out


def needs_described(ctx: Context) -> CriterionResult:
    hits = [s for s in ctx.segs if not s.is_heading and NEED.search(s.text)
            and not AGENCY_FRAMED.search(_strip_label(s.text))]
    concrete = [s for s in hits if not VAGUE_NEED.search(s.text) and len(s.text.split()) >= 6]
    ctx.signals.update(need_segments=len(hits), need_concrete=len(concrete))
    ev = [_ev(s, "NEED") for s in concrete or hits]
    if len(concrete) >= 2:
        return _result("needs_described", "met", 0.75, ev, "Barnets behov beskrivs konkret.")
    if hits:
        return _result("needs_described", "partial", 0.55, ev, "Behov nämns men beskrivs vagt eller knapphändigt.")
    return _result("needs_described", "not_met", 0.7, [], "Letade efter beskrivna behov (behöver, svårt, "
                                                            "frånvaro, oro …) men hittade inga.")


def goals_present(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    agency = [s for s in goals if AGENCY_FRAMED.search(_strip_label(s.text))]
    ctx.signals.update(goal_segments=len(goals), goal_segments_agency=len(agency))
    ev = [_ev(s, "GOAL") for s in goals]
    if goals and len(agency) >= 0.6 * len(goals):
        return _result("goals_present", "partial", 0.55, ev, "Målen beskriver vad verksamheterna ska göra eller "
                                                              "nå, inte vad som ska bli annorlunda för barnet.")
    if len(goals) >= 2:
        return _result("goals_present", "met", 0.7, ev, f"Planen anger {len(goals)} mål.")
    if goals:
        return _result("goals_present", "partial", 0.55, ev, "Planen anger bara ett mål.")
    return _result("goals_present", "not_met", 0.7, [], "Letade efter mål (rubriken Mål/Delmål, 'målet är att', "
                                                          "'ska kunna') men hittade inga.")


def goals_evaluable(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    measurable = [s for s in goals if MEASURABLE.search(s.text)]
    ctx.signals["goals_measurable"] = len(measurable)
    if not goals:
        return _result("goals_evaluable", "not_met", 0.75, [], "Inga mål finns att följa upp.")
    share = len(measurable) / len(goals)
    ev = [_ev(s, "GOAL") for s in measurable or goals]
    if share >= 0.5 and measurable:
        return _result("goals_evaluable", "met", 0.6, ev, f"{len(measurable)} av {len(goals)} mål har nivå, "
                                                          "frekvens eller tidsram.")
    if measurable:
        return _result("goals_evaluable", "partial", 0.55, ev, f"Bara {len(measurable)} av {len(goals)} mål "
                                                               "går att mäta.")
    return _result("goals_evaluable", "not_met", 0.6, ev, "Målen saknar nivå, frekvens eller tidsram.")


def responsibility_per_action(ctx: Context) -> CriterionResult:
    acts = activity_segments(ctx)
    with_agent = [s for s in acts if ctx.has_agent(s) or RESPONSIBLE_FIELD.search(s.text)]
    only_we = [s for s in acts if WE.search(s.text) and not ctx.has_agent(s)]
    ctx.signals.update(activities=len(acts), activities_with_agent=len(with_agent), activities_we=len(only_we))
    if not acts:
        return _result("responsibility_per_action", "not_met", 0.6, [], "Letade efter insatser med ansvarig "
                                                                          "men hittade inga insatser.")
    missing = [s for s in acts if s not in with_agent]
    if not missing:
        return _result("responsibility_per_action", "met", 0.7, [_ev(s, "ACTIVITY") for s in acts],
                       f"Alla {len(acts)} insatser anger vem som utför dem.")
    if with_agent or only_we:
        return _result("responsibility_per_action", "partial", 0.55, [_ev(s, "ACTIVITY") for s in missing],
                       f"{len(missing)} av {len(acts)} insatser saknar tydlig ansvarig.")
    return _result("responsibility_per_action", "not_met", 0.6, [_ev(s, "ACTIVITY") for s in missing],
                   "Ingen insats anger vem som utför den.")


def overall_responsibility(ctx: Context) -> CriterionResult:
    named = [s for s in ctx.segs if OVERALL.search(s.text)]
    with_agent = [s for s in named if ctx.has_agent(s) or re.search(r":\s*\S", s.text)]
    conveners = [s for s in ctx.segs if CONVENER.search(s.text) and ctx.has_agent(s)]
    ctx.signals.update(overall_named=len(named), overall_with_agent=len(with_agent), conveners=len(conveners))
    if with_agent:
        return _result("overall_responsibility", "met", 0.75, [_ev(s, "COORDINATOR") for s in with_agent],
                       "Samordningsansvarig anges.")
    if named or conveners:
        return _result("overall_responsibility", "partial", 0.5, [_ev(s, "COORDINATOR") for s in named + conveners],
                       "Det övergripande ansvaret är underförstått eller otydligt.")
    return _result("overall_responsibility", "not_met", 0.7, [], "Letade efter samordningsansvarig/"
                                                                   "planeringsansvarig men hittade ingen.")


def follow_up_date(ctx: Context) -> CriterionResult:
    ctx.signals.update(follow_up_concrete=len(ctx.follow_up_concrete), follow_up_vague=len(ctx.follow_up_vague))
    if ctx.follow_up_iso:
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in ctx.follow_up_concrete]
        return _result("follow_up_date", "met", 0.8, ev, "Uppföljning: " + ", ".join(ctx.follow_up_iso) + ".")
    if ctx.follow_up_vague:
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in ctx.follow_up_vague]
        return _result("follow_up_date", "partial", 0.65, ev, "Tiden för uppföljning är vag, inget datum.")
    mentions = [s for s in ctx.segs if FOLLOW_UP.search(s.text)]
    vague = [m for m in ctx.date_mentions if m.kind == "vague"
             and any(s.start <= m.start < s.end for s in mentions)]
    if vague:
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in vague]
        return _result("follow_up_date", "partial", 0.6, ev, "Tiden för uppföljning är vag, inget datum.")
    if mentions:
        return _result("follow_up_date", "not_met", 0.5, [_ev(s, "FOLLOW_UP") for s in mentions],
                       "Uppföljning nämns men utan någon tidpunkt.")
    return _result("follow_up_date", "not_met", 0.75, [], "Letade efter en tid för uppföljning (datum, vecka, "
                                                            "'nästa SIP-möte') men hittade ingen.")


def follow_up_responsible(ctx: Context) -> CriterionResult:
    fu = [s for s in ctx.segs if FOLLOW_UP.search(s.text) or (s.section and FOLLOW_UP.search(s.section))]
    callers = [s for s in fu if (CONVENER.search(s.text) or re.search(r"\bansvar\w*\b", s.text, re.I))]
    named = [s for s in callers if ctx.has_agent(s) and not WE.search(s.text)]
    ctx.signals.update(follow_up_segments=len(fu), follow_up_callers=len(callers), follow_up_named=len(named))
    if named:
        return _result("follow_up_responsible", "met", 0.7, [_ev(s, "FOLLOW_UP") for s in named],
                       "Det framgår vem som kallar till uppföljningen.")
    if callers or fu and (ctx.signals.get("overall_named") or ctx.signals.get("conveners")) \
            or ctx.signals.get("overall_with_agent"):
        return _result("follow_up_responsible", "partial", 0.5, [_ev(s, "FOLLOW_UP") for s in callers or fu],
                       "Vem som kallar till uppföljning är bara underförstått.")
    return _result("follow_up_responsible", "not_met", 0.65, [], "Letade efter vem som kallar till uppföljning "
                                                                   "men hittade inget.")


def _voice_segments(ctx: Context) -> tuple[list[Segment], list[Segment], list[Segment]]:
    own, formulaic, by_guardian = [], [], []
    for s in ctx.segs:
        if s.is_heading:
            continue
        guardian_first = GUARDIAN.search(s.text)
        child = re.search(CHILD, s.text, re.I)
        if FORMULAIC_VOICE.search(s.text):
            formulaic.append(s)
        elif guardian_first and SAYS.search(s.text) and not QUOTE.search(s.text):
            by_guardian.append(s)
        elif (child and SAYS.search(s.text) and child.start() < SAYS.search(s.text).start()) \
                or QUOTE.search(s.text) or (FIRST_PERSON.search(s.text) and SAYS.search(s.text)):
            own.append(s)
    return own, formulaic, by_guardian


def child_voice(ctx: Context) -> CriterionResult:
    own, formulaic, by_guardian = _voice_segments(ctx)
    ctx.signals.update(voice_own=len(own), voice_formulaic=len(formulaic), voice_guardian=len(by_guardian))
    if own:
        return _result("child_voice", "met", 0.65, [_ev(s, "VOICE") for s in own],
                       "Barnets egen syn återges.")
    if formulaic or by_guardian:
        return _result("child_voice", "partial", 0.55, [_ev(s, "VOICE") for s in formulaic + by_guardian],
                       "Barnets röst återges bara formelartat eller genom vuxna.")
    return _result("child_voice", "not_met", 0.65, [], "Letade efter barnets egna ord, önskemål eller syn "
                                                        "men hittade inget.")


def child_participation(ctx: Context) -> CriterionResult:
    specific = [s for s in ctx.segs if PARTICIPATION.search(s.text)]
    vague = [s for s in ctx.segs if PARTICIPATION_VAGUE.search(s.text)]
    ctx.signals.update(participation_specific=len(specific), participation_vague=len(vague))
    if specific:
        return _result("child_participation", "met", 0.6, [_ev(s, "PARTICIPATION") for s in specific],
                       "Det framgår hur barnet deltagit (eller varför inte).")
    if vague:
        return _result("child_participation", "partial", 0.55, [_ev(s, "PARTICIPATION") for s in vague],
                       "Barnets delaktighet nämns utan innehåll.")
    return _result("child_participation", "not_met", 0.6, [], "Letade efter hur barnet deltagit men hittade "
                                                                "inget.")


def child_goals(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    if not goals:
        return _result("child_goals", "not_met", 0.7, [], "Inga mål finns; därför inga barnfokuserade mål.")
    agency = [s for s in goals if AGENCY_FRAMED.search(_strip_label(s.text))]
    child = [s for s in goals if s not in agency and CHILD_FRAMED.search(_strip_label(s.text))]
    ctx.signals.update(goals_child=len(child), goals_agency=len(agency))
    if child and len(child) >= 2 * len(agency) and len(child) >= len(goals) / 2:
        return _result("child_goals", "met", 0.6, [_ev(s, "GOAL") for s in child],
                       "Målen beskriver vad som ska bli annorlunda för barnet.")
    if child:
        return _result("child_goals", "partial", 0.5, [_ev(s, "GOAL") for s in child + agency],
                       "Målen blandar barnets vardag med vad verksamheterna ska göra.")
    return _result("child_goals", "not_met", 0.6, [_ev(s, "GOAL") for s in agency or goals],
                   "Målen beskriver vad verksamheterna ska göra, inte vad barnet ska kunna.")


def _strip_label(text: str) -> str:
    return re.sub(r"^\s*(?:\d+[.)]\s*|[-•*]\s*|(?:del)?mål\s*\d*\s*[:.]\s*)", "", text, flags=re.I)


def consent(ctx: Context) -> CriterionResult:
    hits = [s for s in ctx.segs if CONSENT.search(s.text) and not NO_CONSENT.search(s.text)]
    ctx.signals["consent_segments"] = len(hits)
    specific = [s for s in hits if CONSENT_WHO.search(s.text) and not CONSENT_VAGUE.search(s.text)]
    if specific:
        return _result("consent", "met", 0.75, [_ev(s, "CONSENT") for s in specific], "Samtycke anges, och av vem.")
    if hits:
        return _result("consent", "partial", 0.6, [_ev(s, "CONSENT") for s in hits], "Samtycke nämns vagt.")
    return _result("consent", "not_met", 0.75, [], "Letade efter samtycke men hittade inget.")


def guardian_participation(ctx: Context) -> CriterionResult:
    mentions = [s for s in ctx.segs if GUARDIAN.search(s.text)]
    views = [s for s in mentions if GUARDIAN_VIEW.search(s.text)]
    present = [s for s in mentions if GUARDIAN_PRESENT.search(s.text)]
    excluded = [s for s in mentions if GUARDIAN_EXCLUDED.search(s.text)]
    ctx.signals.update(guardian_mentions=len(mentions), guardian_active=len(views), guardian_present=len(present))
    in_prose = [s for s in present if not PARTICIPANT_LIST.search(s.section) and not PARTICIPANT_LIST.match(s.text)]
    ctx.signals["guardian_present_prose"] = len(in_prose)
    if views or excluded or in_prose:
        return _result("guardian_participation", "met", 0.65,
                       [_ev(s, "GUARDIAN") for s in excluded + views + in_prose],
                       "Vårdnadshavarna deltog eller deras syn återges (eller skälet till att de inte deltog).")
    if mentions:
        return _result("guardian_participation", "partial", 0.55, [_ev(s, "GUARDIAN") for s in present or mentions],
                       "Vårdnadshavarna nämns eller var med, men deras egen syn framgår inte.")
    return _result("guardian_participation", "not_met", 0.7, [], "Letade efter vårdnadshavarnas deltagande "
                                                                   "men hittade inget.")


RULES = {
    "needs_described": needs_described, "goals_present": goals_present, "goals_evaluable": goals_evaluable,
    "responsibility_per_action": responsibility_per_action, "overall_responsibility": overall_responsibility,
    "follow_up_date": follow_up_date, "follow_up_responsible": follow_up_responsible,
    "child_voice": child_voice, "child_participation": child_participation, "child_goals": child_goals,
    "consent": consent, "guardian_participation": guardian_participation,
}
assert tuple(RULES) == CRITERION_IDS


def coordinator_of(ctx: Context) -> str | None:
    """The normalised actor named in the first segment that states the overall responsibility."""
    for s in ctx.segs:
        if OVERALL.search(s.text):
            names = [n for a, _, n in ctx.actors if s.start <= a < s.end]
            if names:
                return names[0]
    return None


def entities_of(ctx: Context) -> list[Entity]:
    ents = [Entity(start=s, end=e, label="ACTOR", text=ctx.text[s:e], normalised=n) for s, e, n in ctx.actors]
    ents += [Entity(start=s, end=e, label="ROLE", text=ctx.text[s:e]) for s, e, _ in ctx.roles]
    fu = {(m.start, m.end) for m in ctx.follow_up_concrete + ctx.follow_up_vague}
    ents += [Entity(start=m.start, end=m.end, label="DATE", text=m.text, normalised=m.iso,
                    role="follow_up" if (m.start, m.end) in fu else None) for m in ctx.date_mentions]
    return sorted(ents, key=lambda e: (e.start, e.end))


def assess_rules(ctx: Context) -> dict[str, CriterionResult]:
    """All 12 criterion results for a context (in the order of the public ids)."""
    return {cid: RULES[cid](ctx) for cid in CRITERION_IDS}


class RuleAssessor:
    """Assess a plan with the rules alone."""

    model_version = MODEL_VERSION

    def assess(self, plan: Plan) -> Assessment:
        ctx = build_context(plan.text)
        criteria = assess_rules(ctx)
        return Assessment(
            id=plan.id,
            criteria=criteria,
            dimensions=dimension_scores({c: r.verdict for c, r in criteria.items()}),
            follow_up_dates=ctx.follow_up_iso,
            plan_date=ctx.plan_date.isoformat() if ctx.plan_date else None,
            coordinator=coordinator_of(ctx),
            actors=sorted({n for _, _, n in ctx.actors}),
            entities=entities_of(ctx),
            warnings=[],
            model_version=self.model_version,
        )
