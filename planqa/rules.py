"""The rule-based assessor: transparent keyword, heading, date and gazetteer rules per criterion.

It is planqa's explainable baseline and fallback, and a feature source for the trained
classifiers (`signals`). Every verdict carries the spans that decided it.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Literal, TypeVar

from planqa import dates, followup, grids, initials, wordlists
from planqa.actors import find_actors, find_roles, find_units, normalise_actor
from planqa.criteria import BY_ID, CRITERION_IDS
from planqa.drafts import PLACEHOLDER
from planqa.models import Assessment, CriterionResult, Entity, Evidence, Plan, dimension_scores
from planqa.readable import readable, reads_plan_text
from planqa.text import Segment, _is_heading_line, folded_re, lower_case_text, lower_case_variant, segments

MODEL_VERSION = "rules-1"
T = TypeVar("T")
REVIEW_BELOW = 0.6

CHILD = r"(?<!\w)(?:\[BARN\]|barnet|eleven|ungdomen|flickan|pojken|hen|han|hon|sonen|dottern|jag)(?!\w)"
PERSON_REF = re.compile(r"\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
GUARDIAN = re.compile(
    r"\b(?:vårdnadshavar\w*|vh\d?|mamma\w*|pappa\w*|förälder|föräldrar\w*|mor|far|\[VH\d?\]|styvpappa|styvmamma)\b",
    re.I)
WE = re.compile(r"^\s*(?:[-–•*]|(?:\d+\.)*\d+[.)]?)?\s*(?:vi|man|alla|nätverket|berörda|samtliga)\b|\b(?:vi|man|alla|nätverket|berörda)\s+"
                r"(?:ska|kommer|får|tar|hjälps)\b", re.I)

NEED = re.compile(r"\b(?:behöver|behov\w*|svårt|svårighet\w*|frånvar\w*|oro\w*|mår dåligt|ångest|"
                  r"sover|somna\w*|utmaning\w*|problem\w*|konflikt\w*|utbrott|skolk|självskad\w*|"
                  r"diagnos\w*|adhd|autism|ast|utredning|trubbel|strul\w*)\b", re.I)
# A goal stated in the line itself ("Mål: ...", "8. Delmål 2: ...", "målet är att ..."); the colon ends the label,
# so no word boundary after it.
# Goal words are also matched with å lost in pasted text ("MAL", "Malet ar att"); compound goal labels count
# ("Delaktighetsmål:", "Effektmål 2:", a decision point's "1.2 Målsättning:"), wishes do not ("Önskemål:").
# Narrative prose states goals in a lead-in ("Målsättningen på sikt är att ...", "Det övergripande målet för
# perioden är att ...", "Därtill eftersträvas att ...", a template's "Vår gemensamma målbild är att ...").
# A goal label in the words coordinators use for it ("Målbild: ...", "Vad vill vi uppnå: ..."; GUIDELINES 3,
# goals_present: a goal says what is to be different for the child, whatever the label calls it).
GOAL_PHRASE = re.compile(r"\b(?:(?!önske)(?:\w*mål|mal|m[åa]ls[äa]ttning|m[åa]lbild)(?:et|en)?\s*\d*\s*:|"
                         r"vad (?:vill|ska) (?:vi|ni|du|jag) uppn[åa]\s*\??\s*:|"
                         # a label that qualifies the goal ("Målet som står kvar: att ...", "Målen vi enades om: ..."); a
                         # goal written out with "kvarstår" counts for what it says (GUIDELINES 4, block 53)
                         r"m[åa]l(?:et|en)\s+(?:som|vi)\s[^.:\n]{1,30}:\s*\S|(?:m[åa]let [äa]r att|ska kunna(?!\s+\w+[aeo]s\b)|vill uppn[åa]|"
                         r"önskat läge|(?:m[åa]ls[äa]ttning(?:en)?|m[åa]let|m[åa]lbild(?:en)?)\b[^.]{0,40}?\b[äa]r att|eftersträvas att)\b)",
                         re.I)
GOAL_PHRASE_LOWER = re.compile(GOAL_PHRASE.pattern)  # for lower-cased text: case-insensitive search is slow
NOT_A_GOAL = re.compile(r"\b(?:m[åa]let med (?:m[öo]tet|dagens|mallen|samtalet|träffen|utredningen|kartläggningen)|"
                        r"(?:m[öo]tets|dagens) m[åa]l|m[åa]lgrupp\w*|m[åa]lsman|m[åa]l(?:et)? för m[öo]tet)\b",
                        re.I)
# The first half of an agency's name written with an elided compound ("barn- och ungdomspsykiatrins", "barn- och
# ungdomsmedicins"): the name is the same agency as its short form ("BUP:s"; GUIDELINES 3, overall_responsibility).
ELIDED_COMPOUND = r"(?:\w+- och )?"
# The words that label a goal: "Mål", "Målen", and as coordinators also write it "Målbild", "Målsättning", "Vad vill vi
# uppnå" (GUIDELINES 3, goals_present: the label does not make or unmake a goal).
_GOAL_LABEL_WORDS = (r"m[åa]l(?:en)?|m[åa]lbild(?:en)?|m[åa]ls[äa]ttning(?:en|ar|arna)?|"
                     r"vad (?:vill|ska) (?:vi|ni|du|jag) uppn[åa]")
# A goal line that states no goal: left empty, postponed or referred elsewhere ("(ej ifyllt)", "Som tidigare.",
# "Mål sätts när utredningen är klar", "Mål fastställs vid nästa möte", "Se BUP:s vårdplan", "Målen från oktober
# kvarstår"); in tentative language "Hann vi inte formulera i dag." (GUIDELINES 4, block 51).
GOAL_PLACEHOLDER = re.compile(
    rf"^\W*(?:tomt?\W*$|(?:{PLACEHOLDER}|\?{{2,}}|(?:x{{2,}}|todo|tbd)\b|fyll(?:s)? i\b|"
    r"klicka (?:eller tryck )?här\b)|(?:det finns |vi har )?(?:inga|inget) (?:\w+ )?m[åa]l\b|(?:ej|inte) (?:aktuell\w*|ifyllt|ifylld|satt\w*|klart|bestämt|bestämda|fastställ\w*|formulera\w*|revidera\w*|uppdatera\w*|ändrad\w*)|saknas|som (?:tidigare|förut|ovan)|samma som\b|"
    r"oförändrad\w*|se (?:ovan|nedan|bilaga|(?:\w+- och )?\S+s? (?:vård|behandlings)?plan|(?:\S+s? )?(?:åtgärdsprogram|utredning|journal|remiss|dokumentation|överlämning)\w*\W*$)|(?:enligt|enl\.) (?:tidigare|föregående)|"
    # the goal line only refers to another document ("Enligt barnmedicins vårdplan.", "Enl. BUP:s behandlingsplan")
    r"(?:enligt|enl\.) (?:\S+s? )?(?:(?:vård|behandlings|habiliterings|genomförande)?plan|åtgärdsprogram|utredning|journal|"
    r"bilaga|dokumentation)\w*\W*$|"
    # the goal point was put off ("Bordlades.", "Punkten bordlades till nästa möte")
    r"(?:\w+ )?bordla(?:des|gts?|gs|s)\b|"
    # also under the other goal labels ("Målbild: kvarstår från tidigare plan", "Målsättning sätts senare")
    rf"(?:\w+ )?(?:{_GOAL_LABEL_WORDS})\b.{{0,40}}\b(?:sätts|tas fram|formuleras|bestäms|kvarstår|gäller)\b|"
    rf"(?:\w+ )?(?:{_GOAL_LABEL_WORDS})\b.{{0,40}}\b(?:fastställs|beslutas) (?:\w+ )?(?:vid|på|när|efter|senare|i samband)\b|"
    r"(?:diskuterades|togs upp|hanns) inte\b|hann (?:vi |ni |man )?(?:inte|ej)\b|"
    r"(?:diskuteras|pratar vi om) (?:vidare|senare|igen)\b|\(?(?:togs|tas) (?:inte|ej) upp\b|(?:det |de |dom )?(?:ska )?tas upp (?:en annan gång|senare|igen)\b|(?:vi |man )?(?:kom|kommer) (?:inte|ej) fram till\b|tas (?:upp )?(?:(?:vid|på|pa) )?n[äa]sta|"
    r"(?:revideras|ses över|sätts|formuleras|bestäms|fastställs|beslutas|tas fram|skrivs) (?:\w+ )?(?:vid|på|till|efter|när)\b)",
    re.I)
# "dagar" is a frequency only with a share of them ("alla schemalagda dagar", "de flesta dagar", "varannan dag" and
# the numbers): "fler lugna dagar", "hela dagar", "trygga och förutsägbara dagar" and the days a när/då/som clause picks
# out ("även dagar när det är oroligt hemma") give no level (GUIDELINES 3 goals_evaluable: "må bättre" is not measurable).
# A season with a preposition of time is a time frame ("under hösten", "till våren"), not in a comparison ("ska
# fungera bättre än under hösten"); "sommar" only as the season ("före sommaren"), not in a compound ("sommarjobb",
# "sommarlägret"). "hela" alone ("ska orka hela skoldagen", "hela förmiddagen") is the extent of one occasion, no level,
# frequency or time frame (GUIDELINES 3: "må bättre"-like goals are not measurable).
MEASURABLE = re.compile(
    r"\d|\b(?:(?:alla|de flesta|flertalet|varannan|var tredje)\s+(?:\w+\s+)?dagar|gånger|gång|i veckan|i månaden|om dagen|per|varje|alla (?:dagar|lektioner|nätter|kvällar|morgnar|raster|måltider)|minst|högst|veckor?|v\.|vecka|månad\w*|"
    r"\w*terminen|läsåret|jul|sommar(?:en)?|påsk|senast|före|innan|till (?:den|v\.|vecka)|januari|februari|mars|april|"
    r"maj|juni|juli|augusti|september|oktober|november|december|ingen|inga|"
    r"\w*lovet|midsommar|(?<!än )(?:under|till|före|innan|inför|i|senast|fram till) (?:hösten|våren|vintern)|fram till (?=\w*lov|jul|sommar|påsk|midsommar|nästa|vecka|v\.)|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo)\b", re.I)
AGENCY_FRAMED = re.compile(
    r"^\s*(?:att\s+)?(?:bup|soc\w*|skolan|elevhälsan|hab\w*|bvc|lss|fk|försäkringskassan|vårdcentralen|"
    r"barnkliniken|förskolan|fritids|familjehemmet|hvb\w*|personalen\b[^.]{0,30}?|kurator\w*|mentor\w*|"
    r"rektor\w*|socialsekreterare\w*|handläggare\w*|familjebehandlare\w*|specialpedagog\w*|psykolog\w*|"
    r"läkare\w*|vi|nätverket|alla vuxna|de vuxna|föräldrarna|vårdnadshavarna|familjen|mamma|pappa|"
    r"(?:\w+)?planen|säkerhetsplanen|rutine?n?|en rutin|utredningen|ansökan|beslut\w*|samarbetet)\b[^.]{0,40}?"
    r"\b(?:ska|skall|kommer att|har|är|blir|utreder|utreda|bevilja\w*|erbjuda\w*|upprätta\w*|kalla\w*|"
    r"ansvara\w*|fungera\w*)\b", re.I)
# Also the compounds coordinators head the same section with ("Stödinsatser", "Hjälpinsatser", "Stödåtgärder") and
# the notes' shorthand "Åtg:" (not "åtg.prog", a programme): the section lists the interventions as "Insatser" does
# (GUIDELINES 3, responsibility_per_action).
_ACTIVITY_WORDS = (r"(?:stöd|hjälp)?insats\w*|aktivitet\w*|(?:stöd)?åtgärd\w*|åtg(?!\.\w)|vad\s*[–-]\s*vem|vem gör vad|vem hjälper (?:\w+ )?med vad|ansvarsfördelning|"
                   r"planerade insatser|stöd|uppdrag|action\s*points?|action\s*items?|actions?|workstreams?|backlog")
ACTIVITY_SECTION = folded_re(rf"\b(?:{_ACTIVITY_WORDS})\b", re.I)
# Headings of a section that lists what will be done, in the ways plans phrase it ("Det här ska hända",
# "Vad som görs", "Överenskommelser") besides the ACTIVITY_SECTION words.
_DECIDED_TITLE = (r"(?:det här|detta|så här) (?:har|ska) (?:de vuxna|vi vuxna|vi|ni|de|alla) (?:\w+ )?"
                  r"(?:bestämt|beslutat|kommit överens om|se till|göra)")
DECIDED_TITLE = folded_re(rf"^{_DECIDED_TITLE}\b", re.I)
INTERVENTION_SECTION = folded_re(rf"\b(?:{_ACTIVITY_WORDS}|ska hända|händer|ska göras|görs|gör vi|vi gör|att göra|"
                                  r"(?:det här|detta|så här) gör|"
                                  r"bestämdes|beslutades|överenskom\w*|fortsätter|framåt|behöver hända|nytt|nya insatser|"
                                  r"ändrade insatser|tidslinje|tidsplan|tidsordning|till nästa möte|"
                                  # an acute plan's immediate measures and safety plan ("Det här gäller nu", "De närmaste
                                  # dagarna", "Säkerhetsplan")
                                  r"gäller nu|(?:de )?närmaste dag\w*|säkerhetsplan\w*|"
                                  # the child's own plan: how it will be done ("Så här ska det gå till")
                                  r"(?:så här|så|hur) ska det gå till|"
                                  # what the adults decided or will see to ("Det här har de vuxna bestämt", "Det här
                                  # ska de vuxna se till")
                                  rf"{_DECIDED_TITLE})\b", re.I)
# Sections that report what was done before, not what the plan now sets out to do; a revised plan's new or
# changed actions ("Nytt sedan förra gången") are current.
PAST_SECTION = re.compile(r"\b(?:tidigare|föregående|förra|gjorts|genomförda|historik|hittills|hänt|tillbakablick)\b",
                          re.I)
# A section of interventions that have ended ("Avslutade insatser", "Insatser som har upphört"), as a longer document
# around the plan lists them.
ENDED_SECTION = re.compile(r"\b(?:avslutade?|avslutats|upphört|upphörde|slutförda)\b", re.I)
CURRENT_SECTION = folded_re(r"\b(?:nytt|nya|ändrade|framåt)\b", re.I)
# The status of an earlier plan's action in a revised plan: still a current activity when it goes on, has not
# started or is moved on ("Pågår", "Ej påbörjad", "→ flyttas", "fortsätter"); done or struck ones are not.
STATUS_ONGOING = folded_re(r"\b(?:pågår|pågående|fortsätter|fortsatt|kvarstår|(?:ej|inte) påbörja\w*|(?:ej|inte) "
                           r"(?:klar|klart|genomförd|gjord|start\w*)|flyttas|skjuts|ny tid|"
                           # a project plan's status of a current action ("to do", "on track", "at risk", "blocked")
                           r"to ?do|on track|at risk|blocked|in progress)\b|→", re.I)
ACTIVITY_VERB = folded_re(r"\b(?:ska|kommer att|erbjuder|erbjuds|träffar|gör|genomför|utreder|ansvarar för|"
                           r"bokar|kontaktar|ordnar|ansöker|handleder|följer upp|sköter|uppdr(?:ogs|as|ages)|"
                           r"i uppdrag)\b", re.I)
# A responsible field with a value; a dash before the form's next field names nobody ("Ansvarig: -   Start: -").
RESPONSIBLE_FIELD = folded_re(r"\b(?:ansvarig|ansv\.?|vem|utförare|huvudman|ägare|owner)\s*[:|]\s*(?!(?:vi|man|alla|nätverket|berörda|"
                               r"samtliga|oklart|ej|inte)\b|[–—?-]*\s*(?:[|.]|$)|[–—?-]+(?:\s{2,}|\t|\s+[^\W\d]+\s*:))\S", re.I)
# "vi = BVC och förskolan": a "vi" the plan itself defines counts as a named responsible (GUIDELINES 4.1), also in
# the writer's words ('När jag skriver "vi" menar jag mig själv, [NAMN_2] och [NAMN_3]').
# (also in apposition, as a second-language writer may put it: "Vi, det är hab och förskolan, vi kallar", block 69)
WE_DEFINED = re.compile(r"\b(?:vi|med vi menas)\s*(?:=|\(|:|står för|betyder|är|,\s*(?:det är|dvs\.?|alltså))\s*(?:=\s*)?"
                        r"[^.\n]{0,40}?\b(?:och|samt|,)\b|\bvi\s*=\s*[\w\[]"
                        r"|\b(?:med|betyder|står)\s+[\"”'«]vi[\"”'»]|[\"”'«]vi[\"”'»]\s+(?:\w+\s+){0,2}(?:=|menas|betyder|står för)"
                        r"|[\"”'«]vi[\"”'»]\s+(?:menar|avser)\s+(?:jag|vi)\b"
                        r"|\bär\s+[\"”'«]vi[\"”'»]\s+[\w\[]|[\"”'«]vi[\"”'»]\s+är\s+[\w\[]",  # 'I planen är "vi" personalen'
                        re.I)
WE_DEFINED_CUES = ("vi",)  # in each match (`_has_cue`)
RESPONSIBLE_HEADER = folded_re(r"^(?:vem|ansvarig\w*(?: \w+)?|ansvar|ansv\.?|utförare|huvudman|vem gör|ägare|owner|r)$", re.I)
# A spreadsheet's "Ansvarig" column also under a shortened or misspelt title ("Ansv", "Ansvarg").
SHEET_RESPONSIBLE = re.compile(r"^ansv\w*$", re.I)
# A cell of an exported sheet that holds no text of the plan: an error value or a formula left in it ("#REF!",
# "#VÄRDEFEL!", "#N/A", "#SAKNAS!", "=SUMMA(A9:A13)").
SHEET_ERROR = re.compile(r"^\s*(?:#[A-ZÅÄÖ/0-9]+[!?]?|=\w.*)\s*$", re.I)
# A follow-up's heading over the interventions that go on ("Fortsatt:", "Fortsatt stöd"), no past section.
CONTINUED_SECTION = re.compile(r"^\W*fortsatt(?:a)?\b(?!\s+(?:möte|uppföljning))", re.I)
# A spreadsheet's empty row exported with tabs: a line of tabs only.
SHEET_BLANK_ROW = re.compile(r"\n[ \t]*\t[ \t]*(?=\n)")
# Field labels a spreadsheet's "Vad" column gives rows that are no intervention ("Barn", "Möte", "Uppf.").
ROW_FIELD = re.compile(r"^(?:barn|elev|namn|ålder|klass|möte|mötet|datum|plats|uppf\w*\.?|delaktighet|kommentar\w*)$",
                       re.I)
EMPTY_CELL = re.compile(r"^[\s–—?*.()\[\]-]*(?:ej (?:klart|bestämt)|oklart|inte bestämt|saknas|tomt|(?:ej|inte) ifyll\w*)?"
                        r"[\s–—?*.()\[\]-]*$", re.I)
WE_CELL = re.compile(r"^\s*(?:vi|man|alla|nätverket|berörda|samtliga|alla vuxna|de vuxna)\s*$", re.I)
# A responsible cell that says "vi" does it and names no one ("vi ordnar det tillsammans", "alla hjälps åt"): as "vi".
WE_CLAUSE_CELL = re.compile(r"^\s*(?:vi|man|alla|nätverket|berörda|samtliga)\s+"
                            r"(?!(?:\S+\s+)*?(?:och|samt|med|på|i|från|hos|genom|=)\b)[a-zåäö ]+\.?\s*$", re.I)
PARTICIPANT_HEADER = re.compile(r"\b(?:namn|befattning|titel|deltagare|intressent\w*|representant\w*)\b", re.I)
# The header cells of a table of who took part or who has a stake (a project plan's "Intressent | Representant |
# Intresse | Påverkan"): its rows list people, no interventions.
PARTICIPANT_CELLS = ("namn", "befattning", "titel", "deltagare", "intressent", "intressenter", "representant")
# "Huvudansvar" for the child itself ("[NAMN_4] har huvudansvaret för [BARN] dagtid på vardagar") is the daily care,
# not the plan's coordination (GUIDELINES 3, overall_responsibility; block 91's accounts of who cares for the child).
OVERALL = folded_re(r"\b(?:samordningsansvar\w*|samordn(?:ings)?\.?\s?ansv\w*\.?|planeringsansvar\w*|huvudansv\w*+\.?(?! för (?:\[BARN\](?!s)|barnet\b|henne\b|honom\b|hen\b))|"
                     r"övergripande ansvar\w*|(?:(?<!-)|(?<=sip-))samordnare(?! för (?!(?:hela |min |vår )?(?:planen|plan\b|sip)))|samordnande|h[åa]ll(?:er|a|it) (?:i|ihop) (?:min |hela |vår )?(?:sip\w*|planen|plan)\b|har hand om (?:hela )?(?:sip\w*|planen)|"
                     r"ansv(?:ar(?:ar?|et)?|\.)? för (?:hela )?(?:sip|planen)|vem (?:som )?(?:ska )?samordna(?:r|s)?\b|vem (?:som )?håller (?:i|ihop) (?:det här|det hela|allt(?:ihop)?)\b|vem (?:som )?håller ihop(?=\s*\?)|samordnar (?:\w+ )?(?:planen|sip\w*)|"
                     r"sip-ansvarig|ansvarig för (?:sip|planen)|(?:planen|sip\S*) ansvaras för|"
                     r"ansvar(?:ar|et|ig)? för (?:den )?samordning(?:en)?(?!\w)(?! av (?!(?:hela )?(?:planen|sip)))|"
                     r"samordna (?:hela )?(?:planen|sip\w*))", re.I)
OVERALL_CUES = ("samordn", "ansv", "håll", "hall", "hand om")  # one in each match (`_has_cue`)
# The plan's follow-up: also the next meeting as a compound ("nästa vårdplansmöte") and the review of a
# genomförandeplan ("Planen revideras ...", "Nästa genomgång").
FOLLOW_UP = folded_re(r"\b(?:uppfölj\w*|följ\w* upp|nästa (?:\w+-?)?(?:möte|sammanträde)|ny sip|nytt (?:\w+-?)?möte|"
                       r"(?:nästa|ny) genomgång|revider(?:as|ing\w*)|utvärder\w*|"
                       r"avstämning\w*|(?:vi )?(?:ses(?! över)|hörs|träffas)(?: igen)?|se(?:s)? över (?:planen|sip\w*)|"
                       r"(?:planen|sip\S*) ses över)\b", re.I)
# A follow-up announced by its line's time label, as timelines write it ("14/5: uppföljning av planen",
# "Vecka 20 – nytt SIP-möte", a schedule's row "| 8/12 | uppföljning av planen |"); the text after the date mention.
TIME_LABELLED_FOLLOW_UP = folded_re(r"\s*[:|–—-]\s*(?:uppfölj\w*|nästa (?:sip-?)?(?:möte|uppföljning)\w*|ny sip\b|"
                                    r"nytt (?:sip-?)?möte)", re.I)
# A spreadsheet row whose first cell labels the next follow-up, its time in the next cell ("Nästa uppföljning;
# 2026-02-10;;", "Nästa uppfölning;22/9-26;;", "Uppföljning\t14/5"): the text before the date mention.
SHEET_FOLLOW_UP_CELL = folded_re(r"^\W*(?:uppf\w*\.?|nästa (?:sip-?)?(?:möte|uppf\w*\.?|träff))\s*(?:;|\t+)\s*$", re.I)
# A sentence that opens with the next meeting and gives its time ("Nästa vårdplansmöte är 3/12 kl 13",
# "Ny genomgång blir den 9 september"): the text before the date mention.
NEXT_MEETING_IS = folded_re(r"(?:^|[.!?]\s)\W*(?:nästa|ny|nytt)\s+(?:[\w-]*(?:möte|sammanträde)|genomgång|"
                            r"uppföljning|revidering)\s+(?:är|blir|hålls|sker|planeras\s+till|bokas\s+till)\s+$", re.I)
# A short check-in that opens its sentence with its time, as an acute plan books one before the next full meeting
# ("Avstämning torsdag 13/11 kl. 14.00. Nytt SIP-möte 2025-12-04.", "Kort avstämning fredag 21/11."): a follow-up
# occasion of its own (GUIDELINES 2).
CHECK_IN_IS = folded_re(r"(?:^|[.!?]\s)\W*(?:(?:en\s+)?kort\s+)?(?:avstämning|telefonavstämning|avstämningsmöte|check-?in)"
                        r"(?:\s+(?:per|via)\s+(?:telefon|länk|teams))?\s*:?\s*$", re.I)
# A question about when the plan is followed up ("När ska vi se över planen?"): the next sentence answers it.
WHEN_QUESTION = re.compile(r"^\W*(?:(?:f|fråga(?:\s*\d{1,2})?)\s*:\s*)?när\b[^?]*\?\s*$", re.I)
# A line labelled with the next time, as notes write it ("nästa gång: 9 juni kl 10.30", "Ny träff – v. 12"): the text
# before the date mention.
NEXT_TIME_LABEL = folded_re(r"^\W*(?:nästa(?:\s+(?:gång|ggn|träff))?|ny\s+(?:gång|träff))\s*[:–—-]\s*$", re.I)
# A line that opens with the follow-up in shorthand, its time next ("Uppf 12/3 kl 9 soc kallar", "- ny uppf ngn gång
# i maj", "SIP-uppf: v. 12"; GUIDELINES 4, block 57): the text before the date mention.
# Also after a journal's "Planering:" keyword and with the plan after it ("Planering: uppf. SIP 2025-04-22", GUIDELINES
# 4, block 67: "Planering:" med tid för nästa SIP-möte eller uppföljning av planen är uppföljning).
SHORTHAND_FOLLOW_UP = folded_re(r"^\W*(?:(?:planering|pl\.?)\s*:\s*)?(?:(?:nästa|ny)\s+)?(?:sip-?)?uppf\.?"
                                r"(?:\s+(?:av\s+)?(?:sip\w*|planen))?\s*:?\s*(?:(?:ngn|någon)\s+gång\s+)?$", re.I)
# A question as a label ("Vem har hand om planen?", "6. Vem håller ihop planen?"), also asked in a speaker turn
# ("Kurator: Vem samordnar, ni eller vi?"): its answer follows.
WHO_QUESTION = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[^:\n]{1,30}:\s*)?\W*vem\b[^?]*\?\s*$", re.I)
# A form's printed question ("7. Har vårdnadshavarna gett sitt samtycke?", "F: När ses vi igen och vem kallar?"):
# the answer after it is the plan, the question itself says nothing (GUIDELINES 4).
FORM_QUESTION = re.compile(r"^\W*(?:(?:\d{1,2}[.)]|f|fråga(?:\s*\d{1,2})?)\s*[:.)]?\s*)?(?:vem|vilk\w+|när|vad|hur|har|"
                           r"finns|ska|är|var)\b[^?\n]*\?\s*$", re.I)
# The child as the one who takes part: also "pat." in journal notes and "den unge" in minutes.
_PARTICIPANT = r"(?:\[BARN\]|barnet|eleven|ungdomen|flickan|pojken|sonen|dottern|pat(?!:s)\.?|patienten|den unge|den unga)"
PARTICIPANT_CHILD = rf"(?<!\w)(?:{_PARTICIPANT}|hen|han|hon|jag|mig)(?!\w)"
# The child said to take part or not; not others in a relative clause after it ("[BARN] har samtyckt till att de som var
# på mötet får utbyta information").
PARTICIPATION = folded_re(rf"{PARTICIPANT_CHILD}(?:(?!\b(?:de|dem|alla|andra|övriga|samtliga|vi|ni) som\b)[^.]){{0,60}}"
                           r"\b(?:deltog|deltar|var med|närvarade|"
                           r"(?<!\bde )(?<!\bövriga )(?<!\bsamtliga )(?<!\balla )(?<!\bpersonal )(?<!\bvuxen )"
                           r"(?<!\bvuxna )närvarande|"  # not "umgänge ... med personal närvarande"
                           r"träffade|fick\s+\w+\s+(?:förklar|berätt)|ritade|var inte med|deltog inte|"
                           r"(?:satt|sitter|kom|(?:var|är) (?:inte|ej)|ej) med|kom in(?! (?:med|på|via|akut))|"
                           r"satt (?:i|på|bredvid|hos) [^.]{0,40}?(?:under (?:hela |större delen av |delar av )?|"
                           r"(?:hela|större delen av|delar av) )mötet|"
                           r"(?:var|är) (?:inte |ej )?på (?:sip-)?mötet|"
                           r"valde att (?:inte )?(?:delta|vara med)|"
                           r"bett att få vara med|fick (?:vara med och )?bestämma|ledde|"
                           # the perfect with the meeting named ("har deltagit under hela sammanträdet"); a bare
                           # "har deltagit" is vague (PARTICIPATION_VAGUE)
                           r"(?:har|hade) deltagit (?:under|på|vid|i) (?:hela |delar av |del av |större delen av )?"
                           r"(?:sip-?)?(?:mötet|sammanträdet))\b"
                           r"|\b(?:anpassa\w* (?:mötet|möte)|träffade\s+(?:\S+\s+){1,8}?(?:innan|före|inför|för att "
                           r"förbereda)|deltog inte eftersom|deltar inte då|för liten för att delta)\b"
                           # how the child took part, in a participant list: "Deltog: [BARN] (hela mötet, med tolk)"
                           rf"|{PARTICIPANT_CHILD}\s*\([^)]{{0,40}}?\b(?:hela|delar|del av|första|början|mötet|tolk|"
                           r"digitalt)\b"
                           # the verb left out in notes: "[BARN] med första halvan av mötet", "[BARN]: med hela mötet"
                           rf"|{PARTICIPANT_CHILD}:?\s+med\s+(?:under\s+|på\s+)?(?:hela|första|sista|halva|delar av|"
                           r"en del av|början av)\b"
                           # for how long: "[BARN] med ca 10 min i början", "[BARN] med 20 minuter"
                           rf"|{PARTICIPANT_CHILD}:?\s+med\s+(?:ca\.?\s+|cirka\s+|ungefär\s+|de första\s+)?\d+\s*min\w*"
                           # a second verb of the child's sentence: "[BARN] hade gått igenom frågorna ... och valde
                           # att vara med under första halvan"
                           rf"|{PARTICIPANT_CHILD}[^.]{{0,120}}?\boch\s+(?:valde att (?:inte )?(?:delta|vara med)|"
                           r"var med|deltog)\b", re.I)
CHILD_FIRST = folded_re(rf"^\s*(?:(?:barn(?:et)?|namn|elev(?:en)?)\s*:\s*)?{PARTICIPANT_CHILD}", re.I)  # also "Barn: [BARN], 7 mån."
# Not taking part, with the reason right after ("[BARN] ej med – hen ville inte missa simträningen", "Deltog inte
# pga åldern"): the explicit reason GUIDELINES 3 counts as met. The subject can be left out after a sentence about
# the child ("[BARN], 2 år, går 25 h/v. Deltog inte pga åldern").
ABSENT_REASON = folded_re(r"(?:\b(?:(?:deltog|deltar|kom)\s+(?:inte|ej)(?:\s+med)?|(?:var|är)\s+(?:inte|ej)\s+med|ej med|"
                          r"(?:kunde|skulle|ska|skall|fick|ville|orkade)\s+(?:inte|ej)\s+(?:delta|vara med|komma))|"
                          # a clause's word order: "att [BARN] inte skulle delta, eftersom ..."
                          rf"{PARTICIPANT_CHILD}\s+(?:inte|ej)\s+(?:kunde|skulle|ska|skall|fick|ville|orkade)\s+"
                          r"(?:delta|vara med|komma))"
                          r"\s*(?:[–—(:]|-\s|,?\s*(?:pga|p\.g\.a\.?|på grund av|eftersom|då|för att)\b)", re.I)
# A negation, one in each match of `ABSENT_REASON`, `ABSENT_NO_REASON` and `TOO_YOUNG_ABSENT` (`_has_cue`).
NEGATION_CUES = ("inte", "ej")
ABSENT_FIRST = folded_re(rf"^\s*{ABSENT_REASON.pattern}", re.I)
# The child was asked or had said yes and did not come, no reason given ("[BARN] hade tackat ja men kom inte."):
# mentioned without content. A bare "[BARN] var inte med på mötet." says nothing of the child's part in the plan.
ABSENT_NO_REASON = folded_re(rf"{PARTICIPANT_CHILD}[^.]{{0,40}}\b(?:tackat ja|tackade ja|kallad\w*|inbjud\w*|bjuden|"
                             r"bjudits in|skulle (?:ha )?(?:varit med|vara med|delta|komma))\b[^.]{0,30}?\b"
                             r"(?:(?:kom|deltog|närvarade)\s+(?:inte|ej)|var\s+(?:inte|ej)\s+med)\s*"
                             r"(?:[.!]|$|(?:till|på|i|under)\s+(?:sip-?)?mötet\b)", re.I)
# The child too tired, ill or upset to take part ("[BARN] ligger inlagd och var för trött för att vara med"): an
# explicit reason for not taking part (GUIDELINES 3 child_participation met).
ABSENT_TOO = folded_re(rf"{PARTICIPANT_CHILD}[^.]{{0,60}}\b(?:(?:var|är|blev|kände sig)\s+(?:för|alltför|så)\s+\w+\s+"
                       r"(?:för\s+)?att\s+(?:\w+\s+)?(?:kunna\s+|orka\s+)?(?:vara med|delta|närvara|komma)\b|"
                       # "orkade inte vara med på mötet" (not "orkar inte komma på morgonen")
                       r"(?:orkade|orkar|vågade|vågar|klarade|klarar)\s+(?:inte|ej)\s+(?:att\s+)?(?:vara med|delta|närvara|"
                       r"komma)\s+(?:på|till|i|vid)\s+(?:sip-)?möte[nt]?\b)", re.I)
# The child chose not to take part ("[BARN] valde att inte vara med på själva mötet"): the child's own choice is the
# explicit reason for not taking part (GUIDELINES 3 child_participation met).
CHOSE_NOT_TO = folded_re(rf"{PARTICIPANT_CHILD}\s+valde\s+(?:själv\s+)?att\s+(?:inte|avstå från att)\s+(?:delta|vara med)\b",
                         re.I)
# The plan gone through or explained to the child ("[NAMN_1] går igenom planen med [BARN] vid sängen", "förklarade
# planen för hen"): GUIDELINES 3, "planen förklarades".
PLAN_EXPLAINED = folded_re(rf"\b(?:går|gick|gått|gå)\s+igenom\s+(?:planen|sip\w*|överenskommelse\w*)\s+med\s+{PARTICIPANT_CHILD}|"
                           # the passive: "Planen gicks igenom med [BARN] med bilder", "Dagordningen hade i förväg
                           # gåtts igenom m. [BARN]"
                           rf"\b(?:planen|sip\w*|överenskommelse\w*|dagordningen)\s+(?:har\s+|hade\s+)?(?:\w+\s+){{0,2}}?"
                           rf"(?:gicks|gås|gåtts)\s+igenom\s+(?:med|m\.)\s+{PARTICIPANT_CHILD}|"
                           rf"\b(?:förklara\w*|berätta\w*|visa\w*)\s+(?:planen|sip\w*)\s+för\s+{PARTICIPANT_CHILD}", re.I)
# The meeting made with pictures for the child ("Dagordningen gjordes med bilder så att [BARN] visste vad som skulle
# hända", "[BARN] svarade med hjälp av bildkort", "[BARN] hade fått se bilderna hemma dagen innan"): GUIDELINES 3,
# "mötet anpassades" / "förklarades med bilder".
PICTURE_SUPPORT = folded_re(rf"\b(?:med|med hjälp av|genom)\s+(?:bilder|bildstöd|bildkort)\b[^.]{{0,60}}\bså att\s+{PARTICIPANT_CHILD}|"
                            rf"{PARTICIPANT_CHILD}[^.]{{0,40}}\b(?:svarade|fick se|fått se)\b[^.]{{0,40}}\b(?:bilder\w*|bildstöd|"
                            r"bildkort\w*)|"
                            # the child shown the pictures ("Efteråt visade vi henne bilderna som [NAMN_2] gjort")
                            r"\bvisa(?:de|t|r)?\s+(?:\S+\s+)?(?:henne|honom|hen|\[BARN\](?!s\b)|barnet)\s+(?:\w+\s+){0,2}?"
                            r"(?:bilder\w*|bildstöd|bildkort\w*)", re.I)
# The meeting fitted to the child ("Möte i hemmet så att [BARN] känner sig trygg", "Mötet lagt i lekrummet för hennes
# skull"): GUIDELINES 3, mötet anpassades.
MEETING_ADAPTED = folded_re(rf"\bmöte[nt]?\b[^.]{{0,60}}\bså att\s+{_PARTICIPANT}\s+(?:kunde|kan|skulle|ska|orkade|orkar|"
                            r"känner|kände)\s+(?:\w+\s+)?(?:vara med|delta|komma|sig)\b|"
                            # "Mötet lagt i lekrummet för hennes skull"
                            r"\bmöte[nt]?\b[^.]{0,60}\bför\s+(?:hennes|hans|hens|\[BARN\]s)\s+skull\b", re.I)
# The child's young age given as the reason before "deltog inte" ("[BARN] är fem månader och deltog inte").
_AGE = r"(?:\d{1,2}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|halvt)\s+(?:år|mån\w*|veckor)\b(?:\s+gammal\w*)?"
TOO_YOUNG_ABSENT = folded_re(rf"{PARTICIPANT_CHILD},?\s+(?:är\s+|som är\s+)?{_AGE}[^.]{{0,20}}?\b(?:deltog|deltar|"
                             r"var|är|kom|kunde)\s+(?:inte|ej)\b", re.I)
# Taking part in the everyday life of school, a home or leisure ("deltar i undervisningen", "är med på
# aktiviteterna"): not the planning meeting.
PARTICIPATION_ELSEWHERE = folded_re(r"\b(?:deltar|deltog|deltagit|är med|var med|varit med|närvarar|sitter med|satt med|"
                                    r"närvarade)\s+(?:i|på)\s+(?:\w+\s+){0,3}?(?:\w*aktivitet\w*|"
                                    r"undervisning\w*|\w*lektion\w*|träning\w*|idrott\w*|skolarbete\w*|fritids\w*|"
                                    r"gemenskap\w*|klass\w*|rast\w*|samling\w*|leken|lek|måltid\w*)\b|"
                                    # met at an everyday visit ("träffade [BARN] på ett vanligt hälsobesök"):
                                    # talk without a tie to the plan, voice only (GUIDELINES 4)
                                    r"\b(?:träffade|träffat|träffar)\s+(?:\S+\s+){0,2}?(?:på|vid|under)\s+"
                                    r"(?:ett|en|sitt|sina)\s+(?:vanlig\w*|ordinarie|rutinmässig\w*)\s+"
                                    r"\w*(?:besök|kontroll)\w*", re.I)
# A bare statement that the child took part or not ("[BARN] deltog inte.", "[BARN] var med på mötet.", in minutes
# "Antecknades att [BARN] inte närvarade vid mötet."): the reason or how can follow.
TOOK_PART_ONLY = folded_re(rf"^(?:[^:]{{1,40}}:\s*)?(?:[-–•*]\s*)?(?:(?:antecknades|noterades|konstaterades)\s+att\s+)?"
                                   rf"{PARTICIPANT_CHILD}\s+(?:(?:inte|ej)\s+)?(?:deltog|deltar|var med|närvarade|"
                                   r"var (?:inte|ej) med)(?: (?:inte|ej))?"
                                   r"(?:\s+(?:på|vid|i)\s+(?:dagens\s+)?(?:sip-?)?möte[nt]?)?\s*[.!]?\s*$", re.I)
# The child prepared for the meeting ("Inför mötet träffade [NAMN_1] [BARN]", "[BARN] hade fått frågan dagen före
# om vad som var viktigast att ta upp"): only with the child named.
# "dagarna före" alone or before the meeting, not before another event ("dagarna före umgänget", "veckan innan lovet").
_BEFORE_MEETING = r"\b(?:(?:inför|innan|före) (?:sip-)?mötet|(?:dagen|dagarna|veckan|kvällen) (?:före|innan)" \
                  r"(?!\s+(?!(?:sip-)?mötet\b)\w{2,}(?:et|en|na)\b))\b"
PREPARED = folded_re(rf"{_BEFORE_MEETING}.*{PARTICIPANT_CHILD}|{PARTICIPANT_CHILD}.*{_BEFORE_MEETING}", re.I)
# A section about preparing the meeting ("Inför mötet", "Förberedelser"): a sentence there that names the
# child with someone meeting, talking or going through the meeting with it is the child prepared.
PREPARATION_SECTION = folded_re(r"^(?:\d+[.)]?\s*)?(?:inför|innan|före) (?:sip-)?mötet\b|\bförbered\w*", re.I)
# The act negated right before it ("har inte träffat [BARN] före mötet"): no preparation.
NEGATED_BEFORE = re.compile(r"\b(?:inte|ej|aldrig)\s+(?:\w+\s+)?$", re.I)
# An earlier meeting, plan or follow-up ("var med på första mötet", "vid förra uppföljningen", "i den tidigare
# SIP:en"): taking part there is no part in this plan (GUIDELINES 4, a long background before a short plan).
EARLIER_MEETING = folded_re(r"\b(?:första|förra|förrförra|tidigare|föregående|gamla)\s+(?:sip-?)?(?:möte\w*|plan\w*|"
                            r"sip\w*|uppföljning\w*)\b", re.I)
PREPARATION_ACT = folded_re(r"\b(?:träffa\w*|pratade|pratat|samtal\w*|gick igenom|gått igenom|satt|suttit|"
                            r"(?:fått|fick) frågan|frågade\w*|tillfrågad\w*|"
                            r"förbered\w*|förberett|besök\w*|visade|ritade|tittade|förklara\w*|läste|skrev|skrivit|"
                            # the child writing its part, in the present ("Min del – [BARN] skriver (med [NAMN_2], dagen
                            # innan mötet)"), not an adult's note before it ("mentorn skriver en lapp kvällen innan")
                            r"(?:(?<=\[BARN\] )|(?<=\bjag ))skriver|"
                            # the child telling or answering, the child the subject ("[BARN] berättade för kuratorn dagen
                            # före mötet att ...", "[BARN] svarade själv på plattan innan mötet"; GUIDELINES 4.1)
                            r"(?:(?<=\[BARN\] )|(?<=\[BARN\] själv )|(?<=\bjag ))(?:berättade|svarade|fyllde i)|"
                            # a session held with the child ("Gjord med kuratorn i elevhälsans rum dagen före mötet")
                            r"(?:gjord|gjordes|genomförd|genomfördes)\s+(?:tillsammans\s+)?med|"
                            r"intervju\w*)\b", re.I)
# Words that make a taking-part sentence about the SIP meeting or the plan, not school or leisure
# ("[BARN] deltar i undervisningen", "bildstöd i klassrummet"); a stretch of the meeting ("de första 20
# minuterna", "i början"), a minutes paragraph ("under § 4") or a meeting in project words ("agendan", "workshopen")
# is the meeting too.
PARTICIPATION_CONTEXT = folded_re(r"\b(?:\w*möte(?!r\b)\w*|sip\w*|planen|plan\b|genomgång\w*|samordnade|bildstöd|bilder|träffade|"
                                   r"\d+ år|eftersom|för liten|minut\w*|min\b|halvtimm\w*|timm(?:e|en|ar)|kvart\w*|i början|"
                                   r"dagordning\w*|agenda\w*|workshop\w*|"
                                   # official words for the meeting ("deltog under hela sammanträdet", GUIDELINES 4,
                                   # block 72: judge what the text says, not the style) and an age as a noun, as "\d+ år"
                                   # ("inte något för en femåring att sitta med på")
                                   r"sammanträd\w*|\w*åring(?:en|ar)?)|§", re.I)
PARTICIPATION_VAGUE = folded_re(rf"\b(?:delaktig\w*|har (?:varit med|deltagit) i (?:processen|planering\w*|arbetet)|"
                                r"har informerats|"
                                # shown the finished plan, not how: "[BARN] har tagit del av planen"
                                r"(?:har|hade) (?:fått )?(?:tagit|ta) del av (?:planen|sip\w*)|"
                                # "Jag har varit med på mitt sätt", "har varit med i samtal på sitt sätt", "har varit
                                # med och bestämt på mitt sätt": taking part in a way the plan does not say
                                r"har varit med (?:(?:i|och) \w+ )?på (?:mitt|sitt|hens|hans|hennes) (?:eget )?sätt|"
                                r"har varit med och (?:gjort|skrivit|tagit fram|gjorde) (?:planen|min plan|sip\w*)|"
                                r"(?:har (?:fått )?)?(?:varit|vara) med och (?:tyckt|tycka|tyckte) till|"
                                # the formula of being heard: "[BARN] har fått säga sin åsikt", "fått komma till tals"
                                r"(?:fått|fick|getts|givits|haft) (?:\w+ )?(?:(?:möjlighet|tillfälle) att )?(?:säga|framföra|"
                                r"uttrycka|lämna) (?:sin|sina|sitt) (?:åsikt\w*|synpunkt\w*|mening)|"
                                r"(?:fått|fick|getts|givits|haft) (?:möjlighet|tillfälle) att tycka till|"
                                # offered a part, not said how it was taken: "har getts möjlighet att delta"
                                r"(?:getts|givits|erbjudits|haft) (?:\w+ )?(?:möjlighet|tillfälle) att (?:delta|vara med)|"
                                # "Jag har fått säga vad jag tycker": that the child was asked, not what it said
                                r"(?:fått|fick) säga vad (?:jag|hen|han|hon|\[BARN\]) (?:tycker|tyckte|tänker|tänkte|vill|ville)|"
                                r"(?:fått|fick) komma till tals|"
                                # the formula of influence: "[BARN] har getts möjlighet till inflytande"
                                r"(?:fått|fick|getts|givits|ges|får) (?:\w+ )?möjlighet till (?:inflytande|delaktighet|"
                                r"medverkan|medbestämmande))\b|"
                                rf"{PARTICIPANT_CHILD}\s+(?:är|har blivit)\s+informerad\b|"
                                rf"{PARTICIPANT_CHILD}\s+(?:har\s+)?(?:fått|fick)\s+(?:information|info)\s+om\s+"
                                r"(?:\w+\s+)?(?:mötet|planen|sip\w*)|"
                                rf"{PARTICIPANT_CHILD}\s+(?:har\s+deltagit|närv\.)\s*[.!]?\s*$|"
                                # the formula of age and maturity: "[BARN] har deltagit utifrån ålder"
                                rf"{PARTICIPANT_CHILD}\s+har\s+(?:deltagit|varit med)\s+(?:utifrån|efter|i förhållande till)"
                                r"\s+(?:sin\s+|hens\s+|hans\s+|hennes\s+)?(?:ålder|förmåga|mognad)|"
                                # "Du har fått vara med." in a plan written to the child: in what, not said
                                rf"{PARTICIPANT_CHILD}\s+har\s+(?:fått\s+vara|varit)\s+med\s*[.!]?\s*$|"
                                # invited and did not come, no reason: "[BARN]: kallad, kom inte till mötet"
                                r"\bkallad\w*,?\s+(?:men\s+)?kom\s+(?:inte|ej)\b", re.I)
# The child spoke, wrote or drew at the meeting ("[BARN] berättade på mötet att ...", "Den här texten skrev jag
# på mötet"): the child took part (GUIDELINES 3, "var med på hela/delar av mötet"); only being there while the
# adults talk ("[BARN] lekte på golvet under mötet") is not this.
_SAID_OR_WROTE = r"(?:sa|sade|berättade|svarade|frågade|pratade|förklarade|skrev|ritade|visade|läste|valde|bad)"
CHILD_AT_MEETING = folded_re(rf"{PARTICIPANT_CHILD}\s+{_SAID_OR_WROTE}\b[^.]{{0,40}}?\b(?:på|under)\s+(?:sip-)?mötet\b|"
                             rf"\b{_SAID_OR_WROTE}\s+{PARTICIPANT_CHILD}\s+(?:\w+\s+)?(?:på|under)\s+(?:sip-)?mötet\b|"
                             # the meeting opened with the child: "Vi började mötet med [BARN] och hon fick visa ..."
                             rf"\b(?:började|inledde|startade|öppnade)\s+(?:sip-)?mötet\s+med\s+{PARTICIPANT_CHILD}",
                             re.I)
# The child wrote the plan or decided what it says ("Jag skrev den här planen med min kontaktperson", "[BARN]
# bestämde själv vad som skulle stå"): the plan itself is the child's participation.
CHILD_WROTE_PLAN = folded_re(rf"{PARTICIPANT_CHILD}\s+(?:har\s+|hade\s+)?(?:skrev|skrivit|gjorde|gjort)\s+"
                             r"(?:den här |denna |min |sin )?(?:\w*plan(?:en)?|sip\w*)\b|"
                             rf"{PARTICIPANT_CHILD}\s+bestämde\s+själv\b|"
                             rf"\b(?:ifylld|ifyllt|skriven|skrivet|besvarad|besvarat|svarat)\s+av\s*:?\s*(?:jag,?\s*)?"
                             rf"{_PARTICIPANT}(?!s\b)", re.I)
# A section on the child's participation ("Ungdomens delaktighet", "Barnets medverkan"): whatever it says of the
# child is at least a mention of the child's participation.
# In official Swedish the child is "den enskilde" ("Den enskildes deltagande", "Ang. den enskildes medverkan").
PARTICIPATION_SECTION = folded_re(r"\b(?:barnets|ungdomens|elevens|\[barn\]s|min|mitt|den enskildes?)\s+"
                                  r"(?:delaktighet|medverkan|deltagande)\b", re.I)
# A label with nothing after it ("Barnets synpunkter/delaktighet:"): it names a field, it says nothing.
BARE_LABEL = re.compile(r"^[^.!?()\[\]]{1,60}:\s*$")
# A form's title for the child's participation standing alone on its line ("[BARN]s delaktighet", "Del 10. Barnets
# delaktighet"): a heading, not a mention (GUIDELINES 4: a printed field with an empty answer shows nothing).
PARTICIPATION_TITLE = folded_re(r"^[\s#*]*(?:§\s*)?(?:(?:del|punkt|avsnitt)\s+)?(?:\d+[a-z]?[.:)]?\s*)*"
                                r"(?:barnets|ungdomens|elevens|\[barn\]s|min|mitt)\s+(?:delaktighet|medverkan)[\s:.*]*$",
                                re.I)
# "Delaktig" as what the child needs or wishes ("behov av delaktighet", "vill få vara delaktig", "en önskan om att
# vara delaktig i sin egenvård"): voice, not a
# statement that the child took part.
PARTICIPATION_WISHED = folded_re(r"\b(?:få vara|(?:vill|önskar|hoppas)(?: att)?(?: \w+)? vara|behov av|önskan om|uppleva|känna sig|"
                                 r"(?:önskan|önskemål|behov|vilja) (?:om|av) att vara)\s+"
                                         r"(?:mer\s+)?delaktig\w*", re.I)
# A participant list's label ("Närvarande:", "Deltog:", "Med:"): the child only listed there took part without
# anything said about how (GUIDELINES 4: partial).
PARTICIPANT_LABEL = folded_re(r"^\s*(?:\d+[.)]\s*)?(?:(?:deltagare|närvarande|närv\.?|deltog|med|på mötet|"
                                      r"mötesdeltagare|medverkande|närvaro|med (?:på mötet|i dag|idag)|"
                                      r"(?:vi|de) som (?:var|är) (?:med|på mötet)|vilka var med\??|"
                                      # in plain words: "Här var vi:", "Där var:", "Vilka var där:"
                                      r"(?:här|där) var(?: vi)?|(?:vilka|vem|de som|vi som) var där\??)\s*:|"
                                      # a table row's first cell: "| Närvarande | [NAMN_1]; [BARN] |"
                                      r"\|\s*(?:deltagare|närvarande|närv\.?|deltog|mötesdeltagare|medverkande|"
                                      r"med på mötet)\s*\||"
                              # the list as a sentence: "Med på mötet var [BARN], mamma [VH1] och ..."
                                      r"(?:närvarande|med|deltagare)(?: (?:på|vid) mötet)? (?:var|är)\b)",
                              re.I)
# A table's row counts as a list item, its cells split by "|" ("| [BARN] | ungdomen | hela mötet |"; GUIDELINES 4, block 55:
# the column heading says what the cells are).
# An outline's item mark before the listed child ("a) [BARN], [VH1]", "2.1 [BARN], [VH1]" under "2. Närvarande"):
# GUIDELINES 4 (block 80), a line belongs to the level above it, here the participant list; a sub-level's title
# ("2.4 Barnet") is no item.
OUTLINE_ITEM_MARK = r"(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[a-z][.)]\s*)(?=\[BARN\])"
LISTED_CHILD = folded_re(rf"(?:^\s*(?:[-–•*|]\s*|{OUTLINE_ITEM_MARK})?|[,;]\s*|\b(?:och|samt|med)\s+){_PARTICIPANT}(?![\w:])\s*(?:$|[,;(|]|\d|och\b|"
                         # the list's closing full stop: "Deltagare: [NAMN_1] (BVC), [NAMN_2] jourhemsmamma, [BARN]."
                         r"\.\s*$|"
                         r"[–—-]\s*närv)",  # in notes: "[BARN] – närv. m [NAMN_4]"; invited: "[VH1] med [BARN]"
                                 re.I)
# The child in a participant list with the stretch of the meeting it was there for, not in brackets ("[BARN] hela
# mötet", "[BARN] (14) från kl 10 och framåt", "[BARN] en stund i början"): GUIDELINES 3, "var med på delar av mötet".
# Also the child brought along by the one listed before ("[VH1] (mamma) med [BARN] 1 år i knät hela mötet"):
# GUIDELINES 3 child_participation met, "var med på hela/delar av mötet".
LISTED_STRETCH = folded_re(rf"(?:^\s*(?:[-–•*|]\s*)?|[,;]\s*|\b(?:och|samt|med)\s+){_PARTICIPANT}(?![\w:])\s*"
                           r"(?:\(\d+(?:\s*år)?\)\s*)?"
                           # also in brackets: "[BARN] (punkt 1–3)", shared with the one listed with the child: "[BARN]
                           # och pappa [VH2] (hela mötet, tolk på plats)"
                           r"(?:[^,;()]{0,25}?|(?:\s+(?:och|&)\s+[^,;()]{1,20}?)?\s*\([^()]{0,25}?)"
                           r"\b(?:hela|delar|del av|första|början|en stund|från kl\w*|halva|sista|punkt(?:erna)?\s+\d)\b",
                           re.I)
CONSENT = re.compile(r"\b(?:samtyck\w*|samtyk\w*|medgivande\w*)\b", re.I)
# Consent given in other words, by a named person ("Mamma har sagt ja till planen", "har skrivit under samtycket").
CONSENT_ACT = re.compile(r"\b(?:(?:sagt|säger|sa) ja\s+till|gått med på|går med på|godkänt (?:planen|sip)|"
                         r"godkänner (?:planen|sip)|gett (?:sitt )?(?:ok|tillstånd|klartecken)|"
                         r"(?:skrivit|skrev) under|(?:skrivit|skrev) på(?=\s*(?:[.,;)]|$|samtycke|papper|blankett|planen|sip|att|"
                         r"något|ett|en|det|dokument))|undertecknat|undertecknade)\b", re.I)
# What consent in other words must be about, outside a consent section.
CONSENT_SCOPE = re.compile(r"\b(?:planen|sip|prata|information\w*|uppgifter)", re.I)
# "Mamma har sagt ja." on its own: consent in a child's words.
CONSENT_YES = re.compile(r"\b(?:har|hade)\s+(?:sagt|svarat) ja\s*[.!]?$", re.I)
# A statement of consent the writer is unsure of ("Jag har skrivit på något papper, tror jag").
CONSENT_HEDGE = re.compile(r"\b(?:tror jag|kanske|troligen|antagligen|vet inte|minns inte|osäkert?|oklart)\b", re.I)
# A consent word that is not this plan's consent: a condition, a side remark, a topic left open
# ("om samtycke finns", "med pappas medgivande", "utan samtycke", "frågan om samtycke", "utan att mamma sagt ja").
CONSENT_INCIDENTAL = re.compile(r"\b(?:med|efter|utan)\s+(?:\S+s\s+)?(?:samtycke\w*|medgivande\w*)|\b(?:utan att|ifall)\b[^.;]*|"
                                r"\bom\s+(?:\S+\s+)?(?:samtycke|medgivande)\w*\s+(?:finns|ges|lämnas|föreligger)|"
                                r"\bfrågan om (?:\S+\s+)?(?:samtycke|medgivande)\w*|"
                                # a condition in the perfect ("får bara lämnas om vårdnadshavarna har samtyckt"): a rule,
                                # no statement that they did (GUIDELINES 4: text saying consent is needed is no consent)
                                r"\bom\s+(?!att\b)(?:\S+\s+){1,4}?(?:har|hade)\s+(?:\w+\s+)?(?:samtyckt|"
                                r"(?:lämnat|gett|givit)\s+(?:sitt\s+)?(?:samtycke|medgivande))\b", re.I)
# A template's general text on consent, no statement of this plan's consent (GUIDELINES 4, "text saying consent is
# needed is no consent"): consent as a requirement or condition ("Samtycke krävs", "SIP kräver samtycke", "Samtycke ska finnas innan
# information lämnas", "om den enskilde eller vårdnadshavarna samtycker", "Om samtycke saknas"), its scope as a rule
# ("Samtycket omfattar informationsutbyte ..."), who may give it ("En ungdom som fyllt 15 år kan själv lämna
# samtycke") and that it can be withdrawn ("Samtycket kan när som helst återkallas", "Den som lämnat samtycke kan ...").
# The sentence is read from its start to its end or a semicolon; one that says consent was given ("Mamma har lämnat
# samtycke, som kan återkallas") is kept.
CONSENT_GENERAL = folded_re(
    r"(?:^|(?<=[.!?;\n]))"
    r"(?![^.!?;\n]*\b(?:har|hade)\s+(?:\w+\s+){0,2}?(?:lämnat|gett|givit|samtyckt|skrivit|undertecknat)\b)"
    r"[^.!?;\n]*(?:\b(?:kräver|förutsätter)\s+(?:\w+\s+)?(?:samtycke|medgivande)\w*|"
    r"\b(?:samtycke\w*|medgivande\w*)\s+(?:krävs|behövs|måste|omfattar|"
    r"ska\s+(?:finnas|inhämtas|ges|lämnas)\s+innan)\b|"
    r"\bkan\s+(?:\w+\s+){0,3}?återkall\w*|\båterkallas\b|"
    r"\bom\s+(?:\S+\s+){0,5}?samtycker\b|\bom\s+samtycke\w*\s+saknas\b|"
    r"\b(?:den|de|en\s+\w+)\s+som\s+(?:\w+\s+){0,4}?(?:kan\s+)?(?:själv\s+)?(?:lämna\w*|ge|gett)\s+"
    r"(?:sitt\s+)?samtycke\b)"
    r"[^.!?;\n]*", re.I)
# Consent to the care itself, not to the SIP or to sharing information ("föräldrarna har samtyckt till vården",
# "samtycke till placeringen"): GUARDIAN 3 `consent` asks for consent to the SIP or the information exchange.
CONSENT_TO_CARE = re.compile(r"\b(?:samtyck\w*|samtyk\w*|medgivande\w*)\s+(?:\w+\s+)?till\s+(?:(?:den|det|sin|sitt)\s+)?"
                             r"(?:\w+\s+)?(?:vård(?:en)?|placering\w*|behandling\w*|insats(?:en|erna)?|utredning\w*|"
                             r"inläggning\w*|operation\w*|medicinering\w*|läkemedel\w*|vaccin\w*|undersökning\w*)"
                             r"(?=\s*[.,;)]|\s*$)", re.I)
# "De har skrivit under samtycke ...": "de" are the guardians named in the sentence before.
CONSENT_BY_THEM = re.compile(r"^\W*(?:de|dom|båda två)\s", re.I)
# Consent that is only planned or being asked for, not given ("Samtycke inhämtas", "ska inhämtas av soc").
CONSENT_PENDING = re.compile(r"\b(?:inhämtas|ska\s+(?:\w+\s+){0,3}?(?:inhämta\w*|lämna\w*|samtycka|skriva)|"
                             r"kommer att (?:inhämta\w*|lämna\w*|samtycka)|har diskuterats)\b", re.I)
# A consent label's value said in a word ("Ja", "Finns", "Inhämtat", "Lämnat skriftligt").
CONSENT_VALUE = re.compile(r"^\W*(?:ja|finns|inhämta(?:t|d|de)|lämna(?:t|d|de)|givet|given|klart|ok|"
                           r"(?:skriftligt|muntligt)(?: lämnat| givet| inhämtat)?)\b", re.I)
# A consent field's label, also with what the consent is to ("Samtycke:", "Samtycke till samverkan:", "Samtycke till
# SIP och informationsutbyte:"; as CONSENT_LABEL reads it): the same field whichever the form writes.
_CONSENT_FIELD_LABEL = r"samtycke\w*(?:\s+(?:till|för|om)\s+[\w/-]+(?:\s+(?:och|o|&)\s+[\w/-]+)?)?"
NO_CONSENT = re.compile(r"\b(?:inget samtycke|ej samtycke|saknas samtycke|samtycke\w* saknas|har inte samtyckt|"
                        r"(?:inte|ej) (?:lämnat|gett) (?:sitt )?samtycke|vill inte samtycka|(?:nekat|avböjt) samtycke|"
                        rf"(?:behandlades|togs|diskuterades) inte|{_CONSENT_FIELD_LABEL}\s*[:|]\s*nej|"
                        r"samtycke\w*\s+(?:är\s+)?(?:tom|tomt|tomma|oifyll\w*|(?:inte|ej) ifyll\w*)|"
                        # a consent field whose value says it is missing ("Samtycke: saknas, blanketten fanns inte
                        # med", "Samtycke: ej inhämtat"): GUIDELINES 4 (block 78), what the text says is missing is not
                        rf"{_CONSENT_FIELD_LABEL}\s*[:|]\s*(?:saknas|finns\s+(?:inte|ej)|(?:inte|ej)\s+(?:inhämta\w*|lämna\w*|klart)))\b",
                        re.I)
# A form's or a draft's placeholder left as a field's value: no value ("Klicka här för att ange text", "[Ange datum]",
# "??", "XX", "fyll i sen", "TODO").
DRAFT_PLACEHOLDER = folded_re(rf"^\W*(?:{PLACEHOLDER}|todo\b|xx+\b|\?{{2,}}|…|\.{{3}})\W*$", re.I)
# The consent noun opening a clause of its own ("Föräldrarna är informerade och samtycke finns"): who consented is
# named in that clause, not in the one before.
CONSENT_CLAUSE = re.compile(r"(?:[,;]|\b(?:och|men|samt))\s+(?=(?:samtyck|medgivande))", re.I)
# Form checkboxes: "[x] Ja [ ] Nej", "☒ Vårdnadshavare 1 ☐ Barnet"; the label after an empty box is not chosen. A
# scanned form's empty box reads "|_|" or "[_]"; its label ends at the next box, or at a gap of two spaces before
# the form's own text ("Samtycke:  ☐ skriftligt  ☐ muntligt   Samtycke finns sedan tidigare.").
UNCHECKED_BOX = re.compile(r"(?:\[[\s_]\]|\|_\||☐|□)[ \t]*[^\[☐□☒☑■|]*?(?=[ \t]{2,}\S|[\[☐□☒☑■|]|$)")
CHECKBOX = re.compile(r"\[[xX✓✔*]\]|[☒☑■]")
# A check box, ticked or empty, as a checklist line starts with ("[x]", "[ ]", "☑", "☐", "✓").
TICK_BOX = r"(?:\[[xX✓✔*\s_]\]|[☒☑■☐□✓✔])"
# A line of a quality checklist the coordinator ticks: only boxes, each with a short claim about the plan and no
# content of its own ("☑ Samtycke inhämtat", "[x] Uppföljningsdatum satt ☐ Samordningsansvarig utsedd"). A tick is a
# claim, not the record it claims (GUIDELINES 4); a ticked line with a colon, a placeholder, a date or a parenthesis
# ("[x] Samtycke inhämtat (muntligt, [VH1])") is no bare claim, and a form's "[x] Ja" is an answer.
CHECKLIST_CLAIM = re.compile(rf"\s*(?:{TICK_BOX}[ \t]*(?!(?:ja|nej|ok)\b)(?:[^\W\d_]+\.?[ \t]*){{1,5}})+",
                             re.I)
# Who gave consent. All guardians (or a person who alone decides), the child, or one parent.
CONSENT_BY_ALL = re.compile(r"\b(?:vårdnadshavarna|vårdnadshavare(?!\s*\d)|föräldrar\w*|båda|bägge|vh(?!\d)|ni|familjen|"
                            r"god man|gode mannen|särskilt förordnad\w*)\b|\bensam\w* vårdnad\w*", re.I)
# (a journal's "pat"/"patienten" is the child: "Pat (15 år) har själv lämnat skriftligt samtycke")
CONSENT_BY_CHILD = re.compile(r"\[BARN\](?!s\b)|\b(?:jag|du|ungdomen|eleven|barnet själv|(?:hen|han|hon) själv|pat|"
                              r"patienten)\b", re.I)
MOTHER = re.compile(r"\b(?:mamma\w*|mor|modern|vårdnadshavare 1)\b|\[VH1\]", re.I)
FATHER = re.compile(r"\b(?:pappa\w*|far|fadern|vårdnadshavare 2)\b|\[VH2\]", re.I)
SINGLE_GUARDIAN = re.compile(r"\bvårdnadshavaren\b|\[VH\]", re.I)
# Where the object of consent begins ("... samtyckt till SIP och informationsutbyte"); the giver is named before it
# or after "från"/"av" ("Samtycke till SIP finns från mamma").
CONSENT_OBJECT = re.compile(r"\btill\b", re.I)
CONSENT_FROM = re.compile(r"\b(?:från|fr\.?|av)\s+(.{1,60})", re.I)
# Why only one parent consented: sole custody, the other parent deceased, or consent not asked for a stated reason.
# Folded: the diacritics may be left out ("ensam vardnadshavare"), as in text typed without Swedish letters.
SOLE_CUSTODY = folded_re(r"\bensam\w*\s+(?:har\s+)?(?:vårdnad\w*|om vårdnaden|att fatta beslut|fatta beslut|beslutanderätt)|"
                         r"\benda vårdnadshavare\w*|\b(?:pappa|mamma|fadern|modern)\w*\s+(?:är |har )?(?:avliden|avled|"
                         r"dog|är död|okänd|saknar vårdnad\w*|har inte vårdnad\w*)", re.I)
SOLE_CUSTODY_CUES = ("ensam", "enda v", "pappa", "mamma", "fadern", "modern")  # one in each match (`_has_cue`)
CONSENT_NOT_ASKED = re.compile(r"\b(?:inte|ej)\s+(?:\w+\s+)?(?:tillfrågad\w*|tillfrågats|inhämtat?s?|frågats|samtyckt)\b"
                               r".{0,80}?(?:\beftersom\b|\bpå grund av\b|\bp\.?g\.?a\b|\bmed hänvisning\b|\bdå\b|;|"
                               r"\bbeslut\w*|\bkontaktförbud\w*|\bhäktad\w*|\benligt\b|"
                               r"\bse ovan\b)", re.I)  # the reason given above ("[VH2] har inte tillfrågats, se ovan")
PARTICIPANT_LIST = folded_re(r"^\s*(?:deltagare|medverkande|närvarande|närv\.?|deltog|på mötet|mötesdeltagare|inbjudna)\b",
                              re.I)
# A guardian named as the one who acts in a clause: at the start of a sentence, field, table cell, list item or
# coordinated clause ("Mamma [VH1] och pappa [VH2] berättar", "...; pappa vill", "Föräldrarna själva är oroliga", a
# cell "| Vårdnadshavares syn | Mamma tycker ...": GUIDELINES 4, block 82, read who speaks from the sentence), not as an
# object or possessive ("träffar [BARN] tillsammans med pappa", "i mammas säng").
_GUARDIAN_NOUN = (r"(?:vårdnadshavar(?:e|en|na)|föräldr(?:ar|arna)|förälder|mamma|mamman|pappa|pappan|modern|fadern|"
                  r"mor|far(?!\s+illa)|styvpappa|styvmamma|bonuspappa|bonusmamma|vh|\[VH\d?\])")
# A guardian or other adult as the one who is (not) "delaktig" ("Pappa är inte delaktig", "[NAMN_1] har varit
# delaktig"): not the child's participation.
ADULT_PARTICIPANT = folded_re(rf"(?<![\w-])(?:{_GUARDIAN_NOUN}|\[NAMN_\d+\]|personal\w*|skolan|soc\w*|"
                              r"rektor\w*|lärar\w*|mentor\w*|kurator\w*|\w*sekreterar\w*|\w*sköterska\w*)\s+"
                              r"(?:(?:\w+\s+){0,3}"
                              # the adult's second verb in the same sentence ("[VH1] har lämnat samtycke till SIP och
                              # har informerats om planen": the guardian was informed, not the child; GUIDELINES 4,
                              # block 84: the names are read as the placeholders, and a guardian's part is no child's)
                              r"|(?:har|är|var|hade)\s+[^.!?;\n]*?\boch\s+)$", re.I)
GUARDIAN_SUBJECT = re.compile(
    rf"(?:^[\W\d]*|(?<!enl)[.:;,–—(|]\s*|\b(?:och|men|samt|medan|även|också)\s+)"
    rf"(?:(?:båda|bägge|både|din|dina|min|mina|hans|hennes|deras|\[BARN\]s|barnets)\s+)?"
    rf"(?<![\w-]){_GUARDIAN_NOUN}(?:\s*(?:\[VH\d?\]|\[NAMN_\d+\]|\((?:mamma|pappa)\)))?"
    rf"(?:\s*(?:,|och|o|&)\s*{_GUARDIAN_NOUN}(?:\s*(?:\[VH\d?\]|\[NAMN_\d+\]))?)*(?![\w-])", re.I)
# What a guardian says, thinks or wants (the verb of the clause the guardian is subject of).
GUARDIAN_VIEW = re.compile(r"\b(?:berättar|berättade|berättat|säger|sa|sade|sagt|tycker|tyckte|tyckt|önskar|önskade|"
                           r"uppger|uppgav|uppgett|oroar|orolig\w*|oroad\w*|upplever|upplevde|menar|menade|"
                           r"framför|framförde|framfört|vill|ville|beskriver|beskrev|anser|ansåg|känner|kände|"
                           r"nöjd\w*|rädd\w*|är överens|håller med|instämmer|vädjar|efterfrågar|efterfrågade|"
                           r"ber om|bad om|har synpunkter|uttrycker|uttryckte|lyfter|lyfte|tar upp|tog upp|"
                           r"(?:skriver|skrev|skrivit|mejlade|mejlat|meddelade|meddelat)(?!\s+(?:under|på)\b)(?=[^.!?]{0,40}\batt\b)|"
                           r"föreslår|föreslog|påpekar|påpekade|betonar|betonade|hoppas|saknar|svarade|"
                           r"tror|trodde|ser fram emot|ser positivt|ser det som|"
                           r"(?:lämna|skicka|ge|gav|framför)\w*\s+(?:\w+\s+)?synpunkter)\b",
                           re.I)
# Verbs that pass on what the guardian has seen or heard; "att [BARN] ..." after them renders the child, not the
# guardian's own view ("Mamma säger att [BARN] frågar efter pappa").
GUARDIAN_REPORTS = re.compile(r"^(?:berätta\w*|säger|sa|sade|sagt|uppge\w*|uppgav|beskriv\w*|beskrev|skriv\w*|skrev|"
                              r"svarade|framför\w*)$", re.I)
CHILD_CLAUSE = re.compile(r"^(?:(?!\batt\b)[^.!?:]){0,40}(?:\batt\b|:)\s*[\"”«]?\s*(?:\[BARN\]|barnet|hen|jag|sonen|"
                          r"dottern|eleven|ungdomen|flickan|pojken|mamma|pappa|\[VH\d\]|\[SYSKON\w*\]|syskonen|"
                          r"storebror|storasyster|lillebror|lillasyster)(?!\w)", re.I)
# "Enligt mamma ...": the guardian as a source.
GUARDIAN_SOURCE = re.compile(rf"\b(?:enligt|enl\.)\s+{_GUARDIAN_NOUN}\b", re.I)
# What the plan is written from ("utifrån det mamma och pappa berättar", "efter vad föräldrarna har berättat"): the
# guardians as the source of the text, no view of their own (GUARDIAN 3 "nämnt utan innehåll"), like "enligt mamma".
GUARDIAN_AS_SOURCE = re.compile(rf"\b(?:utifrån|efter|från)\s+(?:det|vad)\s+(?:som\s+)?{_GUARDIAN_NOUN}"
                                rf"(?:\s+(?:och|&)\s+{_GUARDIAN_NOUN})?\s+(?:har\s+)?(?:berätta\w*|sag[ta]|säger|"
                                rf"beskriv\w*|beskrev)\b", re.I)
# The guardian took part: "Mamma var med på mötet", "Pappa [VH2] deltog via telefon".
GUARDIAN_ATTENDED = re.compile(r"^[^.!?]{0,40}?\b(?:var (?:\w+ )?(?:med|närvarande|på plats|på mötet)|deltog|deltar|"
                               r"närvarade|medverkade|medverkar|kom till mötet|var uppkopplad\w*|lyssnade|lyssnar)\b"
                               r"(?!\s+(?:inte|ej)\b)", re.I)
GUARDIAN_ABSENT = re.compile(r"\b(?:var|är|kunde|hade) (?:inte|ej) (?:\w+ )?(?:med|komma|närvarande)\b|"
                             r"\b(?:inte|ej)\b[^.!?]{0,30}?\b(?:med på|delta\w*|deltog|närvarande|kallad\w*|kallats|"
                             r"kallades|bjud\w*)|\b(?:kallades|kallats|bjöds in|deltog|deltar|kom)\s+(?:inte|ej)\b|"
                             r"\b(?:förhinder|förhindrad\w*|frånvarande|avstod|avböjde)\b", re.I)
# A form field for the guardians' presence: "Vårdnadshavare närvarande: [x] Ja", "Föräldrar: närvarande". Like a
# participant list it says no more than that they were there.
GUARDIAN_PRESENCE_LABEL = re.compile(rf"^\W*{_GUARDIAN_NOUN}\s+(?:närvarande|deltog|deltar|med på mötet|med)\s*[:|]",
                                     re.I)
GUARDIAN_PRESENCE_VALUE = re.compile(rf"^\W*{_GUARDIAN_NOUN}\s*[:|]\s*(?:närvarande|deltog|deltar|med)\b", re.I)
# The label of a list of who took part ("Närvarande:", "1.3 Deltagare:", "Medverkande:", "Med på mötet:", "Vi som var
# med:"); "Medverkande" is the same list as "Närvarande" (GUIDELINES 3, guardian_participation: who took part).
# Also without å/ä/ö ("Narvarande:", text that lost them, GUIDELINES 4 block 40: read what a careful reader can) and in
# plain words ("Där var:", "Här var vi:"), as the child's participant label (PARTICIPANT_LABEL) reads them.
GUARDIAN_LIST_LABEL = folded_re(r"^[\W\d]*(?:(?:mötes)?deltagare|medverkande|närvarande|närvaro|närv\.?|deltog|med|med på mötet|"
                                r"på mötet|inbjudna|kallade|(?:vilka|vi|de) som (?:var|är) (?:med|på mötet)|"
                                r"vilka var med|(?:här|där) var(?: vi)?(?=\s*:)|(?:vilka|vem|de som|vi som) var där|"
                                r"vem var med|vi som deltog)\b", re.I)
# The label of a distribution list, who gets a copy of the plan ("Kopia till:", "Sändlista:", "Delges:"): no list of
# who took part (GUIDELINES 4, standard text: "en sändlista är ingen deltagarlista").
DISTRIBUTION_LABEL = folded_re(r"^[\W\d]*(?:kopi(?:a|or)\s+(?:till|skickas till|har skickats till)|sändlista|"
                               r"distribution\w*|delges|utskick till|planen skickas till)\b", re.I)
# A heading or field label for the guardians' view: "Vårdnadshavarnas synpunkter", "Vad mamma och pappa tycker";
# a bare "Mamma:" label counts when what follows is a view ("Mamma: vill att ...").
GUARDIAN_VIEW_TITLE = re.compile(r"\b(?:vårdnadshavar\w*|föräldr\w*|mamma\w*|pappa\w*|familjen\w*)\b.{0,20}\b(?:syn|"
                                 r"synpunkt\w*|tycker|tänker|säger|berätt\w*|önskemål|perspektiv|tankar|röst|ord|"
                                 r"åsikt\w*|uppfattning|bild)\b", re.I)
GUARDIAN_LABEL = re.compile(rf"^[\W\d]*{_GUARDIAN_NOUN}s?\s*$", re.I)
FIELD = re.compile(r"^\s*([^:|]{1,40}):\s*(.*)$")
# What makes a guardian's account of the child their own view: what the child needs or should have
# ("Pappa sa att [BARN] mår bra och inte behöver något extra, och att det viktiga är ..."); not what the child likes
# best ("Mamma säger att jag tycker bäst om när hon sjunger").
GUARDIAN_OPINION = re.compile(r"\b(?:behöver|borde|bör|måste|det viktig\w*|viktigt|bäst(?!\s+om\b))\b", re.I)
# The guardians in the SIP process without their view: told about it, sent the plan, called, asked.
GUARDIAN_PROCESS = re.compile(r"\b(?:plan|planen|protokoll\w*|möte\w*|kallelse\w*|kalla\w*|informera\w*|informeras|"
                              r"sip\w*|tillfråga\w*|kopia)\b", re.I)
# Guardians kept out of the plan for a stated reason (protected or placed children): "kallades inte eftersom ...".
GUARDIAN_EXCLUDED = re.compile(r"(?:\b(?:inte|ej)\s+(?:\w+\s+){0,2}?(?:kallad\w*|kallats|kallades|inbjud\w*|"
                               r"bjudits in)|\b(?:kallades|kallas|bjöds in|bjöds)\s+(?:inte|ej))\b[^.!?]{0,80}?"
                               r"(?:\beftersom\b|\bpå grund av\b|\bp\.?g\.?a\b|\bmed hänvisning\b|\bdå\b|\bbeslut\w*|"
                               r"\bskydd\w*|\bhemlig\w*|\bkontaktförbud\w*|\blvu\b|\bsekretess\w*|\bhäktad\w*)|"
                               r"\bexkluder\w*", re.I)
# Being let to give a view, without the view ("Mamma och pappa fick säga vad de tyckte om planen"): a mention of
# the guardians, not their view (like the child's formula, GUARDIAN 3 "nämnt utan innehåll").
GUARDIAN_VIEW_FORMULA = re.compile(r"\b(?:fick|får|har fått|hade fått|fått|har getts|getts|gavs)\s+(?:(?:möjlighet|tillfälle)"
                                   r"\s+att\s+)?(?:säga vad (?:de|hon|han) (?:tyckte|tycker|tänker|tänkte)|tycka till|"
                                   r"säga sitt|(?:lämna|framföra|ge) (?:sina |sin )?(?:synpunkter|syn))\b"
                                   r"(?:\s+(?:om|på)\s+(?:planen|förslaget|upplägget|målen|insatserna))?(?=\s*[.!]?\s*$)",
                                   re.I)
# "Mamma har sagt ja": consent, not a view.
YES_NO = re.compile(r"\s+(?:ja|nej)\b", re.I)
GUARDIAN_WORD = re.compile(rf"(?<![\w-]){_GUARDIAN_NOUN}s?(?![\w-])", re.I)
# Words that break a guardian's clause before the verb: the child or a subordinate clause acts instead.
OTHER_AGENT = re.compile(r"\[BARN\]|\b(?:barnet|hen|jag|när|där|medan|eftersom)\b|[.!?]", re.I)
# The reason for excluding the guardians, when it stands in the next sentence ("Pappa är inte kallad. Det finns ett
# kontaktförbud.").
EXCLUSION_REASON = re.compile(r"\b(?:kontaktförbud\w*|beslut\w*|skydd\w*|hemlig\w*|lvu|sekretess\w*|häktad\w*|"
                              r"hot(?:et|bild\w*|situation\w*)?|med hänsyn till)\b",
                              re.I)
TABLE_ROW = re.compile(r"^\s*\|")
# A line that only titles a list of participants ("1. Närvarande", "Närv.:", "Närvarande / intressenter"); short
# lines below it are the list.
LIST_TITLE = re.compile(GUARDIAN_LIST_LABEL.pattern + r"(?:\s*/\s*\w+)?[\s:.?]*$", re.I)
# The child lives away from the guardians (placed): then their absence needs a stated reason, and a plan that says
# nothing of them is told so.
PLACED = re.compile(r"\b(?:(?:är|blev|var|har varit|blir)\s+placera[dt]|placerades|"
                    r"placerad (?:i|på|hos|enligt|med stöd)|placering(?:en)? (?:i|på) (?:familjehem|jourhem|hvb)|familjehem\w*|jourhem\w*|hvb\w*|lvu|"
                    r"sis-?hem\w*)\b", re.I)
# A child without guardians in Sweden (unaccompanied, with a "god man", in notes "GM"): no guardians to take part.
UNACCOMPANIED = re.compile(r"\b(?:god man|gode mannen|ensamkommande|(?-i:GM))\b", re.I)
# Parents an unaccompanied child's plan says cannot be reached ("Föräldrarna finns i hemlandet, ingen kontakt",
# "Pappan är död", "mammans vistelseort är okänd"): kept out for a stated reason (GUIDELINES 4, block 48).
PARENTS_UNREACHABLE = folded_re(r"\b(?:i|kvar i) (?:hemlandet|hemland\w*|ett annat land)\b|\b(?:är|är båda) (?:döda?|avlidna?)\b|"
                                r"\bavled\w*|\bvistelseort\w* (?:är )?okänd|\bokänd vistelseort|\b(?:går|gick) inte att nå\b|"
                                r"\bingen kontakt\b|\bsaknar kontakt\b|\bhar inte (?:haft )?kontakt\b", re.I)
# The label of a list of stakeholders in project language ("Intressenter:", "Stakeholders"): the guardians named
# there are only listed; the child named there has not taken part by that alone.
STAKEHOLDER_LABEL = re.compile(r"^[\W\d]*(?:intressenter|stakeholders?)\b", re.I)


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
    instructions: list[tuple[int, int]]  # a template's instruction lines (`instruction_spans`)
    signals: dict[str, float] = field(default_factory=dict)

    @cached_property
    def units(self) -> list[tuple[int, int, str]]:
        """Local unit and team names the gazetteer lacks (`planqa.actors.find_units`: "Resursenheten", "Team Ung",
        "Kompassen" after "Familjeteamet Kompassen"); parties for who does what (GUIDELINES 4, block 85), kept out
        of `actors` so that the plan's list of actors and the trained model's features stay as they were."""
        return find_units(self.text, self.actors)

    @cached_property
    def codes(self) -> list[tuple[int, int, str]]:
        """The codes that may be someone's initials ("AK", "ÅB"; `planqa.initials.codes`)."""
        return initials.codes(self.text)

    @cached_property
    def explained_codes(self) -> frozenset[str]:
        """The initials the plan ties to a role or an agency ("AK = [NAMN_2], kurator", "KL/soc")."""
        return initials.explained_codes(self.text, self.codes, self.actors + self.roles + self.units) \
            if self.codes else frozenset()

    @cached_property
    def parties(self) -> list[tuple[int, int, str]]:
        """Every mention that names a party: the gazetteer's actors and roles, the local units (`units`) and the
        initials the plan explains (GUIDELINES 4, block 89: they are a named responsible party)."""
        explained = self.explained_codes
        return self.actors + self.roles + self.units + [c for c in self.codes if c[2] in explained]

    @cached_property
    def goals(self) -> list[Segment]:
        """The goal segments (computed once; several criteria look at them), a translation counted once, the
        sibling's goals left out (`sibling_segment`)."""
        return [g for g in _without_translated_goals(goal_segments(self)) if not sibling_segment(self, g)]

    def has_agent(self, seg: Segment) -> bool:
        """True when a segment names an actor, a role or a person placeholder."""
        return _names_party(self, seg) or bool(PERSON_REF.search(seg.text) and not re.search(r"\[BARN\]", seg.text))


# The plan's own follow-up field ("Uppföljning: efter jullovet", "7. Nästa möte: 4/3").
FOLLOW_UP_FIELD = folded_re(r"^\s*(?:\d{1,2}[.)]\s*)?(?:uppföljning|nästa (?:sip-?)?(?:möte|uppföljning))\s*:\s*\S", re.I)


def _field_times(lines: list[Segment], chosen: list[dates.DateMention]) -> list[dates.DateMention]:
    """The follow-up times; when the plan's follow-up field gives one, only the field's (a date elsewhere cued by
    "följer upp det anpassade schemat 16/10" is an intervention's check, not the plan's)."""
    fields = [ln for ln in lines if FOLLOW_UP_FIELD.match(ln.text)]
    in_field = [m for m in chosen if any(ln.start <= m.start < ln.end for ln in fields)]
    return in_field or chosen


@lru_cache(maxsize=16)
def build_context(text: str) -> Context:
    """Everything the rules read from one plan, built once per text (the self-check, the assessor and the
    fixes all ask for the same plan's context; treat it as read-only). The text is read as `planqa.readable`
    gives it: without struck text and comments, broken words joined, OCR digits read as letters, lost line
    breaks put back, every offset kept."""
    text = readable(text)
    plan_date = dates.find_plan_date(text)
    mentions = dates.find_dates(text, plan_date)
    segs, lines = segments(text), segments(text, split_sentences=False)
    announced = _announced_follow_ups(text, segs, mentions, plan_date)
    instructions = instruction_spans(lines)  # "(... Nästa uppföljning bör ske inom sex månader.)" is no time
    chosen = [m for m, p in followup.follow_up_mentions(text, mentions, plan_date) if (p >= 0.5 or m in announced)
              and not any(a <= m.start < b for a, b in instructions)]
    chosen = _moved_follow_ups(text, mentions, _field_times(lines, chosen))
    chosen = [m for m in chosen if not _passed_month(m, plan_date) and not _unreadable(text, m)
              and not _tentative_time(text, m) and not _measurement_time(text, m)
              and not _other_follow_up_time(text, m) and not _retold_time(text, m) and not _negated_time(text, m)]
    concrete = [m for m in chosen if m.kind != "vague"]
    return Context(
        text=text, plan_date=plan_date, segs=segs, lines=lines,
        actors=find_actors(text), roles=find_roles(text), date_mentions=mentions,
        follow_up_iso=sorted({m.iso for m in concrete if m.iso}), follow_up_concrete=concrete,
        follow_up_vague=[m for m in chosen if m.kind == "vague"], instructions=instructions,
    )


# A brother or sister of the child the plan is for (GUIDELINES 4, block 88: the plan is judged for [BARN] only; the
# sibling's needs, goals, interventions and words do not count for the child): the pseudonymised sibling or a
# kinship word ("lillebror", "systern", "syskonet"), with its genitive ("[SYSKON]s skolgång", "lillebrors").
SIBLING_WORD = r"(?:(?:stor[ae]?|lill[ae]?|halv)?(?:bror|brodern|brorn|syster|systern)|syskonet)"
SIBLING_REF = re.compile(rf"(?<![\w\[])(?:\[SYSKON\w*\]|{SIBLING_WORD})s?(?!\w)", re.I)
# A name the plan calls a brother or sister, the kinship word before or after it ("lillebror [NAMN_5]", "Syskon:
# [NAMN_5]", "[NAMN_5] (syster, 12 år)"); with the sibling's placeholder it tells the sibling's gender
# ("Storasyster [SYSKON]").
SIBLING_PLACEHOLDER = re.compile(r"\[(?:NAMN_\d+|SYSKON\w*)\]")
SIBLING_KIN_BEFORE = re.compile(rf"(?<![\w\[])({SIBLING_WORD}|syskon)\s*[:,]?\s*$", re.I)
SIBLING_KIN_AFTER = re.compile(rf"\s*[(,]\s*(?:\d{{1,2}}\s*år\s*,?\s*)?({SIBLING_WORD}|syskon)(?!\w)", re.I)
# The child the plan is for, or both children or the family (whose sentence counts for the child); the child's
# genitive before a sibling word names the sibling ("[BARN]s bror [SYSKON]").
SIBLING_PLAN_CHILD = folded_re(rf"\[BARN\](?!s\s+{SIBLING_WORD}\b)|"
                               rf"(?<![\w\[])(?:barnet|barnen|hen|syskonen|båda|bägge|familj(?!ehem)\w*)(?!\w)", re.I)
# A person word for an adult ("mamma", "[VH1]"), the writer ("jag", "vi") and "han"/"hon".
SIBLING_OTHER = folded_re(r"(?P<adult>\[(?:VH\d?|NAMN_\d+)\]|(?<![\w\[])(?:\w*mamma\w*|\w*pappa\w*|vårdnadshavar\w*|"
                          r"föräldr\w*|mormor|morfar|farmor|farfar|moster|faster|morbror|farbror|de|dom)(?!\w))|"
                          r"(?<![\w\[])(?:(?P<first>jag|vi|mig|oss|min|mitt|mina)|(?P<pron>han|hon))(?!\w)", re.I)
# What the sibling is the one for in a sentence whose subject is someone else: an intervention or errand for the
# sibling ("Inskolning för [SYSKON]", "en ny utredning om [SYSKON]"); the sibling as a companion, a topic or one
# receiver among others ("kontakt med min lillebror", "frågar om lillebror", "rädd för storebror", "ge pappa och
# [SYSKON] information") is not.
SIBLING_FOR = folded_re(r"(?<!rädd\s)(?<!rädda\s)(?<!orolig\s)(?<!oroliga\s)\b(?:för|åt)\s*$|"
                        r"\b(?:utredning\w*|anmälan|ansökan|beslut\w*|bedömning\w*|omprövning\w*)\s+(?:\w+\s+){0,2}"
                        r"(?:om|av|för)\s*$", re.I)
# The start of a clause before its subject: a label ("Syskon:"), a list mark, at most one word ("Storasyster
# [SYSKON]", "[BARN]s bror [SYSKON]", "Även [SYSKON]") or a source ("Enligt HVB uttrycker [SYSKON]"); after more
# words the person is an object ("Vill träffa lillebror oftare").
SIBLING_CLAUSE_START = re.compile(r"^[\s\W\d]*(?:[^\n:]{1,40}:\s*)?(?:enligt\s+\S+\s+\w+\s+|[\w\[\]]+[\s,]+)?$", re.I)
# A person word coordinated with one after a preposition ("Umgänge med mamma och bror"), or after a note's
# abbreviated "med" ("leker mest m [SYSKON]", "tills. m [SYSKON]"): no subject either.
SIBLING_OBJECT = re.compile(r"\b(?:till|med|m|för|om|åt|av|hos|från|mot|via|genom)\s+\S+\s+(?:och|o|&)\s*$|"
                            r"(?<![\w.])m\.?\s*$|\b(?:sin|sitt|sina)\s*$", re.I)
# A list item's mark at a line's start.
SIBLING_LIST_MARK = re.compile(r"\s*(?:[-•*–]|\d{1,2}(?:\.\d{1,2})*[.)]?\s)")
# Words that tell a person's gender: "han" cannot go back to a sister or a mother, "hon" not to a brother or a father.
SIBLING_FEMALE = folded_re(r"syster|mamma|\bmor\b|moster|faster|mormor|farmor|\bhon\b", re.I)
SIBLING_MALE = folded_re(r"bror|pappa|\bfar\b|morbror|farbror|morfar|farfar|\bhan\b", re.I)


def _sibling_mentions(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, who) of the person words of a plan that names a sibling, by start: who is 'sibling', 'child'
    (the child, both children or the family), 'adult', 'party' (an agency or a role), 'first' (the writer) or
    'pron' ("han"/"hon"); empty where the plan names no sibling (a cheap check first: most plans do not)."""
    def find(c: Context) -> list[tuple[int, int, str]]:
        text = c.text
        if "[SYSKON" not in text and not SIBLING_REF.search(text):
            return []
        names = {name for name, _ in _sibling_kin(c)}
        found = [(m.start(), m.end(), "sibling") for m in SIBLING_REF.finditer(text)]
        found += [(m.start(), m.end(), "child") for m in SIBLING_PLAN_CHILD.finditer(text)]
        found += [(m.start(), m.end(), "sibling" if m.group() in names else m.lastgroup or "adult")
                  for m in SIBLING_OTHER.finditer(text)]
        found += [(a, b, "party") for a, b, _ in c.parties]
        return sorted(found)
    return _cached(ctx, "sibling_mentions", find)


def _sibling_kin(ctx: Context) -> list[tuple[str, str]]:
    """(placeholder, kinship word) for each name or sibling placeholder the plan calls a brother or sister
    (`SIBLING_KIN_BEFORE`, `SIBLING_KIN_AFTER`)."""
    out = []
    for m in SIBLING_PLACEHOLDER.finditer(ctx.text):
        kin = SIBLING_KIN_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()) \
            or SIBLING_KIN_AFTER.match(ctx.text, m.end())
        if kin:
            out.append((m.group(), kin.group(1)))
    return out


def _sibling_gender(ctx: Context) -> str | None:
    """"han" or "hon" where the plan's kinship words for its sibling all tell one gender ("lillebror [SYSKON]")."""
    def find(c: Context) -> str | None:
        words = " ".join(word for _, word in _sibling_kin(c))
        female, male = bool(SIBLING_FEMALE.search(words)), bool(SIBLING_MALE.search(words))
        return "hon" if female and not male else "han" if male and not female else None
    return _cached(ctx, "sibling_gender", find)


def _opening_person(ctx: Context, start: int, end: int) -> tuple[int, int, str] | None:
    """The first person word of a span outside quotations and not after a preposition: the span's subject."""
    mentions = _sibling_mentions(ctx)
    quoted = [(start + a - 1, start + b + 1) for a, b in _quoted(ctx.text[start:end])]
    object_end: int | None = None  # a person word after a preposition ends here; a name right after it is that person
    for a, b, who in mentions[bisect.bisect_left(mentions, (start,)):bisect.bisect_left(mentions, (end,))]:
        if _in_spans_of(quoted, a) or object_end is not None and not ctx.text[object_end:a].strip(" ,:"):
            continue
        if _search_ci(VOICE_PREPOSITION, ctx.text[start:a]) or SIBLING_OBJECT.search(ctx.text, start, a):
            object_end = b
            continue
        return a, b, who
    return None


def _segment_people(ctx: Context) -> list[tuple[int, str]]:
    """Whom each sentence is about (by its start): its subject, "han"/"hon" standing for the subject before them
    where the gender fits, a sentence without a subject about the child or sibling it names ("Mest om [SYSKON]
    i dag."); a paragraph break or a heading ends the chain."""
    def find(c: Context) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        last = gender = None
        end = 0
        sibling_gender = _sibling_gender(c)
        mentions = _sibling_mentions(c)
        for s in c.segs:
            if s.is_heading or "\n\n" in c.text[end:s.start]:
                last = gender = None
            end = s.end
            first = _opening_person(c, s.start, s.end)
            if first is None:
                first = next((m for m in mentions[bisect.bisect_left(mentions, (s.start,)):
                                                  bisect.bisect_left(mentions, (s.end,))]
                              if m[2] in ("child", "sibling")), None)
            out.append((s.start, ""))
            if first is None:
                continue
            word = c.text[first[0]:first[1]]
            if first[2] == "pron":
                pronoun = word.lower()
                who = last if gender in (None, pronoun) else None
                gender = pronoun
            else:
                who = first[2]
                female, male = SIBLING_FEMALE.search(word), SIBLING_MALE.search(word)
                gender = "hon" if female else "han" if male else sibling_gender if who == "sibling" else None
            out[-1] = (s.start, who or "")
            last = who
        return out
    return _cached(ctx, "segment_people", find)


def sibling_segment(ctx: Context, s: Segment) -> bool:
    """Whether a segment is about the child's sibling alone (GUIDELINES 4, block 88): it names neither the child nor
    both children or the family nor the writer ("jag", "vi"), and the sibling is its subject ("[SYSKON] sa att hon
    gillar sin nya lärare"), "han"/"hon" standing for the sibling ("[SYSKON] kissar på sig igen. Han har barnförhör
    den 4 februari"), or the one it is for (`SIBLING_FOR`: "Inskolning för [SYSKON]"). A table row's cells are read
    with the row: a row headed by the sibling is the sibling's."""
    mentions = _sibling_mentions(ctx)
    if not mentions:
        return False
    text = ctx.text
    start, end = s.start, s.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if _is_table_row(text[line_start:line_end]):
        start, end = line_start, line_end
    if not SIBLING_LIST_MARK.match(text, start) \
            and _search_ci(VOICE_PREPOSITION, text[max(0, start - 30):start].rstrip()):
        return False  # the end of a sentence broken over two lines ("tar ansvar för\n[SYSKON]"): read with its start
    inside = mentions[bisect.bisect_left(mentions, (start,)):bisect.bisect_left(mentions, (end,))]
    if any(who in ("child", "first") for _, _, who in inside):
        return False
    first = _opening_person(ctx, start, end)
    if first and first[2] == "pron":
        people = _segment_people(ctx)
        at = bisect.bisect_right(people, (s.start, "~")) - 1
        return at >= 0 and people[at][1] == "sibling"
    if first and first[2] == "sibling" and SIBLING_CLAUSE_START.match(text[start:first[0]]):
        return True
    return any(who == "sibling" and SIBLING_FOR.search(text, start, a) for a, _, who in inside)


# A month with its year ("mars 2025", "i mars 2025"): vague as a follow-up, but it can lie before the plan's date.
MONTH_YEAR = folded_re(rf"^\W*(?:i\s+)?(?P<month>{dates.MONTH_NAME})\s+(?P<year>(?:19|20)\d\d)\W*$", re.I)


# What a scan could not read, right before a time ("Uppföljning: [oläsligt] maj").
UNREADABLE_BEFORE = folded_re(r"\[(?:oläsligt|oläslig|otydligt)\]\s*$", re.I)


# A goal's measurement before a time on its line ("Uppföljning av målvärde v. 12", "Målvärde mäts v. 12", "GAS-skattning
# 3/4"), and the plan or its meeting, which makes the time the plan's follow-up after all ("... och då följs planen upp").
MEASUREMENT_BEFORE = folded_re(r"\b(?:målvärde\w*|mäts|mätt|mätning\w*|skattning\w*|skattas|indikator\w*|baslinje\w*|"
                               r"avläs\w*|gas(?:-\w+)?)\b[^\n]{0,40}$", re.I)


def _measurement_time(text: str, m: dates.DateMention) -> bool:
    """The time is when a goal is measured, not the plan's follow-up (GUIDELINES 4, block 54): a measurement word
    before it on its line, and no word for the plan or its meeting on that line."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return bool(_search_ci(MEASUREMENT_BEFORE, text[max(line_start, m.start - 80):m.start])) \
        and not _search_ci(PLAN_OR_MEETING, line)


# Something other than the plan followed up ("soc följer upp placeringen", "Samverkan inom SSPF följs upp vid
# behov"): an action's own check, not the plan's follow-up (GUIDELINES 4, blocks 46 and 65).
OTHER_FOLLOWED_UP = folded_re(r"\bföljer\s+upp\s+(?!(?:det|den|detta|allt|oss|er|dig|mig|hur|om|med|i|på|vid|"
                              r"efter|till|under|inom|senast|nästa|igen|sedan|sen)\b)[a-zåäö]{3,}"
                              r"|\b(?!(?:det|den|detta|allt|vi|man|och|som)\b)[\wåäö-]{3,}\s+(?:\S+\s+){0,2}?"
                              r"följs\s+upp\b", re.I)
PLAN_FOLLOW_UP_WORD = folded_re(r"\b(?:uppföljning\w*|uppf\b|nästa|ses igen|utvärder\w*)", re.I)


def _other_follow_up_time(text: str, m: dates.DateMention) -> bool:
    """The time is when something other than the plan is followed up: its line says what is followed up, and no
    word there names the plan, its meeting or its follow-up."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[max(line_start, m.start - 120):min(line_end if line_end >= 0 else len(text), m.end + 120)]
    return bool(_search_ci(OTHER_FOLLOWED_UP, line)) and not _search_ci(PLAN_OR_MEETING, line) \
        and not _search_ci(PLAN_FOLLOW_UP_WORD, line)


# A time that belongs to the past or to this meeting: an earlier decision retold ("Då sa vi att vi skulle ses igen
# efter jul", "Förra mötet ... sa vi att vi skulle ses i oktober", "den plan som gjordes i oktober"), or a time
# the text equates with today ("uppf.datum då: 4/3 (= idag)", "skulle följas upp v. 14, alltså nu"). GUIDELINES 3:
# "I en uppföljningsplan räknas bara nästa uppföljning"; 4, blocks 53 and 61: an old follow-up date is none.
RETOLD_BEFORE = folded_re(r"(?:\b(?:då|förra\s+\w+|tidigare|sist)\b[^.!?\n]{0,40}?\b(?:sa|sade|bestämde|kom)\s+(?:vi|ni|de|man)"
                          r"\b[^.!?\n]{0,30}?\bskulle\b|\b(?:som|planen|sip:en|sipen)\s+(?:gjordes|upprättades|skrevs))"
                          r"[^.!?\n]{0,30}$", re.I)
TODAY_AFTER = folded_re(r"\s*(?:\(\s*)?(?:=|,?\s*alltså|,?\s*dvs\.?|,?\s*det vill säga)\s*(?:i\s*dag|idag|nu|dagens)\b", re.I)


def _retold_time(text: str, m: dates.DateMention) -> bool:
    """The time is an earlier decision retold or today's meeting (RETOLD_BEFORE, TODAY_AFTER), no next follow-up."""
    return bool(RETOLD_BEFORE.search(text, max(0, m.start - 110), m.start) or TODAY_AFTER.match(text, m.end))


# A time the sentence rules out ("Uppföljning blir efter höstlovet, inte v. 46", "ej den 3/12"): no time (GUIDELINES 4,
# block 78: "det som uttryckligen inte ... ska göras räknas inte").
NEGATED_TIME_BEFORE = re.compile(r"\b(?:inte|ej)\s+(?:(?:på|den|i|under|vecka|v\.?)\s+)?$", re.I)


def _negated_time(text: str, m: dates.DateMention) -> bool:
    """The time is ruled out by a negation right before it (`NEGATED_TIME_BEFORE`), not "inte förrän 3/12"."""
    return bool(NEGATED_TIME_BEFORE.search(text, max(0, m.start - 20), m.start))


def _unreadable(text: str, m: dates.DateMention) -> bool:
    """Part of the time is unreadable in the scan ("[oläsligt] maj"): a date that cannot be read does not exist
    (GUIDELINES 4)."""
    return bool(UNREADABLE_BEFORE.search(text, max(0, m.start - 20), m.start))


# A time only proposed or queried ("Uppföljn: förslag v. 12, ons em?", "uppf. vid behov ??") or taken back by a
# correction right after it ("vid behov – nej, ..."): no decided time (GUIDELINES 4, drafts and threads).
PROPOSED_BEFORE = folded_re(r"\b(?:förslag(?:svis)?|föreslår|föreslagen|föreslaget|föreslogs)\s*:?\s*(?:\S+\s+)?$", re.I)
QUERIED_AFTER = re.compile(r"[^.\n?!]{0,15}\?|[^.\n]{0,20}?\s[–—-]\s*nej\b|[^.\n]{0,20}?\bnej,?\s+vänta\b", re.I)


def _tentative_time(text: str, m: dates.DateMention) -> bool:
    """The time is only a proposal, a question or retracted in its own line (PROPOSED_BEFORE, QUERIED_AFTER)."""
    return bool(PROPOSED_BEFORE.search(text, max(0, m.start - 25), m.start) or QUERIED_AFTER.match(text, m.end))


# A hedge just before a vague time asked as a question ("Kanske kan vi ses igen i maj?"): the plan's soft way of
# saying when, a vague time (GUIDELINES 4: "kanske i maj" is partial), unlike a draft's "förslag v. 12?".
HEDGED_BEFORE = folded_re(r"\b(?:kanske|troligen|förmodligen|tanken är|vi tänker)\b[^.\n?!]{0,40}$", re.I)


def _hedged_time(text: str, m: dates.DateMention) -> bool:
    """A hedge word earlier in the time's sentence (HEDGED_BEFORE)."""
    return bool(HEDGED_BEFORE.search(text, max(0, m.start - 50), m.start))


def _passed_month(m: dates.DateMention, plan_date: dt.date | None) -> bool:
    """A vague month and year before the plan's own month ("Uppföljning av plan från mars 2025" in a plan of
    September 2025): a time that has passed, never the next follow-up (GUIDELINES 3)."""
    month = MONTH_YEAR.match(m.text) if m.kind == "vague" and plan_date is not None else None
    if month is None:
        return False
    number = dates.MONTHS.get(month.group("month").lower().rstrip("."))
    return number is not None and (int(month.group("year")), number) < (plan_date.year, plan_date.month)


# A later note that the booked time does not hold ("⚠ 4/3 går inte", "4/3 ställs in", "mötet 4/3 flyttas") and the
# time that takes its place in the same sentence ("Vi tar det efter sportlovet i stället").
TIME_WITHDRAWN = folded_re(r"\W{0,3}(?:(?:går|passar|funkar|fungerar)\s+inte|ställs\s+in|flyttas|ändras|stryks|utgår)\b",
                           re.I)
INSTEAD = folded_re(r"\s*(?:i\s*stället|istället)\b", re.I)
# A booked time that a note right after it takes back without a new one ("v. 48 – nytt datum ej satt", "3/4, ny tid
# kommer"): no longer the follow-up's time.
NO_NEW_TIME = folded_re(r"\W{0,4}(?:(?:nytt datum|ny tid)\s+(?:är\s+)?(?:ej|inte)\s+(?:satt|bestämt|bestämd|klart|bokad|bokat)"
                        r"|(?:nytt datum|ny tid)\s+(?:kommer|meddelas|bestäms)(?:\s+senare)?)\b", re.I)


def _day_month(m: dates.DateMention) -> str | None:
    """The mention's month and day ("03-04"), also when the plan leaves its year open."""
    iso = m.iso or dates.normalise(m.text, dt.date(2000, 1, 1))[0]
    return iso[5:] if iso else None


def _moved_follow_ups(text: str, mentions: list[dates.DateMention],
                      chosen: list[dates.DateMention]) -> list[dates.DateMention]:
    """The follow-up times without those a later note withdraws (a comment on a shared page, an addition to the
    minutes: "⚠ 4/3 går inte"), with the time the note gives instead in its line ("efter sportlovet i stället"), and
    without those taken back with no new time ("v. 48 – nytt datum ej satt")."""
    chosen = [m for m in chosen if m.kind == "vague" or not NO_NEW_TIME.match(text, m.end)]
    notes = [w for w in mentions if w.kind != "vague" and TIME_WITHDRAWN.match(text, w.end)]
    withdrawn = [w for w in notes if any(m.start < w.start and _day_month(m) == _day_month(w) for m in chosen)]
    if not withdrawn:
        return chosen
    kept = [m for m in chosen if not any(m.start < w.start and _day_month(m) == _day_month(w) for w in withdrawn)]
    for w in withdrawn:
        line_end = text.find("\n", w.end)
        kept += [m for m in mentions if w.end < m.start < (line_end if line_end >= 0 else len(text))
                 and INSTEAD.match(text, m.end) and m not in kept]
    return kept


def _announced_follow_ups(text: str, segs: list[Segment], mentions: list[dates.DateMention],
                          plan_date: dt.date | None) -> set[dates.DateMention]:
    """Follow-up times the date scorer's sentence cues miss: a time label opening a line that says follow-up
    ("14/5: uppföljning av planen"), a sentence that opens with the next meeting ("Nästa vårdplansmöte är 3/12"),
    and the answer to "När ska vi se över planen?". Passed dates never count."""
    out: set[dates.DateMention] = set()
    answers = [nxt for s, nxt in zip(segs, segs[1:]) if WHEN_QUESTION.match(s.text) and FOLLOW_UP.search(s.text)
               and text.count("\n", s.end, nxt.start) <= 1]
    for m in mentions:
        if m.iso is not None and plan_date is not None and m.iso <= plan_date.isoformat():
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_head = text[line_start:m.start]
        labelled = not re.search(r"\w", line_head) and TIME_LABELLED_FOLLOW_UP.match(text, m.end)
        if labelled or NEXT_MEETING_IS.search(line_head) or CHECK_IN_IS.search(line_head) \
                or NEXT_TIME_LABEL.match(line_head) or SHORTHAND_FOLLOW_UP.match(line_head) \
                or SHEET_FOLLOW_UP_CELL.match(line_head) or any(a.start <= m.start < a.end for a in answers):
            out.add(m)
    return out


def _ev(seg: Segment, label: str) -> Evidence:
    return Evidence(start=seg.start, end=seg.end, text=seg.text, label=label)


def _result(cid: str, verdict: str, confidence: float, evidence: list[Evidence], explanation: str) -> CriterionResult:
    return CriterionResult(verdict=verdict, confidence=round(confidence, 3), evidence=evidence[:5],
                           explanation=explanation, reference=BY_ID[cid].reference,
                           needs_review=confidence < REVIEW_BELOW)


HEADER_WORDS = re.compile(r"^(?:nr|#|m[åa]l|delm[åa]l|vad|vem|när|hur|insats(?:er)?|aktivitet(?:er)?|ansvarig|ansvar|"
                          r"tid(?:punkt|splan)?|uppföljning|klart|status|kommentar|åtgärd(?:er)?|behov|"
                          r"mäts genom|hur mäts|mått|indikator|utförare|huvudman|klart när|datum|beskrivn(?:ing|\.)?|"
                          # a project plan's column titles ("# | Target | KPI", "Risk | Sannolikhet | Konsekvens")
                          r"target\w*|kpi(?::er)?\w*|action\w*|owner|ägare|deadline|workstream\w*|item|estimat|risk\w*|"
                          r"sannolikhet|konsekvens|mitigering|intressent\w*|representant|intresse|påverkan)$", re.I)


def is_table_header(text: str) -> bool:
    """A table's header or separator row ("Mål | Vem | När", "|---|---|")."""
    cells = [c.strip() for c in re.split(r"[|\t]| [–-] ", text) if c.strip()]
    if len(cells) < 2 and "|" not in text and "\t" not in text:
        return False
    if not re.search(r"[A-Za-zÅÄÖåäö]", text):
        return True
    return len(cells) >= 2 and all(HEADER_WORDS.match(c.rstrip(":")) for c in cells)


BACKGROUND_SECTION = re.compile(r"\b(?:bakgrund|behov|nuläge|läget|barnets|syn|berättelse|deltagare|närvarande)\b",
                                re.I)


def _cells(text: str) -> list[str]:
    """The cells of a table row ("| a | b |", tab-separated), empty cells kept."""
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    cells = [c.strip() for c in text.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _is_table_row(text: str) -> bool:
    return text.count("|") >= 2 or "\t" in text


def _grids(ctx: Context) -> list[grids.Grid]:
    """The plan's text grids (`planqa.grids`), computed once per context."""
    return _cached(ctx, "grids", lambda c: grids.find_grids(c.text, _grid_column_title))


def _grid_column_title(cell: str) -> bool:
    """A header cell of space-aligned columns without a rule: a table's column title ("Mål", "Insats", "Vem")."""
    title = cell.strip(" *").rstrip(":").lower()
    return bool(HEADER_WORDS.match(title) or RESPONSIBLE_HEADER.match(title) or GOAL_HEADER_CELL.match(title)
                or _search_ci(ACTIVITY_HEADER_CELL, title))


def _grid_rows(ctx: Context) -> dict[int, grids.GridRow]:
    """The logical rows of the plan's text grids by their start."""
    return _cached(ctx, "grid_rows", lambda c: {r.start: r for g in _grids(c) for r in g.rows})


def _table_lines(ctx: Context) -> list[Segment]:
    """`ctx.lines` as the table readers read them: a text grid's lines as its logical rows, each a one-line row
    with its wrapped cells whole (GUIDELINES 4, block 55), in the section of the line above the grid."""
    return _cached(ctx, "table_lines", _find_table_lines)


def _find_table_lines(ctx: Context) -> list[Segment]:
    found = _grids(ctx)
    if not found:
        return ctx.lines
    out: list[Segment] = []
    read: set[int] = set()
    for ln in ctx.lines:
        grid = next((g for g in found if g.start <= ln.start < g.end), None)
        if grid is None:
            out.append(ln)
        elif grid.start not in read:
            read.add(grid.start)
            section = out[-1].section if out else ""
            out += [Segment(r.start, r.end, r.text, section) for r in grid.rows]
    return out


def _grid_header(ctx: Context, row: Segment) -> bool:
    """The row is a text grid's header (above its "=" rule): it names the columns, whatever their titles."""
    grid_row = _grid_rows(ctx).get(row.start)
    return grid_row is not None and grid_row.header and grid_row.text == row.text


def _row_cell(ctx: Context, row: Segment, a: int, b: int) -> Segment:
    """The cell at a..b of a table row's text as a segment: in a grid's row the whole cell, at the plan's span of
    its first line's fragment; elsewhere at its offsets in the line."""
    grid_row = _grid_rows(ctx).get(row.start)
    if grid_row is None or grid_row.text != row.text:
        return Segment(row.start + a, row.start + b, row.text[a:b], row.section)
    start, end = grid_row.plan_span(a, b)
    return Segment(start, end, row.text[a:b], row.section)


# A numbered or labelled section heading that text.segments does not take for one ("6. Mål", "Del 9. Mål",
# "Punkt 9 – Insatser och ansvar"): the number is split off as its own piece, the rest is a short line.
# Also a Roman numeral, as formal minutes and administrative plans number their parts ("IV. Insatser och ansvar",
# "VI. Uppföljning"; GUIDELINES 4, block 72: "bedöm vad texten säger, inte stilen").
SECTION_NUMBER = re.compile(r"^(?:#+\s*)?(?:(?i:del|punkt|avsnitt|steg)\s+(?:\d{1,2}[a-z]?|[A-Za-z])\b[.):]?|\d{1,2}[.)]|"
                            r"[A-Z][.)]|(?:X{0,2}(?:IX|IV|V?I{1,3}|V)|X{1,2})[.)])\s*(?:[–—:-]\s*)?")
# A section number that names itself ("Punkt 3a.", "Del 4", "Avsnitt 2:"), as in minutes and protocol extracts: the
# short line after it is a section heading, whatever its words ("Punkt 3a. Redogörelser").
WORDED_SECTION_NUMBER = re.compile(r"^(?:#+\s*)?(?i:del|punkt|avsnitt)\s+\d")
# Words that open a new part of a plan (after a goal section: the interventions, follow-up, consent ...; also the
# reason for the plan, "1. Anledning till att SIP upprättas", "2. Varför vi har en SIP", which heads the needs).
# "Stödinsatser", "Hjälpinsatser", "Stödåtgärder" and "Medverkande" open the same parts as "Insatser" and "Närvarande".
SECTION_WORD = re.compile(r"^(?:(?:stöd|hjälp)?insats\w*|aktivitet\w*|(?:stöd)?åtgärd\w*|ansvar\w*|uppföljning\w*|"
                          r"nästa\b|samtycke\w*|deltagare|medverkande|närvarande|övrigt|övr\b|bakgrund|nuläge|behov\w*|barnets|vårdnadshavar\w*|"
                          r"föräldrar\w*|vem gör|vem hjälper|vad\b|det här ska|så här|underskrift\w*|kontakt\w*|beslut\w*|"
                          r"samordn\w*|planerings\w*|diagnos\w*|övriga|nätverk\w*|tidplan|status|information\w*|risk\w*|"
                          r"skydd\w*|datum|sammanfattning|personuppgifter|sedan förra|tidigare|dom som|vilka som|de vuxna\b|"
                          r"det här gör|resultat|anledning\w*|varför\b)", re.I)
# A scan read by OCR may give the heading's "l" as "1" and "m" as "rn" ("Mä1", "rnål"). A clinic names its goals
# in compounds ("Behandlingsmål", "Effektmål", "Vårdmål"); not every compound is a goal ("mellanmål", "klagomål").
# A plan in project language heads its goals in English ("Targets", "Objective", "KPI:er"; GUIDELINES 4, block 46).
# Tentative plans head their goals with a hope ("Det här hoppas vi ska bli annorlunda"); what the plan presents as
# agreed counts in soft form too (GUIDELINES 4, block 51).
GOAL_HEADING = re.compile(r"\b(?:m[åa]l|m[åa]len|targets?|objectives?|kpi(?::?er|s)?|(?:behandlings|effekt|vård|terapi|utvecklings|funktions|resultat|huvud)"
                          r"m[åa]l(?:en)?|m[åaä]1|rn[åa]l(?:en)?|m[åa]let med (?:min|mitt|planen|den här planen|sip\w*)|delm[åa]l\w*|m[åa]ls[äa]ttning\w*|"
                          r"m[åa]lbild\w*|önskat läge|(?:vill|ska|skall) (?:ha )?uppnå(?:tt)?|det här ska bli|"
                          r"mina mål|våra mål|det här vill (?:jag|vi)(?!\s+(?:säga|berätta)\b)|(?:ska|skall) (?:bli|vara) annorlunda)\b", re.I)
# ("Det här vill jag säga" / "berätta" heads what the child tells, the child's voice, not goals.)
# A goal column's title, also after "vår"/"gemensam"/"barnets" ("Vår gemensamma målbild", "Barnets mål").
GOAL_HEADER_CELL = re.compile(r"^(?:(?:vår|våra|vårt|gemensam\w*|övergripande|barnets|\[barn\]s)\s+){0,2}"
                              r"(?:(?:del)?m[åa]l\w*|m[åa]ls[äa]ttning|targets?|kpi(?::?er|s)?|önskat läge|vad vill vi uppnå|"
                              # a SMART template's first column states the goal (GUIDELINES 4, block 54: a goal
                              # framework's "Specifikt" is the goal, its other fields measure it)
                              r"specifikt$|"
                              r"vad ska (?:bli|uppnås)\w*)\b", re.I)


# A SIP form's question that asks for the goals ("Vad vill vi ska vara annorlunda om ett halvår?", "Vad ska vara
# bättre till nästa gång?", "Vad vill vi förändra?", "Vad är målet?", "Hur vill vi att det ska vara?").
GOAL_QUESTION = re.compile(r"\bvad\s+(?:(?:vill|ska|skall|önskar)\s+(?:vi|ni|du|jag|\[barn\]|familjen)\s+(?:ska\s+)?|ska\s+|"
                           r"behöver\s+)(?:vara|bli|se)\s+(?:annorlunda|bättre|förändrat)|"
                           r"\bvad\s+(?:vill|ska|skall)\s+(?:vi|ni|du|jag|\[barn\])\s+(?:uppnå|nå|förändra|förbättra)|"
                           r"\bvad\s+(?:är|blir)\s+(?:målet|målen)\b|"
                           r"\bhur\s+(?:vill|önskar)\s+(?:vi|ni|du|\[barn\])\s+att\s+det\s+ska\s+(?:vara|se ut|bli)", re.I)


# A heading's own words named as the goals in brackets ("Det som behöver hända (mål)", "Framåt (delmål)").
GOAL_NOTE = re.compile(r"\((?:del)?m[åa]l(?:en)?\)", re.I)


# A number in a line's words other than a goal's own number ("Delmål 2"): a quantity, which headings do not carry.
QUANTITY = re.compile(r"(?<!m[åa]l )(?<!m[åa]l)\b\d+\b|\+", re.I)


# The time stamp of running minutes, also after an item number ("10.08 Insatser:", "9. 15.48 – Vem gör vad:"): like
# a section number before a heading's words.
CLOCK_STAMP = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:kl\.?\s*)?(?:[01]?\d|2[0-3])[.:][0-5]\d\b\s*(?:[–—-]\s*)?")


# The mark before a SIP form's printed question on its line ("3.", "F:", "Fråga 3:", bold "**4.**").
FORM_QUESTION_MARK = re.compile(r"^[\s*_#]*(?:(?:f|fråga)\s*\d{0,2}\s*[:.]|\d{1,2}[.)])?[\s*_]*", re.I)
# The word a form's question opens with ("Vad vill vi uppnå?", "Vem håller ihop planen?", "Har vårdnadshavarna ...?").
FORM_QUESTION_WORD = re.compile(r"^(?:vad|vem|vilka|vilken|vilket|hur|när|var|varför|har|finns|är|kan)\b", re.I)
# An answer's mark after a form's "F:" question ("S: Att [BARN] ska ...", "Svar: ...").
ANSWER_MARK = re.compile(r"^\s*(?:s|svar)\s*:\s*", re.I)


def _form_question(ctx: Context, s: Segment) -> str | None:
    """For a line that is a SIP form's printed question, the heading of the answer below it ("3. Vad vill vi ska vara
    annorlunda om ett halvår?", "F: Samtycke?", "**4.** Vem gör vad, och när?**"), lower-cased and without its mark:
    a whole line of at most 14 words ending in a question mark, after a question mark ("F:", "Fråga 3:") or opening
    with a question word. None for any other segment (GUIDELINES 4: the answers are the plan)."""
    if s.is_heading or not s.text.rstrip(" *_").endswith("?"):
        return None
    line_start = ctx.text.rfind("\n", 0, s.start) + 1
    line_end = ctx.text.find("\n", s.end)
    if ctx.text[s.end:line_end if line_end >= 0 else len(ctx.text)].strip(" \t*_"):
        return None  # not the end of the line
    lead = ctx.text[line_start:s.start]
    mark = FORM_QUESTION_MARK.match(lead + s.text)
    if mark.end() < len(lead):
        return None  # the line starts with something else
    question = (lead + s.text)[mark.end():].strip(" \t*_")
    marked = bool(re.search(r"[fF\d]", mark.group()))
    if _word_count(question) > 14 or not (marked or FORM_QUESTION_WORD.match(question)):
        return None
    return question.lower()


def _without_answer_mark(s: Segment) -> Segment:
    """The segment without a form's answer mark ("S: "), at the same offsets for the rest."""
    m = ANSWER_MARK.match(s.text)
    return Segment(s.start + m.end(), s.end, s.text[m.end():], s.section) if m and m.end() < len(s.text) else s


# A sub-section's number with a letter ("8a. Idrott och rörelse", "3b) Skolan") and the goal or intervention field
# that opens the level under it ("Mål: ...", "Insats: ..."): the numbered line is that level's title.
LETTERED_SECTION_NUMBER = re.compile(r"^\d{1,2}[a-z][.)]\s+")
# A section number without a dot before a capitalised title ("6 Insatser", "8 Uppföljning"), as in an outline whose
# dots were lost; only a short title that opens with a section word makes it a heading (`_pseudo_heading`).
BARE_SECTION_NUMBER = re.compile(r"^\d{1,2}\s+(?=[A-ZÅÄÖ])")
LEVEL_OPENING_FIELD = folded_re(r"^\s*(?:(?:del)?mål|insats\w*|åtgärd\w*|aktivitet\w*|behov\w*)\s*:", re.I)


def _titles_fields(ctx: Context, s: Segment) -> bool:
    """The line right below s opens a level with a goal or intervention field (`LEVEL_OPENING_FIELD`): s is the
    level's title, no intervention (GUIDELINES 4, block 80: "ett mål på en nivå och insatserna under det hör ihop";
    the numbered title over them only names the level)."""
    return bool(LEVEL_OPENING_FIELD.match(_next_line(ctx, s.end)))


def _pseudo_heading(ctx: Context, s: Segment, bare_numbers: bool = False) -> str | None:
    """`_find_pseudo_heading`, once per context, segment and `bare_numbers` (the goals', the interventions' and the
    needs' readers ask it of the same lines; it reads only the context's text and the segment)."""
    memo = vars(ctx).setdefault("_pseudo_headings", {})
    key = (s, bare_numbers)
    if key not in memo:
        memo[key] = _find_pseudo_heading(ctx, s, bare_numbers)
    return memo[key]


def _find_pseudo_heading(ctx: Context, s: Segment, bare_numbers: bool = False) -> str | None:
    """A line that works as a section heading though `segments` keeps it as text: a short line without a
    sentence end, after a section number or letter ("6. Mål", "Del 9. Mål", "I. MÅL", "Punkt 9 – Insatser"),
    or opening with a goal or section word ("Mål från förra planen och status", "Det här vill jag kunna"); with
    `bare_numbers` also after a number without a dot ("6 Insatser", read by the interventions' reader only: the needs
    reader takes "3 Diagnos" as the diagnosis it names)."""
    text = s.text.strip()
    if s.is_heading or not text or len(text) > 70 or text[-1] in ".!?,;" or "|" in text \
            or "\t" in text and is_table_header(text):  # a tabbed table's header ("Mål<tab>Vad<tab>Vem")
        return None
    line_start = ctx.text.rfind("\n", 0, s.start) + 1
    line_end = ctx.text.find("\n", s.end)
    if ctx.text[s.end:line_end if line_end >= 0 else len(ctx.text)].strip():
        return None  # not the end of the line
    lead = ctx.text[line_start:s.start].strip()
    number = CLOCK_STAMP.match(text) if not lead else None
    number = number or SECTION_NUMBER.match(lead + " " + text if lead else text)
    sub_number = None if number or lead else LETTERED_SECTION_NUMBER.match(text)
    if sub_number and _word_count(text) <= 7 and _titles_fields(ctx, s):
        return text[sub_number.end():].strip(" :").lower()  # "8a. Idrott och rörelse" over "Mål:" / "Insats:"
    bare_number = None if number or lead or not bare_numbers else BARE_SECTION_NUMBER.match(text)
    if bare_number:  # "6 Insatser" over its lettered items (GUIDELINES 4, block 80: the outline's levels)
        title = text[bare_number.end():].strip(" :")
        return title.lower() if _word_count(title) <= 4 and (SECTION_WORD.match(title.lower())
                                                              or GOAL_HEADING.match(title.lower())) else None
    if lead and (not number or number.end() < len(lead)):
        return None  # not the whole line: the line starts with a sentence
    rest = text if lead or not number else text[number.end():]
    goal_note = GOAL_NOTE.search(rest)
    rest = re.sub(r"\s*\([^)]*\)", "", rest).strip()  # "Mål (utifrån [BARN]s önskemål)"
    rest = re.sub(r"^\[BARN\]:?s\b", "barnets", rest)  # "[BARN]s eget mål:", "[BARN]s synpunkter:" are headings
    if not rest or "[" in rest.replace("[BARN]", "") or not rest[0].isalpha():
        return None
    if number and QUANTITY.search(rest):
        return None  # a numbered goal with a quantity ("1. äta 3 mål + 2 mellis varje dag"), not a heading
    if goal_note and len(rest.split()) <= 6:
        return f"{rest} (mål)".lower()
    if not lead and (_goal_list_title(ctx, s, rest) or _activity_list_title(ctx, s, rest)):
        return rest.lower()
    if _word_count(rest) > 6:
        return None
    head = " ".join(rest.split()[:4])
    if number:
        if GOAL_HEADING.search(head) or SECTION_WORD.match(rest) or rest.isupper() \
                or WORDED_SECTION_NUMBER.match(number.group()):
            return rest.lower()
        return None
    if GOAL_HEADING.search(head) and not re.match(r"^(?:att|jag|vi|hen|han|hon)\b", rest, re.I) \
            or SECTION_WORD.match(rest):
        return rest.lower()
    return None


def _word_count(text: str) -> int:
    """The words of a line, not counting dashes between its parts ("Vem gör vad – insatser och aktiviteter": 6)."""
    return sum(1 for w in text.split() if re.search(r"\w", w))


def _list_title(ctx: Context, s: Segment, rest: str) -> bool:
    """A short line, not a sentence of its own ("Att ...", "Jag ..."), that introduces a list ("- ..." or "1. ...")."""
    return (len(rest.split()) <= 12 and not re.match(r"^(?:att|jag|vi|hen|han|hon|du|ni)\b", rest, re.I)
            and _list_lead_in(ctx, s, any_ending=True))


# A list title for what someone wants to have come about by a later time ("Det jag vill att de vuxna ska ha gjort", "Det
# vi vill ska hända", "Det jag vill ska vara annorlunda"): the wished-for states listed below it are goals, as "Det här
# vill jag" heads goals (GUIDELINES 4, block 70: "önskat läge" is a goal when it says what is to be different).
WANTED_TITLE = re.compile(r"^(?:det|vad) (?:jag|vi) vill (?:att [^.!?:]{1,30} )?(?:ska|skall) (?:ha \w+|hända|bli|vara)\b"
                          r"[^.!?:]{0,30}:?$", re.I)


def _goal_list_title(ctx: Context, s: Segment, rest: str) -> bool:
    """A list title with a goal word anywhere ("Det vi kom överens om som mål", "Målen från förra gången, och
    hur det gick") or for what is wanted (WANTED_TITLE)."""
    return bool(GOAL_HEADING.search(rest) or WANTED_TITLE.match(rest)) and not NOT_A_GOAL.search(rest) \
        and _list_title(ctx, s, rest)


def _activity_list_title(ctx: Context, s: Segment, rest: str) -> bool:
    """A list title on what will be done and by whom ("Vad som ska göras och vem som gör det")."""
    return bool(INTERVENTION_SECTION.search(rest)) and bool(re.search(r"\bvem\b", rest, re.I) or DECIDED_TITLE.match(rest)) \
        and _list_title(ctx, s, rest)


# A minutes' paragraph mark: "§ 7", "§ 1 b", "§1b" (GUIDELINES 4, block 63); the patterns below that read
# minutes' paragraphs (as section labels, as the heading of their lines, with their titles) all start from it.
PARAGRAPH_MARK = r"§[ \t]*\d{1,2}(?!\d)(?:[ \t]*[a-z]\b)?"

# A numbered section label in minutes ("§ 2 Mål", "§ 3 Uppdrag") or at the start of a line that goes on ("§ 2 Mål.
# Det beslutades att", "3. Mål. Följande mål fastställdes:", "2. Mål. Beslut:"): the label is the section heading
# for the rest of the line and what follows.
MINUTES_NUMBER = re.compile(rf"^(?:{PARAGRAPH_MARK}\s*|{SECTION_NUMBER.pattern})")
NUMBERED_LABEL = re.compile(r"^(?P<label>[^\W\d][\w ]{0,30}?)\s*[.:]?$")
MINUTES_SECTION_WORD = re.compile(r"^(?:uppdrag\w*|uppdrogs)", re.I)


def _numbered_label(ctx: Context, s: Segment) -> str | None:
    """The section a segment opens when it is a numbered label at the start of its line ("§ 2 Mål.")."""
    number = MINUTES_NUMBER.match(s.text)
    if not number or not _starts_line(ctx, s):
        return None
    label = NUMBERED_LABEL.match(s.text[number.end():].strip())
    if not label or len(label.group("label").split()) > 4:
        return None
    word = label.group("label")
    known = GOAL_HEADING.search(word) or SECTION_WORD.match(word) or MINUTES_SECTION_WORD.match(word)
    return word.lower() if known else None


# A line that introduces the list below it ("Det beslutades att", "Följande mål fastställdes:", "Beslut:").
LIST_LEAD_IN = re.compile(r"(?::|\batt)\s*$", re.I)
LIST_ITEM_START = re.compile(r"^\s*(?:[-–•*]|\d{1,2}[.)]|[a-zA-Z][.)])\s|^\s*o\s+[A-ZÅÄÖ\[]")  # "o" as pasted bullet


def _list_lead_in(ctx: Context, s: Segment, any_ending: bool = False) -> bool:
    """True when a segment ends its line with ':' or 'att' (with `any_ending`, with anything) and the next line
    is a list item."""
    if not any_ending and not LIST_LEAD_IN.search(s.text):
        return False
    line_end = ctx.text.find("\n", s.end)
    if line_end < 0 or ctx.text[s.end:line_end].strip():
        return False
    rest = ctx.text[line_end + 1:].lstrip("\n")
    return bool(LIST_ITEM_START.match(rest) or SUB_ITEM.match(rest))  # "- ...", "1. ...", "5.1 ..."


def _cell_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the cells of a table row, empty cells kept, outer pipes dropped."""
    sep = "\t" if "\t" in text else "|"
    bounds, last = [], 0
    for i, ch in enumerate(text):
        if ch == sep:
            bounds.append((last, i))
            last = i + 1
    bounds.append((last, len(text)))
    if sep == "|":
        if bounds and not text[bounds[0][0]:bounds[0][1]].strip():
            bounds = bounds[1:]
        if bounds and not text[bounds[-1][0]:bounds[-1][1]].strip():
            bounds = bounds[:-1]
    out = []
    for a, b in bounds:
        cell = text[a:b]
        lead = len(cell) - len(cell.lstrip())
        out.append((a + lead, a + len(cell.rstrip())))
    return out


# A table's column title of the team's own choosing ("Hur vi ser att det har hänt", "Så märks det"): a few words,
# no person, no number, no sentence end.
COLUMN_TITLE = re.compile(r"^[^\W\d](?:[^\[\]\d.!?]*\w)?$")


def _column_title(cell: str) -> bool:
    return len(cell.split()) <= 8 and bool(COLUMN_TITLE.match(cell))


# A note in brackets after a column's title ("Vad (mål)", "Vad (insats)").
CELL_NOTE = re.compile(r"\s*\([^()]{1,30}\)")


def _goal_header_cell(cell: str) -> bool:
    """A table column of goals: "Mål", "Delmål", also a column that names its goals in brackets ("Vad (mål)")."""
    return bool(GOAL_HEADER_CELL.match(cell) or GOAL_NOTE.search(cell))


# A spreadsheet exported as text: cells separated by semicolons, a cell with a semicolon or a quote in quotes
# ("Nr;Område;Behov;Mål;Insats", "4;Hälsa;;[BARN] är vaccinerad ...;Boka tid;;ej påbörjat").
SHEET_CELL = re.compile(r'[ \t]*(?:"(?:[^"]|"")*"|[^;"]*)[ \t]*(?=;|$)')
# A row that has two cells or more: a semicolon outside a quoted cell with another after it, or an empty cell.
SHEET_ROW = re.compile(r'^(?:"(?:[^"]|"")*"|[^;"\n])*;(?:"(?:[^"]|"")*"|[^;"\n])*;|;;')
# The label cell of a row that holds one goal, in a sheet or a list table ("7;Mål;[BARN] är i fsk ...",
# "7<tab>Mål 1<tab>Skolan ska se till att ..."): its next cell is the goal.
GOAL_LABEL_CELL = re.compile(r"^(?:(?:del|huvud)?m[åa]l|m[åa]ls[äa]ttning)\s*\d*$", re.I)


def _sheet_row(text: str) -> bool:
    """A row of a spreadsheet exported with semicolons (SHEET_ROW)."""
    return ";" in text and bool(SHEET_ROW.match(text))


def _sheet_cell_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of a semicolon row's cells, empty cells kept, a quoted cell without its quotes."""
    out = []
    for m in SHEET_CELL.finditer(text):
        if m.start() > 0 and text[m.start() - 1] != ";":
            continue  # the empty match after a cell
        cell = m.group()
        a, b = m.start() + len(cell) - len(cell.lstrip()), m.end() - (len(cell) - len(cell.rstrip()))
        if b - a >= 2 and text[a] == '"' and text[b - 1] == '"':
            a, b = a + 1, b - 1
        out.append((a, b))
    return out


def _goal_sheet_header(cells: list[str]) -> bool:
    """A sheet's header row with a goal column ("Nr;Område;Behov;Mål;Insats;Ansvarig;Status", "Mål;Insats;Vem"): two
    cells or more are header words, so a row that holds one goal ("Mål;Sova bättre;BUP") is none."""
    named = [c for c in cells if c]
    return any(_goal_header_cell(c) for c in named) \
        and sum(bool(HEADER_WORDS.match(CELL_NOTE.sub("", c))) for c in named) >= 2


def _labelled_goal_cell(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """In a row whose first or second cell is a goal label ("Mål", "Mål 1", "Delmål 2"), the next filled cell."""
    for i, (a, b) in enumerate(spans[:2]):
        if GOAL_LABEL_CELL.match(text[a:b].strip(" *:")):
            rest = [(x, y) for x, y in spans[i + 1:] if text[x:y].strip()]
            return rest[0] if rest else None
    return None


def _goal_cell(text: str) -> bool:
    """A table cell that states something: letters, not an empty mark, a placeholder or a sheet's formula."""
    return bool(re.search(r"[A-Za-zÅÄÖåäö]{2}", text)) and not EMPTY_CELL.match(text) \
        and not SHEET_ERROR.match(text) and not _placeholder(text)


# A table column that gives a goal's level or time frame ("| Mål | Nivå / tid |", "| Mål | Tidsram |"): its cell
# belongs to the goal in the same row when the goal is followed up. A bare time column ("När", "Tid", "Senast") is
# the goal's only in a table without an intervention column ("| Mål | Senast |"); beside "Insats" it dates the
# intervention.
GOAL_LEVEL_HEADER = re.compile(r"^(?:nivå\w*|tidsram|mått|hur mäts\w*|mäts genom|indikator\w*|frekvens)\b", re.I)
TIME_HEADER = re.compile(r"^(?:när|tid(?:punkt)?|datum|senast|klart(?: senast| till)?|deadline)$", re.I)


def _level_columns(cells: list[str]) -> list[int]:
    """The columns of a table's header row that give the goals' level or time frame (GOAL_LEVEL_HEADER, or
    TIME_HEADER in a table without an intervention column)."""
    titles = [CELL_NOTE.sub("", c).strip() for c in cells]
    activity = any(_search_ci(ACTIVITY_HEADER_CELL, t) for t in titles)
    return [i for i, t in enumerate(titles) if GOAL_LEVEL_HEADER.match(t) or not activity and TIME_HEADER.match(t)]


# The title of a table's first column when it names the need area of each row ("| Område | Mål | Insats |",
# "Behovsområde", "Omr.").
AREA_HEADER = re.compile(r"^(?:\w*område\w*|omr\.?|behov|livsområde\w*)$", re.I)


def _record_area_row(areas: dict[str, bool], cells: list[str], goal_col: int, goal: bool) -> None:
    """Note a table row under its need area (its first cell): whether it has a goal, and, for a row without one,
    only when it holds something besides the area (an intervention, a responsible): an empty row shows nothing
    (GUIDELINES 4, block 55)."""
    area = re.sub(r"\W+", " ", cells[0]).strip()
    if not area:
        return
    if goal or any(c and not EMPTY_CELL.match(c) for i, c in enumerate(cells) if i not in (0, goal_col)):
        areas[area] = areas.get(area, False) or goal


def goalless_areas(ctx: Context) -> tuple[int, int]:
    """The need areas of a table with an area column that have no goal in any of their rows but an intervention,
    and those that have one (GUIDELINES 3 goals_present: met is a goal per main need area)."""
    _cached(ctx, "table_goals", _table_goals)
    areas = vars(ctx).get("goal_areas", {})
    return sum(not g for g in areas.values()), sum(areas.values())


def _field_label_cell(cell: str) -> bool:
    """A goal column's cell that only labels another part of the plan, in a row set under the goal table ("| Uppf |
    bokas senare |", "| Samtycke | ... |"): a field of the form, no goal (GUIDELINES 4, block 79: a table row is a row
    with its cells)."""
    label = cell.strip(" *:.")
    return len(label.split()) <= 2 and (_goalless_label(label) or bool(COLUMN_ABBREVIATION.match(label)))


def _table_goals(ctx: Context) -> tuple[list[Segment], list[tuple[int, int]], dict[int, str], set[int]]:
    """Goal cells of tables with a goal column ("| Mål | Insats | Vem |", also a sheet exported with semicolons)
    and of rows labelled as a goal ("7;Mål;..."), as segments with real offsets; the spans of rows of tables
    that have a header (their rows are goals only through that column); by a goal cell's start, the text of
    its row's level or time-frame cells ("| Mål | Tidsram |"); and the starts of the goal cells of tables whose
    rows have a responsible column but no intervention column ("| Mål | Ansvarig | När |", `_owned_goal`)."""
    cells_out: list[Segment] = []
    headed: list[tuple[int, int]] = []
    levels: dict[int, str] = {}
    owned: set[int] = set()
    owned_table = False
    area_col = False  # the table's first column names the need area ("| Område | Mål | Insats |")
    areas = vars(ctx)["goal_areas"] = {}  # by need area: whether a row of it has a goal (see `goalless_areas`)
    level_cols: list[int] = []
    goal_col: int | None = None
    has_header = False
    outer_pipes = True  # the header row opens with a pipe ("| Mål | ..."): so do its rows
    prev_row = False
    prev_end = 0
    for ln in _table_lines(ctx):
        sheet = not _is_table_row(ln.text) and _sheet_row(ln.text)
        row = sheet or _is_table_row(ln.text)
        gap, prev_end = ctx.text.count("\n", prev_end, ln.start) > 1, ln.end  # a blank line (or only tabs) above
        if not row:
            prev_row, goal_col, has_header, area_col = False, None, False, False
            continue
        spans = _sheet_cell_spans(ln.text) if sheet else _cell_spans(ln.text)
        cells = [ln.text[a:b].strip(" *:").lower() for a, b in spans]
        if sheet or "\t" in ln.text:
            if not any(cells) or gap:  # an empty row (";;;;", a blank line) ends the sheet's table
                goal_col, has_header = None, False
                if not any(cells):
                    prev_row = True
                    continue
            if _goal_sheet_header(cells):
                prev_row, has_header, outer_pipes = True, True, False
                goal_col = next(i for i, c in enumerate(cells) if _goal_header_cell(c))
                level_cols = _level_columns(cells)
                area_col = bool(cells) and bool(AREA_HEADER.match(cells[0]))
                headed.append((ln.start, ln.end))
                continue
        # a two-column table of labels and their text ("| Behov | ... |", "| Mål | [BARN] sover över ... |"): the
        # row labelled "Mål" holds a goal, as in a sheet (GUIDELINES 4, block 73: a handover's key-value table)
        key_value = not sheet and "\t" not in ln.text and len(spans) == 2 and not is_table_header(ln.text) \
            and not _above_separator(ctx.text, ln.end) and not _grid_header(ctx, ln)
        labelled = _labelled_goal_cell(ln.text, spans) if goal_col is None and (sheet or "\t" in ln.text or key_value) \
            else None
        if labelled is not None:
            prev_row = True
            headed.append((ln.start, ln.end))
            a, b = labelled
            if _goal_cell(ln.text[a:b]):
                cells_out.append(_row_cell(ctx, ln, a, b))
            continue
        # a Markdown header right below another table, with no blank line read between them, opens a new table
        # ("| Läget | ... |" / "| Mål till midsommar | Insats | Vem |" / "|---|---|---|"): its columns are its own
        new_table = not sheet and prev_row and _above_separator(ctx.text, ln.end)
        if new_table:
            goal_col, has_header, area_col, owned_table = None, False, False, False
        if not sheet and (not prev_row or new_table or is_table_header(ln.text)):
            prev_row = True
            titles = [CELL_NOTE.sub("", c) for c in cells]  # "vad (insats)" is titled "vad"
            if is_table_header(ln.text) or (any(_goal_header_cell(c) for c in cells)
                                            and (sum(bool(HEADER_WORDS.match(c)) for c in titles) >= 2
                                                 or all(_column_title(c) for c in titles))):
                if re.search(r"[A-Za-zÅÄÖåäö]", ln.text):
                    has_header = True
                    goal_col = next((i for i, c in enumerate(cells) if _goal_header_cell(c)), None)
                    level_cols = _level_columns(cells)
                    area_col = bool(titles) and bool(AREA_HEADER.match(titles[0]))
                    outer_pipes = ln.text.lstrip().startswith("|")
                    owned_table = any(RESPONSIBLE_HEADER.match(t.strip()) for t in titles) \
                        and not any(_search_ci(ACTIVITY_HEADER_CELL, t.strip()) for t in titles)
                headed.append((ln.start, ln.end))
                continue
        prev_row = True
        if not has_header:
            continue
        headed.append((ln.start, ln.end))
        if not outer_pipes and ln.text.lstrip().startswith("|"):
            spans = [(0, 0)] + spans  # "Mål | Insats" / " | Fyraårsbesök |": the row's first cell is empty
        if goal_col is not None and goal_col < len(spans):
            a, b = spans[goal_col]
            cell = ln.text[a:b]
            # "mål ej satt" in the goal cell states no goal, in any table (GUIDELINES 4, block 55: an empty cell shows nothing)
            goal = bool(re.search(r"[A-Za-zÅÄÖåäö]{2}", cell)) and not EMPTY_CELL.match(cell) \
                and not _placeholder(cell) and not (sheet and SHEET_ERROR.match(cell)) and not _field_label_cell(cell)
            if area_col and goal_col > 0:
                _record_area_row(areas, [ln.text[x:y].strip(" *:").lower() for x, y in spans], goal_col, goal)
            if goal:
                cells_out.append(_row_cell(ctx, ln, a, b))
                levels[cells_out[-1].start] = " ".join(ln.text[x:y] for x, y in (spans[i] for i in level_cols
                                                                           if i < len(spans) and i != goal_col))
                if owned_table:
                    owned.add(cells_out[-1].start)
        elif goal_col is None:  # "| Mål: Placeringen är verkställd | | senast 1 maj |" in a "Vad" column
            at = next((i for i, (a, b) in enumerate(spans) if GOAL_LABELLED_CELL.match(ln.text[a:b])), None)
            if at is not None:
                cells_out.append(_row_cell(ctx, ln, *spans[at]))
                levels[cells_out[-1].start] = " ".join(ln.text[x:y] for i, (x, y) in enumerate(spans) if i != at)
    return cells_out, headed, levels, owned


# A cell of a table without a goal column that labels its own text as a goal ("Mål: Umgängesplanen är fastställd"):
# the row is a goal, its other cells its level or time frame.
GOAL_LABELLED_CELL = re.compile(r"^\s*(?:del)?m[åa]l\s*\d*\s*:\s*\S", re.I)


# An agenda point about the goals as the first cell of a two-column agenda table ("| 5. Mål | ... |", "| 4. Behov och
# mål | ... |"): the notes in the next cell are what was written under the point (GUIDELINES 4, block 60).
AGENDA_POINT = re.compile(r"^\d{1,2}[.)]\s*(?P<label>[^\W\d][\w .&]{0,40})$")


def _agenda_goals(ctx: Context) -> tuple[list[Segment], list[tuple[int, int]]]:
    """The goals noted under an agenda point about the goals in a two-column agenda table (AGENDA_POINT), a sentence
    each, and the spans of those rows. A point with no notes shows nothing (GUIDELINES 4, block 60)."""
    goals: list[Segment] = []
    rows: list[tuple[int, int]] = []
    for ln in _table_lines(ctx):
        if "|" not in ln.text or "\t" in ln.text or not _is_table_row(ln.text):
            continue
        spans = _cell_spans(ln.text)
        point = AGENDA_POINT.match(ln.text[spans[0][0]:spans[0][1]]) if len(spans) == 2 else None
        if point is None or _word_count(point.group("label")) > 5 or not _goal_section(point.group("label").lower()):
            continue
        a, b = spans[1]
        if not _goal_cell(ln.text[a:b]):
            continue
        rows.append((ln.start, ln.end))
        for piece in segments(ln.text[a:b]):  # the cell's sentences, as the plan's text is split
            if _goal_cell(piece.text) and not NOT_A_GOAL.search(piece.text) and not NEED_STATEMENT.match(piece.text) \
                    and not NO_GOAL_NOTE.search(piece.text):
                goals.append(_row_cell(ctx, ln, a + piece.start, a + piece.end))
    return goals, rows


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """True when pos lies in one of the sorted, disjoint spans (starts: their start offsets)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# A goal framework's section heading (GUIDELINES 4, block 54): a goal-attainment scale or a goal ladder ("GAS",
# "GAS-skala 1 – Kvällar", "Målstege (nivå 1-5)", "Målskala 2"); a review of one ("Genomgång av målstegen") is no goal
# section.
FRAMEWORK_HEADING = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:gas\b|gas-?skal\w*|m[åa]lskal\w*|m[åa]lsteg\w*)", re.I)
# A goal framework's field that measures or qualifies the goal above it, not a goal itself (GUIDELINES 4, block 54):
# the SMART fields after "Specifikt", a scale's baseline, target value, indicator and way of measuring ("Mätbart: 4 av
# 5 dagar", "Tidsatt: till 9 juni", "Utgångsläge i december: −2.", "Målvärde:", "Ansvarig för mätning: ...").
MEASURE_FIELD = re.compile(r"^[\s\-–•*\d.)]*(?:mätbart|accepterat|attraktivt|realistiskt|tidsatt|tidsbestämt|"
                           r"indikator\w*|baslinje|målvärde|mäts (?:genom|med|av|i|via)|mätmetod|utgångsläge\w*|"
                           r"läge (?:i dag|idag|nu)|ansvarig för mätning\w*|skattning\w*)\b(?:[^:\n]{0,30}:|\s+[−–+-]?\d)",
                           re.I)
# The fields of those that give the goal a level or a time (the others say how, by whom or from where it is measured).
LEVEL_FIELD = re.compile(r"^[\s\-–•*\d.)]*(?:mätbart|tidsatt|tidsbestämt|målvärde|indikator\w*)\b", re.I)
# A level of a scale or a ladder, as a line or a table row ("| −2 | somnar bara med vuxen bredvid |", "0 (förväntat):
# ...", "Nivå 3 – förväntat:"), and a level table's header ("| Nivå | Beskrivning |").
SCALE_LEVEL = re.compile(r"^[\s|]*(?:nivå\s*(?:\d\b)?|[−–+-]?\s*[0-5](?!\s*[.)]))\s*(?:\([^()\n]{0,20}\))?\s*(?:[|:=–—-]|$)",
                         re.I)
# What a scale prints beside its levels, with nothing of the child's in it ("förväntat", "mkt bättre än förv.", "där
# vi är nu"): a scale with only its labels is no goal (GUIDELINES 4, block 54).
SCALE_WORDS = re.compile(r"^(?:(?:mycket|mkt\.?)\s+)?(?:bättre|sämre)\s+än\s+förv\w*\.?|förväntat?\.?|"
                         r"där (?:vi|jag) är (?:nu|i dag|idag)|dit (?:vi|jag) vill|utgångsläge|nuläge|beskrivning|nivå$",
                         re.I)
# A scale or goal reported as ended ("Skalan om tiden i förskolan avslutas.", "Delmålet utgår."): a status, no goal.
GOAL_ENDED = re.compile(r"^\W*(?:skalan|stegen|målskalan|målstegen|delmålet|målet)\b[^.]{0,50}?\b"
                        r"(?:avslutas|avslutades|utgår|stryks|tas bort)\b", re.I)


def _framework_heading(ctx: Context, s: Segment) -> str | None:
    """For a whole line that heads a goal framework's part (FRAMEWORK_HEADING: "GAS-skala 1 – Kvällar och nätter"),
    the heading, lower-cased; None for any other segment."""
    if s.is_heading or len(s.text) > 70 or not _starts_line(ctx, s) or _line_end(ctx, s) > s.end + 1 \
            and ctx.text[s.end:_line_end(ctx, s)].strip():
        return None
    text = s.text.strip()
    if FRAMEWORK_HEADING.match(text) and _word_count(text) <= 8 and text[-1] not in ".!?":
        return text.lower()
    return None


def _scale_labels_only(text: str) -> bool:
    """True when a scale level's line or row holds nothing but the level marks and the scale's own labels."""
    cells = [c.strip(" :–—-") for c in re.split(r"[|:–—]", text)]
    rest = [c for c in cells if c and not re.fullmatch(r"(?:nivå\s*)?[−+-]?\s*\d(?:\s*\([^()]*\))?", c, re.I)]
    return all(SCALE_WORDS.match(c) for c in rest)


def _line_end(ctx: Context, s: Segment) -> int:
    """The end of the segment's line."""
    end = ctx.text.find("\n", s.start)
    return end if end >= 0 else len(ctx.text)


def _framework_line(ctx: Context, s: Segment, enclosing: str, goal: Segment | None, fields: dict[int, str]) -> str | None:
    """For a line of a goal section that belongs to a goal framework: "field" (a measure field, or a filled scale
    level under the goal `goal`; a field that gives a level or time is kept in `fields` under that goal), "empty" (a
    scale level or a row of the scale's labels with nothing of the child's in it), "ended" (GOAL_ENDED); None for any
    other line, also a filled level with no goal above it: a filled ladder states the goal itself."""
    if GOAL_ENDED.match(s.text):
        return "ended"
    if MEASURE_FIELD.match(s.text):
        if goal is not None and LEVEL_FIELD.match(s.text):
            fields[goal.start] = f"{fields.get(goal.start, '')} {s.text.split(':', 1)[-1]}"
        return "field"
    if not FRAMEWORK_HEADING.match(enclosing) or not _starts_line(ctx, s):
        return None
    line = ctx.text[s.start:_line_end(ctx, s)]
    if _scale_labels_only(line):
        return "empty"
    if not SCALE_LEVEL.match(line) or goal is None:
        return None
    fields[goal.start] = f"{fields.get(goal.start, '')} {line}"
    return "field"


def goal_fields(ctx: Context) -> dict[int, str]:
    """By a goal's start, the text of the framework fields and scale levels written under it (MEASURE_FIELD,
    SCALE_LEVEL): they give the goal's level or time frame when they measure something (GUIDELINES 4, block 54)."""
    _ = ctx.goals  # the goal scan records the fields
    return vars(ctx).get("goal_fields", {})


# A column title cut short ("ANSV.", "Uppf."), beside the full ones of HEADER_WORDS.
COLUMN_ABBREVIATION = re.compile(r"^(?:ansv|resp|uppf|ansv\.?\s*person)$", re.I)


# The gap between two columns set with spaces: three spaces or more.
SPACED_COLUMNS = re.compile(r"[ \t]{3,}")


def _intervention_table_title(ctx: Context, s: Segment) -> str | None:
    """A table's header line whose first column title names the interventions and no title names goals
    ("INSATSER<tab><tab>ANSV.", "| Insats | Vem | När |"): its title, which heads the rows below as a section heading
    does; the rows are interventions, not goals (GUIDELINES 4, block 55: the column headers say what the cells
    are)."""
    if not _starts_line(ctx, s):
        return None
    if _is_table_row(s.text):
        cells = [c.rstrip(":. ") for c in _cells(s.text) if c.strip()]
    else:  # columns set with spaces ("Överenskommelser            Ansvarig"): the titles of a grid
        cells = [c.rstrip(":. ") for c in SPACED_COLUMNS.split(s.text.strip())]
    if len(cells) < 2 or not all(HEADER_WORDS.match(c) or COLUMN_ABBREVIATION.match(c) for c in cells[1:]) \
            or not (HEADER_WORDS.match(cells[0]) and ACTIVITY_SECTION.search(cells[0])
                    or INTERVENTION_SECTION.match(cells[0]) and len(cells[0].split()) <= 2) \
            or any(GOAL_HEADING.search(c) for c in cells):
        return None
    return cells[0].lower()


# A longer title that opens the interventions ("Det här ska hända fram till sommaren och vem som ansvarar", "Vem gör
# vad och när under hösten"): it ends the goals above it, as the short "Det här ska hända" does.
INTERVENTIONS_TITLE = re.compile(r"^(?:det här|detta|så här) (?:ska hända|gör vi|ska vi göra)\b|^vem gör vad\b", re.I)


def _interventions_title(ctx: Context, s: Segment) -> str | None:
    """A whole line of up to ten words, without a sentence end, that opens with an interventions title
    (INTERVENTIONS_TITLE): the section it opens, lower-cased."""
    text = s.text.strip()
    if not INTERVENTIONS_TITLE.match(text) or text[-1] in ".!?,;" or _word_count(text) > 10 \
            or not _starts_line(ctx, s) or _line_end(ctx, s) > s.end + 1:
        return None
    return text.rstrip(":").lower()


# A sentence in running prose that announces the goals in the sentences after it, ending with a full stop ("De
# närvarande enades om följande mål för det fortsatta arbetet."): the rest of its paragraph is a goal section, as the
# list after "Följande mål fastställdes:" is (GUIDELINES 4, block 50: a heading in running text is a heading).
PROSE_GOAL_LEAD = re.compile(r"\bföljande\s+(?:del)?m[åa]l\b[^.:!?]{0,50}\.\s*$", re.I)
GOALS_AS_TOPIC = re.compile(r"\b(?:del)?m[åa]l(?:en|et)\b", re.I)


# Function words of English and of Swedish, to tell a goal written in English from one in Swedish (a bilingual plan).
ENGLISH_WORDS = re.compile(r"\b(?:the|will|be|is|are|to|and|with|at|of|an|can|he|she|they|his|her|by|every|least|more|"
                           r"less|able|than|without|until|week|weeks|days|school)\b", re.I)
SWEDISH_WORDS = re.compile(r"\b(?:och|att|ska|skall|är|på|i|med|till|en|ett|av|för|hen|han|hon|minst|dagar|veckan|"
                           r"skolan|kan|inte|utan|som|har|vid|blir|mer|mindre)\b", re.I)


def _english_goal(text: str) -> bool:
    """A goal written in English only: two English function words or more and no Swedish one."""
    return len(ENGLISH_WORDS.findall(text)) >= 2 and not SWEDISH_WORDS.search(text)


def _without_translated_goals(goals: list[Segment]) -> list[Segment]:
    """The goals without their English translations (GUIDELINES 4, block 74: "samma sak på båda språken räknas en
    gång"; when the languages differ the Swedish text holds): goals written in English only are left out when the
    plan has at least as many goals in Swedish."""
    english = [g for g in goals if _english_goal(g.text)]
    if not english or len(goals) - len(english) < len(english):
        return goals
    return [g for g in goals if g not in english]


# The number that opens a deep outline's line ("5.", "5.1", "3.1.2 "): its parts are the line's level; not a
# clock time ("14.55 Slut.").
OUTLINE_NUMBER = re.compile(r"^\s*(?!\d{1,2}\.\d\d\s)(\d{1,2}(?:\.\d{1,2})*)\.?\s")


def _line_depth(line: str) -> tuple[int, int]:
    """The level of a line in an outline: its indentation (a tab as four spaces) and the parts of its number
    ("4.1.1": 3; none: 0)."""
    lead = line[:len(line) - len(line.lstrip(" \t"))]
    number = OUTLINE_NUMBER.match(line)
    return len(lead.expandtabs(4)), number.group(1).count(".") + 1 if number else 0


def _outline_depth(ctx: Context, s: Segment) -> tuple[int, int]:
    """The level of the segment's line in an outline (`_line_depth`)."""
    line_start = ctx.text.rfind("\n", 0, s.start) + 1
    line_end = ctx.text.find("\n", s.start)
    return _line_depth(ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)])


def _heads_line_depth(ctx: Context, s: Segment) -> bool:
    """The segment's line, numbered as a sub-item ("5.1"), has the next line on a deeper level of the outline below it
    ("5.1.1 ...", or more indented)."""
    depth = _outline_depth(ctx, s)
    if depth[1] < 2:
        return False
    line_end = ctx.text.find("\n", s.start)
    while line_end >= 0:
        nxt_end = ctx.text.find("\n", line_end + 1)
        line = ctx.text[line_end + 1:nxt_end if nxt_end >= 0 else len(ctx.text)]
        if line.strip():
            indent, parts = _line_depth(line)
            return indent > depth[0] or indent == depth[0] and parts > depth[1]
        line_end = nxt_end
    return False


# A heading over both the goals and the interventions ("5. Mål och insatser", "Mål/insatser"): in a numbered outline its
# items are the goals and the levels below them their interventions (GUIDELINES 4, block 80).
COMBINED_GOAL_SECTION = re.compile(r"\bm[åa]l(?:en)?\s*(?:och|&|/|,)\s*(?:insats\w*|åtgärd\w*|aktivitet\w*)\b", re.I)


def _below_outline_item(ctx: Context, s: Segment, parent: tuple[int, int]) -> bool:
    """The segment's line stands on a deeper level of an outline than the line `parent` gives the level of: more
    indented, or as indented with more parts to its number ("4.1" / "4.1.1")."""
    indent, parts = _outline_depth(ctx, s)
    return indent > parent[0] or indent == parent[0] and parent[1] > 0 and parts > parent[1]


# A line that titles an outline level with a bullet or in bold ("* Mål", "**Mål (gemensamt, fastställt på mötet)**",
# "• Insatser"): the title, without its note in brackets.
OUTLINE_TITLE = re.compile(r"^[ \t]*(?:(?P<bullet>[-–•*▪›])[ \t]+|(?P<bold>\*\*|__))(?P<title>[^\W\d][^*_\n]{0,60}?)[ \t]*"
                           r"(?(bold)(?:\*\*|__)|):?[ \t]*$")


def _outline_title(ctx: Context, s: Segment) -> str | None:
    """The section a bulleted or bold line opens when it titles an outline level (OUTLINE_TITLE): a short title with
    the next line on a deeper level ("* Mål" / "    1. ..."), or a bold goal or section word with a list after it
    (GUIDELINES 4, block 80: a line belongs to the line above it on a higher level)."""
    if not _starts_line(ctx, s):
        return None
    line_end = ctx.text.find("\n", s.start)
    line = ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:line_end if line_end >= 0 else len(ctx.text)]
    m = OUTLINE_TITLE.match(line)
    if not m:
        return None
    title = re.sub(r"\s*\([^)]*\)", "", m.group("title")).strip().lower()
    nxt = _next_line(ctx, s.start)
    if not title or _word_count(title) > 4 or not nxt.strip() or title[-1] in ".!?,;":
        return None
    if _line_depth(nxt)[0] > _line_depth(line)[0]:
        return title  # a level's title, whatever it says ("- Vem gör vad", "- Övrigt"): it ends the level above
    known = GOAL_HEADING.search(title) or SECTION_WORD.match(title)
    labelled = m.group("bold") or line.rstrip().endswith(":")  # "**Mål**", "- Mål:" over a list
    return title if known and labelled and LIST_ITEM_START.match(nxt) else None


# A line that is only a rule across the page ("————————", "-----", "_____", "* * *", "=====").
HORIZONTAL_RULE = re.compile(r"^[ \t]*(?:[-–—_=*~][ \t]*){3,}$")


def _rule_under_title(ctx: Context, s: Segment) -> bool:
    """The rule (`s`) underlines the line right above it, a title ("Mål" / "-----"), rather than parting two parts."""
    above = _line_above(ctx, s.start)
    return (ctx.text.rfind("\n", 0, s.start) > 0 and bool(above.strip()) and len(above.split()) <= 6
            and not above.rstrip().endswith((".", "!", "?")))


# What the child said, reported in the past or perfect ("Det här har [BARN] sagt", "svarade hon att", "[BARN] berättade",
# "hon ville inte vara kvar"): the child's words, which count by what they are and not by the heading above them
# (GUIDELINES 4, block 82: "barnets egna ord under föräldrarnas rubrik är barnets röst").
_SAID_CHILD = r"(?:\[BARN\]|barnet|eleven|ungdomen|hen|hon|han)"
_SAID_VERB = r"(?:sa|sade|sagt|svarade|svarat|berättade|berättat|skrev|skrivit|frågade|ville\s+inte)"
CHILD_SAID = folded_re(rf"(?<!\w){_SAID_CHILD}\s+(?:har\s+|hade\s+)?{_SAID_VERB}\b|"
                       rf"\b(?:sa|sade|svarade|berättade)\s+{_SAID_CHILD}(?!\w)", re.I)


def goal_segments(ctx: Context) -> list[Segment]:
    """Segments that state a goal: in a goal section (also after a numbered heading such as "6. Mål"), the
    goal column of a table, or with a goal phrase ("målet är att", "ska kunna"); 'mål' in other senses
    excluded. A two-column form read out column by column (GUIDELINES 4, block 77) is read as its paired text
    (`paired_form`), as the goal criteria read it."""
    form = paired_form(ctx)
    if form is not None:
        return form.goals(ctx)
    cells, headed, _, _ = _cached(ctx, "table_goals", _table_goals)
    agenda, agenda_rows = _agenda_goals(ctx)
    headed_starts = [a for a, _ in headed]
    out = list(cells) + agenda
    gaps = vars(ctx)["goal_gaps"] = []  # goal slots left empty or without a goal (see `goal_gaps`)
    heading = None  # the section heading as this function sees it (None: the one `segments` found)
    outer = ""  # the last heading `segments` found
    sibling = None  # the number of the section after a numbered heading ("3." after "2. Mål"): it ends the section
    covered = -1  # the end of the last goal that took in the lines after it
    listed = paused = False  # goals given as list items in this section; prose after the list, below a blank line
    under_goals = False  # a topic heading below an empty goal heading ("Mina mål" / "Skola" / "Jag ska ...")
    prev_heading = None  # the heading segment just before this one, when nothing stood between them
    stamped = False  # the section's heading carries a clock time ("16.00 Målen ses över:")
    any_section = bool(agenda_rows)  # a goal section seen anywhere in the plan (also an agenda point with notes)
    fields = vars(ctx)["goal_fields"] = {}  # a framework's measure fields by their goal's start (see `goal_fields`)
    last_goal, last_section = None, None  # the last goal found and the section it stood in
    left = False  # a line's own label opened another part below the goals ("Vårdnadshavarnas synpunkter: ...")
    said = False  # a line under the goals reported what the child said: the child's words follow, no goals
    prose_until = -1  # the end of a paragraph whose sentence announced the goals after it (PROSE_GOAL_LEAD)
    outline_parent = None  # the last goal or goal gap line in the section: (its outline level, "goal"/"gap", section)
    heading_indent = 0  # the indentation of the line that opened `heading`
    for s in ctx.segs:
        if s.is_heading and heading and _goal_section(heading) and DECISION_LABEL.match(s.section.rstrip(": ")):
            continue  # "§ 4 Mål" / "Beslutades:": the protocol's decision lists the goals (GUIDELINES 4, block 63)
        if s.is_heading:
            under_goals = _goal_subheading(s.section, prev_heading, under_goals)
            heading, sibling, outer, listed, paused, left, said = None, None, s.section, False, False, False, False
            prev_heading = s
            continue
        prev_heading = None
        if s.start < covered or PAGE_HEADER.search(s.text) or _template_instruction(ctx, s) \
                or agenda_rows and _in_spans_of(agenda_rows, s.start) \
                or _in_spans_of(_schedule_tables(ctx), s.start):  # a schedule's rows, also under "Mål"
            continue
        if heading and HORIZONTAL_RULE.match(s.text) and _starts_line(ctx, s) and not _rule_under_title(ctx, s):
            # a rule across the page ends the part above it: in a plan compiled from the agencies' contributions it
            # parts one contribution from the next (GUIDELINES 4, block 81), so the goals of one are not the next's
            heading, sibling, listed, paused, stamped, left = "", None, False, False, False, False
            continue
        slide = _slide_title(ctx, s)
        if slide is not None:  # a new slide is a new section ("Bild 5: Mål", "— Bild 8 —", "Slide 6")
            heading, sibling, listed, paused, stamped, left = slide, None, False, False, False, False
            continue
        paragraph = _protocol_paragraph(ctx, s)
        if paragraph is not None:  # a protocol's paragraph opens a section ("§ 6. Insatser", "§ 5 Beslut: ... mål:")
            heading, sibling, listed, paused, stamped, left = paragraph[0], None, False, False, False, False
            if paragraph[1]:
                covered = _line_end(ctx, s)
                continue
        question = _form_question(ctx, s)
        if question is not None:  # a form's printed question heads its answer ("Vad vill vi uppnå?")
            # a numbered question's answer ends at the next number ("4. Vad vill du ska bli bättre?" / "5. Kompisar
            # → hoppades över": the next question of a questionnaire, GUIDELINES 4, block 42 and 75)
            line = ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:s.end]
            heading, sibling = question, _next_section_number(line)
            listed, paused, stamped, left = False, False, False, False
            continue
        titled = _intervention_table_title(ctx, s)
        if titled is not None:  # "INSATSER<tab>ANSV." under the goals: the interventions' table opens
            heading, sibling, listed, paused, stamped, left = titled, None, False, False, False, False
            continue
        pseudo = _framework_heading(ctx, s) or _pseudo_heading(ctx, s)
        if pseudo is None:
            pseudo = _numbered_label(ctx, s)
        if pseudo is None:
            title = _outline_title(ctx, s)
            # a title on a deeper level than the goal heading is a topic of the goals ("B. Mål" / "   › Morgnarna"),
            # unless it names another part of the plan ("Insatser:", "Samtycke:")
            inside = heading is not None and _goal_section(heading) and _outline_depth(ctx, s)[0] > heading_indent \
                and title is not None and not SECTION_WORD.match(title)
            pseudo = None if inside else title
        if pseudo is None and _starts_line(ctx, s):  # a heading whose note the sentence split cut ("3. Mål (enl. ...):")
            whole = _whole_line(ctx, s)
            pseudo = _pseudo_heading(ctx, whole) if whole.end > s.end else None
            covered = whole.end if pseudo is not None else covered
        if pseudo is None:
            pseudo = _goal_title(ctx, s) or _interventions_title(ctx, s)
        elif GOAL_ON_LABEL_LINE.match(s.text):
            pseudo = None  # "Mål: [BARN] ska orka skolan bättre": a goal after its label, not a heading
        if pseudo is not None:
            if EMPTY_GOAL_SLOT.match(s.text) and re.search(r":\s*[-–—]+\s*$", s.text):
                gaps.append(s)  # "Delmål: –" read as a heading: an empty goal slot, and no section below it
                pseudo = ""
            # the number may stand apart from the heading's words ("J." / "Mål"): read it from the whole line
            line = ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:s.end]
            heading, sibling, listed, paused, left = pseudo, _next_section_number(line), False, False, False
            stamped = bool(CLOCK_STAMP.match(s.text))
            heading_indent = _outline_depth(ctx, s)[0]
            continue
        if stamped and _starts_line(ctx, s) and CLOCK_STAMP.match(s.text):
            heading, stamped = "", False  # the next time-stamped entry of running minutes ends the section
        if sibling and _starts_line(ctx, s):
            if sibling[0].match(s.text):
                sibling = None  # the goals are numbered as the sections are ("3. Mål" / "1. ..."): no end marker
            elif sibling[1].match(s.text):
                heading, sibling = "", None
        if _starts_line(ctx, s) and not _is_table_row(s.text):
            item = bool(LIST_ITEM_START.match(s.text) or NUMBERED_GOAL_LABEL.match(s.text))
            notes = bool(SPEAKER_NOTES_LINE.match(s.text))  # "Anteckningar: Målen skrevs om flera gånger."
            paused = not item and (paused or notes or listed and _after_blank_line(ctx, s))
            own = s.section if s.section != outer else _line_label(s.text)
            left = not item and (_goalless_label(own) and not _goal_section(own) if own is not None else left)
        enclosing = heading if heading is not None else outer
        section = heading if heading is not None and s.section == outer else s.section  # an inline label wins
        in_goal_section = not paused and not left and (_goal_section(section) or under_goals and heading is None and section == outer
                                          or section != enclosing and _goal_section(enclosing)
                                          and not _goalless_label(section))
        if not in_goal_section and s.start < prose_until:
            # "... enades om följande mål för det fortsatta arbetet. Skolan ska ...", not a remark on the goals that
            # follows them ("Det noterades att målen i första hand avser ...")
            in_goal_section = not GOALS_AS_TOPIC.search(s.text)
        elif not in_goal_section and PROSE_GOAL_LEAD.search(s.text):
            para_end = ctx.text.find("\n\n", s.end)
            prose_until = para_end if para_end >= 0 else len(ctx.text)
            continue
        if not in_goal_section and COMBINED_GOAL_SECTION.search(enclosing) and _starts_line(ctx, s):
            # "5. Mål och insatser" / "5.1 Skolan ska ha gjort ..." / "5.1.1 Observation i klassrummet": the item that
            # heads a level is a goal, the lines below it are its interventions (GUIDELINES 4, block 80)
            if outline_parent is not None and outline_parent[2] == enclosing \
                    and _below_outline_item(ctx, s, outline_parent[0]):
                covered = _line_end(ctx, s)
                continue
            in_goal_section = _heads_line_depth(ctx, s)
        if in_goal_section and outline_parent is not None and outline_parent[2] == enclosing and _starts_line(ctx, s) \
                and _below_outline_item(ctx, s, outline_parent[0]) \
                and (outline_parent[1] == "gap" or ctx.has_agent(s) and not re.match(rf"\W*(?:att\s+)?{GOAL_CHILD}", _strip_label(s.text), re.I)):
            # a deeper level of an outline belongs to the line above it (GUIDELINES 4, block 80): below a note that
            # there is no goal it goes on with that note ("4.1 Målen från november gäller" / "4.1.1 Bilaga 1
            # skickas ut"); below a goal, a line that names who does it is the goal's intervention ("3.1 [BARN] följer
            # bildschemat ..." / "› Bildschema vid hallen – skolan, [NAMN_2]"), not a goal of its own
            covered = _line_end(ctx, s)
            continue
        if (in_goal_section or paused and _goal_section(enclosing)) and (said or CHILD_SAID.search(s.text)):
            # the child's own words under "Mål" ("Det här har [BARN] sagt", "... svarade hon att ...") are the
            # child's voice, not goals, and so is what follows them in the section (GUIDELINES 4, block 82)
            said = True
            continue
        any_section = any_section or in_goal_section
        if not (in_goal_section or _goal_phrase(s.text) and not _adult_wish(s.text)
                and not RECOMMENDATION_SECTION.search(section)):
            continue
        if NOT_A_GOAL.search(s.text) or NEED_STATEMENT.match(s.text) or GOAL_CLAIM_OR_LEFTOVER.search(s.text) \
                or _template_standard_text(s.text) \
                or (headed_starts and _in_spans(headed, headed_starts, s.start)) \
                or is_table_header(s.text) or _list_lead_in(ctx, s):
            continue
        if in_goal_section and _is_table_row(s.text) and _starts_line(ctx, s):
            what = _what_column_goal(ctx, s)
            if what is not None:  # "| Vad | Hur vi gör | Vem |" under a goal heading: the goal is the "Vad" cell
                if what is False:
                    continue
                s = what
        body = _strip_label(s.text)
        framework = _framework_line(ctx, s, enclosing, last_goal if last_section == enclosing else None, fields) \
            if in_goal_section else None
        if framework is not None:  # a goal framework's field, level or status: no goal (GUIDELINES 4, block 54)
            if framework == "empty" and last_section != enclosing:
                gaps.append(s)  # a scale with only its labels: a need area without a goal
                last_section = enclosing
            covered = _line_end(ctx, s)
            continue
        if in_goal_section and _goal_gap(s.text, body):
            if not _struck_slot(ctx, s) and not _separator_dash(ctx, s):
                gaps.append(s)
                if _starts_line(ctx, s):
                    outline_parent = (_outline_depth(ctx, s), "gap", enclosing)
        elif re.search(r"[A-Za-zÅÄÖåäö]{2}", body) and not FOLLOW_UP.match(body) \
                and not _goal_gap(s.text, body) and not body.rstrip().endswith("?") \
                and not GOAL_STATUS.match(body) and not TEAM_VISION.match(body) \
                and not GOAL_TALK.match(body) and not _lead_in_sentence(body):  # "- Mål: –", "Vem gör vad?": none
            listed = listed or in_goal_section and bool(LIST_ITEM_START.match(s.text) or NUMBERED_GOAL_LABEL.match(s.text))
            if in_goal_section and _starts_line(ctx, s):
                outline_parent = (_outline_depth(ctx, s), "goal", enclosing)
            s = _with_continuation(ctx, _without_answer_mark(s))
            covered = s.end
            out.extend(_goal_series(s))
            last_goal, last_section = out[-1], enclosing
    out = _with_dictated_goals(ctx, sorted(out, key=lambda g: g.start))
    timeline = [g for g in _timeline_goals(ctx) if not any(g.start < o.end and o.start < g.end for o in out)]
    out = sorted(out + timeline, key=lambda g: g.start) if timeline else out
    if out and any_section:
        return _with_needs_field_goals(ctx, out)
    # no goal section: the child's "ska" statements (CHILD_SHALL) state goals beside a goal phrase ("ska kunna")
    extra = [g for g in _child_statement_goals(ctx) if not any(g.start < o.end and o.start < g.end for o in out)]
    return sorted(out + extra, key=lambda g: g.start)


# The first column title of a table that says what is to be reached, how and by whom ("| Vad | Hur vi gör | Vem |"):
# under a goal heading its "Vad" cells are the goals (GUIDELINES 4: the column headers say what the cells are).
WHAT_COLUMN = re.compile(r"^vad(?:\s+ska\s+\w+(?:\s+\w+)?)?\??$", re.I)


def _what_column_goal(ctx: Context, s: Segment) -> Segment | Literal[False] | None:
    """For a table row (`s`, its whole line) whose table opens with a header titled "Vad" in its first column
    (WHAT_COLUMN) followed by other titles: the row's first cell as a goal segment, False for the header, the
    separator or a row whose first cell is empty; None for a row of any other table."""
    lo = s.start
    while lo > 0:  # the table's first line
        prev = ctx.text.rfind("\n", 0, lo - 1) + 1
        if not _is_table_row(ctx.text[prev:lo - 1]):
            break
        lo = prev
    header = ctx.text[lo:ctx.text.find("\n", lo) if "\n" in ctx.text[lo:] else len(ctx.text)]
    titles = _cells(header)
    if len(titles) < 2 or not WHAT_COLUMN.match(titles[0]) or any(re.search(r"\d", t) for t in titles):
        return None
    line = Segment(s.start, _line_end(ctx, s), ctx.text[s.start:_line_end(ctx, s)], s.section)
    spans = _cell_spans(line.text)
    if lo == s.start or not spans or not re.search(r"[A-Za-zÅÄÖåäö]{2}", line.text[slice(*spans[0])]):
        return False
    return _row_cell(ctx, line, *spans[0])


# A protocol's numbered paragraph at a line's start ("§ 5. Mål", "§ 1a. Dagordn", "§ 4 Insatser: Skolan utreder ...");
# its title up to a colon, and what follows on the line.
PROTOCOL_PARAGRAPH = re.compile(rf"[ \t]*{PARAGRAPH_MARK}\.?[ \t]*(?P<title>[^:\n]{{0,40}}?)[ \t]*(?::[ \t]*(?P<rest>[^\n]*))?$")
# The protocol's decision on the goals that lists them below ("Mötet beslutade om följande mål:", "Beslutades om
# mål:"): it opens the goals (GUIDELINES 4, block 63).
DECIDED_GOALS_LEAD = re.compile(r"\b(?:beslutade\w*|beslöts|beslutades|fastställde\w*|enades)\s+(?:\w+\s+){0,2}?"
                                r"(?:om\s+)?(?:följande\s+)?(?:del)?m[åa]l(?:en)?\s*:\s*$", re.I)


def _protocol_paragraph(ctx: Context, s: Segment) -> tuple[str, bool] | None:
    """For a segment that opens a protocol's paragraph line (PROTOCOL_PARAGRAPH): the section it opens, lower-cased
    ("mål" when the line's text is a decision that lists the goals, DECIDED_GOALS_LEAD), and whether the line holds
    nothing else (a title, or such a lead-in), so that it states no goal itself; None for any other segment (the
    secretary's and the justerare's paragraphs are no content of the plan, GUIDELINES 4, block 63)."""
    if not _starts_line(ctx, s) or "§" not in s.text[:4]:
        return None
    m = PROTOCOL_PARAGRAPH.match(ctx.text, s.start - (len(s.text) - len(s.text.lstrip())), _line_end(ctx, s))
    if not m:
        return None
    rest = (m.group("rest") or "").strip()
    if DECIDED_GOALS_LEAD.search(rest):
        return "mål", True
    return m.group("title").strip(" .").lower(), not rest


# A checklist line about the plan's goals ("☑ Mål formulerade", "[x] Mål: mätbara"): a tick is a claim about the
# plan, not a goal (GUIDELINES 4, block 47). A goal line marked as left over from an earlier plan ("[Text från
# föregående plan – gäller ej längre] ...", "... (stryk)"): the text says it no longer applies, so it counts for
# nothing (GUIDELINES 4, block 47).
GOAL_CLAIM_OR_LEFTOVER = re.compile(rf"^\W*{TICK_BOX}\s*(?:del)?m[åa]l(?:en|et)?\b"
                                    r"|[\[(][^\])]{0,60}\b(?:gäller (?:ej|inte)(?: längre)?|stryk|ska strykas)\b[^\])]{0,60}[\])]",
                                    re.I)


# A template's standard text below the goals, as a document template prints it (GUIDELINES 4, block 52): the
# consent and data-protection notice ("Samtycket kan när som helst återkallas", "Personuppgifter behandlas enligt
# GDPR") and an empty field for a signature or a date ("Underskrift: __________"). It says nothing about this plan.
TEMPLATE_NOTICE = folded_re(r"\bkan\s+(?:\w+\s+){0,3}?återkallas\b|\bgdpr\b|\bdataskyddsförordning\w*|"
                            r"\bpersonuppgifter\w*\s+(?:behandlas|hanteras|sparas)\b", re.I)
UNFILLED_FIELD = re.compile(r"^\W*[^\W\d][^:\n]{0,30}:\s*_{3,}[\s_./-]*$")


def _template_standard_text(text: str) -> bool:
    """True when the line is a template's standard text (TEMPLATE_NOTICE) or an unfilled field (UNFILLED_FIELD)."""
    return bool(UNFILLED_FIELD.match(text)) or _search_ci(TEMPLATE_NOTICE, text) is not None


# What the child needs, said where a goal should stand ("[BARN] behöver trygga vuxna omkring sig", "Jag behöver hjälp
# med pengarna"): a need (GUIDELINES 4: an answer counts for what it says), not what should be different.
NEED_STATEMENT = re.compile(rf"^\W*(?:att\s+)?{CHILD}\s+(?:behöver|har behov av)\b", re.I)


# The team's vision under a goal heading ("Vi strävar efter en vardag där [BARN] känner sig trygg ...", "Vi vill
# skapa ett sammanhang där ..."): what the adults aim for in general, not a goal of the plan (a vision is no
# evaluable goal); "Vi strävar efter att [BARN] ska ..." states a goal (GOAL_INTRO).
TEAM_VISION = re.compile(r"^\W*(?:vi|alla|samtliga(?:\s+\w+)?)\s+(?:tillsammans\s+)?(?:(?:strävar|arbetar|verkar)\s+"
                         r"(?:efter|för|mot)|vill\s+(?:skapa|bygga|ge))\s+(?:en|ett)\b", re.I)


# The meeting's talk about what the goals should be, told in a first-person account ("Vi pratade länge om vad vi
# egentligen vill med planen", "Vi diskuterade om vi skulle ha fler mål"): how the goals were discussed, not a goal
# (GUIDELINES 4, block 58); "Vi pratade om att [BARN] ska ..." carries its goal and is not this.
GOAL_TALK = re.compile(r"^\W*(?:vi|jag|man|alla|de vuxna)\s+(?:\w+\s+){0,2}?(?:pratade|diskuterade|talade|resonerade|"
                       r"funderade|pratar|diskuterar|resonerar)\b[^.]{0,40}?\b(?:om|kring)\s+"
                       r"(?:vad|hur|vilka|vilket|vilken|om|huruvida|vi|man|det|när)\b|"
                       # how the goal form was filled in ("Vi använder förvaltningens SMART-mall.", "Varje rad fylldes i
                       # gemensamt under mötet."): a note on the form, no goal (GUIDELINES 4, block 52: a template's text)
                       r"^\W*(?:vi|man)\s+(?:använder|använde|följer|följde|fyllde i|fyller i)\s+(?:\S+\s+){0,2}?"
                       r"[\w-]*(?:mall|modell|blankett|formulär)\w*\b|"
                       r"^\W*(?:varje|alla|samtliga)\s+rad(?:er|erna)?\s+(?:fylldes|fylls|skrevs|skrivs)\b", re.I)


def _lead_in_sentence(body: str) -> bool:
    """A sentence of four words or more that ends with a colon ("Vi landade i ett övergripande mål som alla ställde
    sig bakom:"): it introduces the goal below it and states none itself."""
    return body.rstrip().endswith(":") and _word_count(body) >= 4


# A goal label with the child's "ska" goal after it on its line ("Mål: [BARN] ska orka skolan bättre"): a goal, though
# the line is short enough for a heading.
# Also an agency's state after the label ("Mål: Hab har gjort motorisk bedömning", "Mål: BUP ska ha träffat [BARN]"): a
# sentence with a subject and a finite verb, which a heading has not (GUIDELINES 4.1: a state an agency should reach).
# A numbered goal's label that opens its line ("Mål 2:", "Delmål 3:"): it numbers the goals as a list's items do, so
# prose after the numbered goals, below a blank line, is no goal.
# The goal field's label also in the words coordinators use for it ("Målsättning:", "Målbild:"; GUIDELINES 3,
# goals_present: the label does not make or unmake a goal).
_GOAL_FIELD_WORD = r"(?:del)?(?:m[åa]l(?:et)?|m[åa]ls[äa]ttning|m[åa]lbild)"
NUMBERED_GOAL_LABEL = re.compile(r"^\W*(?:del)?m[åa]l\s*\d{1,2}\s*:", re.I)
GOAL_ON_LABEL_LINE = re.compile(rf"^\W*{_GOAL_FIELD_WORD}\s*\d*\s*:\s*(?:att\s+)?(?:{CHILD}\s+(?:ska|skall)\s+\w|"
                                r"[\w.-]+(?:\s+[\w.-]+)?\s+(?:ska|skall|har|är)\s+(?:ha\s+|vara\s+)?\w+(?:at|ad|t|d|en|et)\b)"
                                # a numbered goal's label with two or more words after it ("Mål 2: Skriva remiss"):
                                # the goal itself, as the list's other items are, not a topic heading ("Delmål 1: Skola")
                                r"|^\W*(?:del)?m[åa]l\s*\d{1,2}\s*:[ \t]*[^\W\d]\S*[ \t]+\S"
                                # a state with its deadline after the label ("Mål: läkemedelsutprovning genomförd före
                                # sommarlovet"): the field's value, a state to reach (GUIDELINES 4.1), not a heading
                                rf"|^\W*{_GOAL_FIELD_WORD}\s*:[ \t]*[^\W\d][\w-]*(?:[ \t]+[\w-]+)?[ \t]+\w+(?:ad|at|ade|d|t|da|en|et)"
                                r"[ \t]+(?:senast|före|innan|till)\b", re.I)


# A goal section's title that is a longer phrase than `_pseudo_heading` takes ("Mål som vi ändå var överens om",
# "Målen vi kom fram till för hösten"): it opens with the goal word and ends its line without a sentence end; a title
# about an earlier plan's goals ("Målen från förra planen") is no goal section of this plan (GUIDELINES 4, block 61).
GOAL_TITLE = re.compile(r"^\W*(?:del)?m[åa]l(?:en|et)?\s+(?:som|vi|för|fram till|till|inför|under)\b[^.!?:;\[\]|]{0,60}$",
                        re.I)


def _goal_title(ctx: Context, s: Segment) -> str | None:
    """For a whole line of up to ten words that titles the goals below it (GOAL_TITLE), the title, lower-cased; None
    for any other segment."""
    text = s.text.strip()
    if not GOAL_TITLE.match(text) or _word_count(text) > 10 or NOT_A_GOAL.search(text) or PAST_SECTION.search(text) \
            or not _starts_line(ctx, s) or _line_end(ctx, s) != s.start + len(s.text.rstrip()):
        return None
    rest = ctx.text[_line_end(ctx, s):].lstrip("\n")
    return text.lower() if rest.strip() else None


# The numbers one to ten as dictation says them ("punkt två", "Mål tre").
_ONE_TO_TEN = r"(?:ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)"


# Dictated text (speech recognition) says its punctuation and layout in words: "nytt stycke", "punkt", "komma",
# "kolon", "Rubrik mål." A goal section opens with a spoken heading or label ("Rubrik mål.", "mål kolon", "Mål
# lista", "Mål punkt ett", "När det gäller målen så ...") where a paragraph or sentence starts.
DICTATED_GOAL_HEADING = re.compile(
    r"(?:^|(?<=[.:\n])|\bnytt stycke\b|\bpunkt\b)[ \t]*(?:rubrik\s+m[åa]l(?:en)?\b\s*[.:]?|m[åa]l(?:en)?\s+kolon\b|"
    r"m[åa]l(?:en)?\s+lista\b\s*[.:]?|m[åa]l(?=\s+punkt\s+ett\b)|"
    r"när det gäller m[åa]len\b)", re.I | re.M)
# Each alternative of `DICTATED_GOAL_HEADING` holds one of these (`_has_cue`).
DICTATED_GOAL_HEADING_CUES = ("rubrik", "kolon", "lista", "punkt", "när det gäller m")
# What ends a dictated section: a new paragraph (spoken or a blank line), another spoken heading or label
# ("Rubrik insatser.", "insatser kolon"), the end of the dictation.
DICTATED_SECTION_END = re.compile(
    r"\bnytt stycke\b|\n[ \t]*\n|\brubrik\s+\w|\b\w+\s+kolon\b|\bslut(?: diktat)?\W*$", re.I)
# The spoken marks between a dictated section's goals: "punkt" (also before a number: "punkt två"), a written
# full stop, a line break, "Mål två", and "komma" where it is not the verb ("ska komma i tid").
DICTATED_GOAL_BREAK = re.compile(
    rf"\bpunkt\b(?:\s+{_ONE_TO_TEN}\b)?|[.!?](?=\s|$)|\n|"
    rf"\bm[åa]l\s+{_ONE_TO_TEN}\b|"
    r"(?<!\bska )(?<!\bskall )(?<!\bkunna )(?<!\bkan )(?<!\batt )(?<!\bfå )(?<!\bvill )(?<!\binte )\bkomma\b",
    re.I)
# The words a speaker puts before a dictated goal ("Vi sa att", "så sa vi att", "Och", "eh").
DICTATED_GOAL_LEAD = re.compile(
    r"^(?:[\s,;:.–-]|\b(?:och|eh|öh|så|sen|också|då|när det gäller m[åa]len)\b)*(?:(?:vi|man)\s+(?:sa|sade|kom överens om|bestämde|enades om)\s+att\s+|"
    r"(?:sa|sade|bestämde)\s+vi\s+att\s+)?", re.I)
# A filler word that opens the speaker's aside after a goal ("... mer av lunchen eh det var [NAMN_4] som ville ...").
DICTATED_ASIDE = re.compile(r"\s+(?:eh|öh|ehm)\b", re.I)
# A dictated goal states what shall be reached: a modal or a goal's own verb, not a remark ("Nu kommer målen").
DICTATED_GOAL_VERB = re.compile(r"\b(?:ska|skall|kunna|vill|bli|ha|vara)\b", re.I)


def _dictated_goal_items(ctx: Context) -> list[Segment]:
    """The goals of a dictated goal section (DICTATED_GOAL_HEADING), split at the spoken marks between them; lines
    that state no goal (placeholders, "mål" in another sense, remarks without a goal verb) left out."""
    out: list[Segment] = []
    text = ctx.text
    if not _has_cue(text, DICTATED_GOAL_HEADING_CUES):
        return out
    for head in DICTATED_GOAL_HEADING.finditer(text):
        if out and head.start() < out[-1].end:
            continue
        start = head.end()
        end_m = DICTATED_SECTION_END.search(text, start)
        end = end_m.start() if end_m else len(text)
        pos = start
        for br in [*DICTATED_GOAL_BREAK.finditer(text, start, end), None]:
            piece_end = br.start() if br else end
            seg = _dictated_goal(ctx, pos, piece_end)
            if seg is not None:
                out.append(seg)
            pos = br.end() if br else end
    return out


def _dictated_goal(ctx: Context, lo: int, hi: int) -> Segment | None:
    """One dictated goal between offsets lo and hi, without the speaker's lead-in, or None when it is no goal."""
    raw = ctx.text[lo:hi]
    lead = DICTATED_GOAL_LEAD.match(raw)
    a = lo + (lead.end() if lead else 0)
    body = DICTATED_ASIDE.split(ctx.text[a:hi], maxsplit=1)[0].strip(" \t,;:")
    if not body or not re.search(r"[A-Za-zÅÄÖåäö]{2}", body) or NOT_A_GOAL.search(body) or _placeholder(body) \
            or not DICTATED_GOAL_VERB.search(body):
        return None
    a = ctx.text.index(body, a)
    section = next((s.section for s in ctx.segs if s.start <= a < s.end), "")
    return Segment(a, a + len(body), body, section)


def _with_dictated_goals(ctx: Context, goals: list[Segment]) -> list[Segment]:
    """The goals found line by line, with a dictated section's goals instead of the long segments that hold them."""
    dictated = _dictated_goal_items(ctx)
    if not dictated:
        return goals
    kept = [g for g in goals if not any(d.start < g.end and g.start < d.end for d in dictated)]
    return sorted(kept + dictated, key=lambda g: g.start)


# A section of recommendations or proposals in a report around the plan ("Rekommendationer", "Förslag till
# fortsatta insatser", "Psykologens bedömning och råd"): what someone advises, not goals the plan agreed on.
RECOMMENDATION_SECTION = folded_re(r"\b(?:rekommendation\w*|rekommenderar|förslag\w*|föreslå\w*|råd)\b", re.I)


# A purpose clause ("Mallen är gjord för att den unga själv ska kunna skriva ..."): its "ska kunna" is no goal.
PURPOSE_CLAUSE = re.compile(r"\bför att\b[^.;:]{0,60}?\bska kunna\b"
                            # an indirect question talked about ("Vi pratade om hur morgnarna ska kunna bli lugnare",
                            # "vi diskuterade vad som ska kunna ordnas"): a topic, no decided goal (GUIDELINES 4, block 51)
                            r"|\b(?:hur|vad|vilka|vilket|vilken|huruvida)\b[^.;:]{0,60}?\bska kunna\b"
                            # a condition ("det behöver planeras i god tid om [BARN] ska kunna åka med"): what a
                            # participant's account says must happen first, no goal of the plan (GUIDELINES 4, block 91)
                            r"|\bom\s+(?:\[barn\]|barnet|eleven|hon|han|hen)\s+(?:\w+\s+)?ska kunna\b")


def _goal_phrase(text: str) -> bool:
    """A goal phrase in the segment (GOAL_PHRASE) outside a purpose clause ("för att hen ska kunna")."""
    low = text.lower()
    return bool(GOAL_PHRASE_LOWER.search(low)) and bool(GOAL_PHRASE_LOWER.search(PURPOSE_CLAUSE.sub(" ", low)))


# The guardians' wish told in the text ("De vill att [BARN] ska kunna vara på korttids", "Mamma önskar att ...",
# "[VH1] berättade att hon vill att ..."):
# outside a goal section it is their view, not a goal of the plan.
ADULT_WISH = folded_re(rf"^\W*(?:de|dom|båda|{_GUARDIAN_NOUN}|\[VH\d?\](?:\s+och\s+\[VH\d?\])?)\s+(?:\w+\s+)?"
                       r"(?:(?:berätta\w*|sa|sade|säger|uttryck\w*|menar|tycker|framför\w*)\s+att\s+"
                       r"(?:hon|han|hen|de|dom|båda)\s+(?:\w+\s+)?)?"
                       r"(?:vill|ville|önskar|önskade|hoppas|hoppades)\b", re.I)


def _adult_wish(text: str) -> bool:
    """The guardians' wish told in the text (ADULT_WISH), also after a label that names them ("Vårdnadshavare: pappa
    [VH2] vill att [BARN] ska kunna resa själv", the label read by `LINE_LABEL`): their view, not a goal of the plan."""
    if ADULT_WISH.match(text):
        return True
    unlabelled = re.sub(r"(?<=\w)\s+\[VH\d?\]", "", LINE_LABEL.sub("", text, count=1))  # "mamma [VH1] vill"
    return bool(ADULT_WISH.match(unlabelled))


# An empty goal slot: a numbered or bulleted item, or a goal label, with nothing or only a dash after it
# ("3.", "4. -", "Mål 2: –", "Målbild: –", "Vad vill vi uppnå: –").
EMPTY_GOAL_SLOT = re.compile(rf"^\s*(?:(?:[-–•*]|\d{{1,2}}[.)]|(?:del)?(?:{_GOAL_LABEL_WORDS})\s*\d*\s*\??\s*:)\s*)+"
                             r"[-–—.]*\s*$", re.I)


def _whole_line(ctx: Context, s: Segment) -> Segment:
    """The segment's whole line, as one segment in its section."""
    line_end = ctx.text.find("\n", s.start)
    end = line_end if line_end >= 0 else len(ctx.text)
    return Segment(s.start, end, ctx.text[s.start:end].rstrip(), s.section)


def _template_lines(ctx: Context) -> list[tuple[int, int]]:
    """(start, end) of the lines that are a template's instruction by their words (TEMPLATE_INSTRUCTION)."""
    return _cached(ctx, "template_lines", lambda c: [m.span() for m in TEMPLATE_INSTRUCTION.finditer(c.text)])


def _template_instruction(ctx: Context, s: Segment) -> bool:
    """True when the segment lies in a line that is a template's instruction (TEMPLATE_INSTRUCTION)."""
    return _in_spans_of(_template_lines(ctx), s.start)


# A goal slot whose text was struck ("- ~~Sömnutredning~~", read as the bullet and the spaces `planqa.readable`
# leaves): the goal was withdrawn, the slot is no goal left empty.
STRUCK_GOAL_SLOT = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]{5,}$")


def _struck_slot(ctx: Context, s: Segment) -> bool:
    """True when the segment's line is a goal slot whose text was struck (STRUCK_GOAL_SLOT)."""
    line_end = ctx.text.find("\n", s.start)
    return bool(STRUCK_GOAL_SLOT.match(ctx.text[s.start:line_end if line_end >= 0 else len(ctx.text)]))


def _goal_gap(text: str, body: str) -> bool:
    """A line in a goal section that marks a goal as missing: an empty slot or a placeholder ("mål ej satt")."""
    return bool(EMPTY_GOAL_SLOT.match(text)) or _placeholder(body) or bool(NO_GOAL_NOTE.search(body))


# A line that is only a dash: in a plan whose line breaks were put back (GUIDELINES 4, block 50) the " - " between
# its sections ("... svårigheter - Insatser: ...") stands as such a line between a section and the next heading.
DASH_LINE = re.compile(r"^[ \t]*[-–—][ \t]*$", re.M)


def _separator_dash(ctx: Context, s: Segment) -> bool:
    """True when the segment is a lone dash that separates sections, not an empty goal slot: the plan has several
    such lines and the next line is no list item."""
    if not DASH_LINE.match(s.text) or _cached(ctx, "dash_lines", lambda c: len(DASH_LINE.findall(c.text))) < 3:
        return False
    rest = ctx.text[s.end:].lstrip()
    return bool(rest) and not LIST_ITEM_START.match(rest)


# Where a run-on list of goals, written as one sentence with commas or semicolons ("Mål: skolan ska ha anpassat schemat
# senast v. 5, BUP ska ha en bättre bild av [BARN]:s mående"), starts its next goal: a comma or semicolon before a
# short subject and "ska"; not before a conjunction that goes on with the same goal ("..., och det ska ha fungerat
# varje gång under de fyra sista veckorna före jullovet").
# In formal prose the goals come as "att"-clauses ("Målsättningen är att [BARN] ska ..., att [BARN] ska ..., samt att
# [BARN] ska ...", "... eftersträvas att socialtjänsten ska ... och att föräldrarna ska ..."): each clause with its
# own subject and "ska" is a goal (the part starts after "att").
_SERIES_SUBJECT = r"(?:\[[A-Z_0-9]+\](?::?s)?|[^\W\d][\w.:]*)(?:\s+[^\W\d][\w.:]*)?\s+(?:ska|skall)\s+\w"
_ATT_CLAUSE_SUBJECT = r"(?:\[[A-Z_0-9]+\](?::?s)?|[^\W\d][\w.:]*)(?:\s+[^\W\d][\w.:]*)?\s+(?:har|är|blir)\s+\w"
GOAL_SERIES_BREAK = re.compile(rf"[,;]\s+(?!(?:och|men|samt|så|eller|då)\s)(?={_SERIES_SUBJECT})"
                               rf"|[,;]\s*(?:(?:och|samt)\s+)?att\s+(?={_SERIES_SUBJECT})"
                               rf"|\s(?:och|samt)\s+att\s+(?={_SERIES_SUBJECT})"
                               # a second att-clause with its own subject in the perfect or the present ("att [BARN] ska
                               # känna sig trygg och att familjehemmet har fått handledning"): a goal of its own
                               rf"|\s(?:och|samt)\s+att\s+(?={_ATT_CLAUSE_SUBJECT})")


def _goal_series(s: Segment) -> list[Segment]:
    """A goal line as its goals: split at GOAL_SERIES_BREAK when every part states a goal (`_series_goal`: a "ska"
    goal of three words or more; a list whose line breaks were lost, GUIDELINES 4), else the line itself."""
    breaks = list(GOAL_SERIES_BREAK.finditer(s.text))
    if not breaks:
        return [s]
    bounds = list(zip([0] + [m.end() for m in breaks], [m.start() for m in breaks] + [len(s.text)]))
    parts = []
    for a, b in bounds:
        piece = s.text[a:b]
        lead = len(piece) - len(piece.lstrip())
        parts.append(Segment(s.start + a + lead, s.start + b, piece.strip(), s.section))
    if not all(_series_goal(p, s, i > 0) for i, p in enumerate(parts)):
        return [s]
    return parts


def _series_goal(part: Segment, line: Segment, later: bool) -> bool:
    """A part of a goal line (`_goal_series`) that states a goal of three words or more: with "ska", or, after "och
    att", a subject of its own in the perfect or the present (_ATT_CLAUSE_SUBJECT: "... och att familjehemmet har
    fått handledning")."""
    if _word_count(part.text) < 3:
        return False
    if re.search(r"\b(?:ska|skall)\s+\w", part.text):
        return True
    return later and bool(re.match(_ATT_CLAUSE_SUBJECT, part.text)) \
        and bool(re.search(r"\s(?:och|samt)\s+att\s+$", line.text[:part.start - line.start]))


def goal_gaps(ctx: Context) -> list[Segment]:
    """The goal slots a goal section leaves empty or says have no goal yet: a need area without a goal
    (GUIDELINES 3, goals_present partial)."""
    _ = ctx.goals  # the goal scan records the gaps
    return vars(ctx).get("goal_gaps", [])


def _goal_section(section: str) -> bool:
    """A goal heading ("Mål", "Delmål", "Det här är målet med min plan"), not an activity heading that names goals
    ("Insatser för att nå målen") nor "mål" in another sense ("Målet med mötet")."""
    return bool(GOAL_HEADING.search(section) or GOAL_QUESTION.search(section) or FRAMEWORK_HEADING.match(section)
                or WANTED_TITLE.match(section)) \
        and not ACTIVITY_SECTION.search(section) and not NOT_A_GOAL.search(section)


# A heading about the meeting, the plan or its form ("Om mötet", "Om planen", "Mötet"), not a topic of the goals.
ABOUT_SECTION = re.compile(r"^(?:(?:om|kring)\s+)?(?:mötet|planen|sip\w*|mallen|dokumentet|blanketten)\b", re.I)


def _goal_subheading(section: str, prev_heading: Segment | None, under_goals: bool) -> bool:
    """Whether a heading is a topic inside the goals: it follows an empty goal heading ("Mina mål" / "Skola"), or a
    sibling topic of such a heading ("Vardag", "Familjen"); a heading that opens another part of the plan
    ("Hur vi gör", "Insatser", "Uppföljning") ends the goals."""
    if not (under_goals or prev_heading is not None and _goal_section(prev_heading.section)):
        return False
    return not (SECTION_WORD.match(section) or INTERVENTION_SECTION.search(section) or NEED_SECTION.search(section)
                or _goal_section(section) or ABOUT_SECTION.match(section))



# A list item's marker: a dash or bullet, a number or a letter ("- ", "2. ", "b) "); a list reads the same whichever
# marker the writer chose (GUIDELINES 4, block 50: layout makes nothing better or worse).
LIST_MARK = r"(?:[-–•*]|\d{1,2}[.)]|[a-z][.)](?=\s))"
# A decided outcome for the child written without the word "mål" ("[BARN] ska vara i skolan minst tre
# förmiddagar i veckan", "Jag ska laga middag själv två kvällar i veckan"): the child is the subject of "ska" and
# does something; "ska till/på ..." (an appointment), "ska få en/stöd/samtal ..." (an intervention the child
# receives) and "jag ska kalla/boka ..." (the writer's own task) are no goals.
CHILD_SHALL = folded_re(
    rf"^(?:{LIST_MARK}\s*)?(?:\[BARN\]|barnet|eleven|ungdomen|jag)\s+(?:ska|skall)\s+(?:också\s+|själv\s+)?"
    r"(?!(?:till|på|i|hem|iväg|med|inte|kanske|troligen)\b|få\s+(?:en|ett|hjälp|stöd|samtal|träffa|besök|tid|"
    r"information|insats\w*|kontakt\w*|plats|beslut)\b|(?:kalla|boka|skicka|ringa|kontakta|återkomma|höra)\b)\w+", re.I)


# The label of what the meeting decided together, in a plan compiled from the agencies' contributions ("Gemensamt: att
# [BARN] ska ...", "Gemensamt beslut:", "Beslut:", "Vi enades om:"): the frame's decision (GUIDELINES 4, block 81).
JOINT_DECISION_LABEL = re.compile(r"^\W*(?:gemensam\w*(?:\s+beslut\w*)?|beslut\w*|överenskommelse\w*|"
                                  r"vi\s+(?:kom\s+överens|enades)(?:\s+om)?)\s*:\s*(?:att\s+)?", re.I)


def _decided_statement(text: str) -> str:
    """The line without its step label and without a joint decision's label ("Gemensamt: att ...")."""
    body = _step_body(text)
    m = JOINT_DECISION_LABEL.match(body)
    return body[m.end():] if m else body


# The title of the plan's needs field ("Behov:", "Barnets behov", "Behov och önskemål"): a line there that states
# what the child shall do or reach is a goal written in the needs field (GUIDELINES 4, block 82: "ett mål i
# behovsfältet är ett mål"); the background and other need sections keep their facts about the future out.
NEEDS_FIELD_TITLE = re.compile(r"\bbehov\w*", re.I)


def _with_needs_field_goals(ctx: Context, goals: list[Segment]) -> list[Segment]:
    """The goals of the goal sections with the child's "ska" statements written in the needs field (CHILD_SHALL under
    NEEDS_FIELD_TITLE) added: content counts by what it is, not by its heading (GUIDELINES 4, block 82: "ett mål i
    behovsfältet är ett mål, en insats under 'Mål' är en insats och inget mål"). When every line under "Mål" is an
    activity (`goal_kind`) and the needs field holds goals, the activities are the plan's interventions and only the
    needs field's goals are its goals."""
    extra = [g for g in _child_statement_goals(ctx) if NEEDS_FIELD_TITLE.search(g.section)
             and not any(g.start < o.end and o.start < g.end for o in goals)]
    in_needs = [g for g in goals if NEEDS_FIELD_TITLE.search(g.section)]
    if not extra and not in_needs:
        return goals
    others = [g for g in goals if not NEEDS_FIELD_TITLE.search(g.section)]
    if others and all(_intervention_as_goal(ctx, g) for g in others):
        return sorted(in_needs + extra, key=lambda g: g.start)
    return sorted(goals + extra, key=lambda g: g.start)


def _intervention_as_goal(ctx: Context, s: Segment) -> bool:
    """A line found as a goal that is an intervention: an activity (`goal_kind`), or what a named party does, in the
    present without "ska" ("[NAMN_2] lägger in en kort paus efter lunch"), as opposed to a state it shall reach."""
    kind = goal_kind(ctx, s)
    return kind == "activity" or kind == "agency" and ctx.has_agent(s) \
        and not re.search(r"\b(?:ska|skall|bör|borde)\b", s.text, re.I)


def _child_statement_goals(ctx: Context) -> list[Segment]:
    """In a plan without goal headings or goal phrases, the sentences that state what the child shall do or
    reach (CHILD_SHALL), also as a joint decision ("Gemensamt: att [BARN] ska ..."), outside sections about the past
    or the background."""
    return [s for s in ctx.segs if not s.is_heading and CHILD_SHALL.match(_decided_statement(s.text))
            and not PAST_SECTION.search(s.section)
            and (not NEED_SECTION.search(s.section) or NEEDS_FIELD_TITLE.search(s.section))
            and not RECOMMENDATION_SECTION.search(s.section)]


# A line of a timeline that is only its time point, heading the rows below it ("v. 48", "**v. 8**", "efter jullovet",
# "v. 14 – uppföljning av planen", "oktober (gjort)"): the time, and a note after it.
TIME_HEAD_LINE = re.compile(r"^[\s*#_]*(?P<time>[^*#:()\n]{1,40}?)\s*(?P<note>(?:\([^)\n]*\)|\s[–—-]\s[^\n]*)?)[\s*#_:]*$")
# A timeline's row or time point marked as already done ("oktober (gjort)", "januari: utredning klar"): the past,
# not the plan (GUIDELINES 4, block 65: rows before the plan's date are not the plan's).
TIMELINE_DONE = re.compile(r"\b(?:gjort|gjorts|klart|avslutat|genomfört|tidigare)\b", re.I)
# A timeline row that says what the child manages by the row's time, in the present ("v. 20: [BARN] är i skolan hela
# dagar", "april: [BARN] pekar på bild för att be om vatten varje dag", "Jag äter upp mellanmålet varje skoldag"):
# an evaluable goal (GUIDELINES 4, block 65); not what the child attends or receives ("[BARN] träffar kuratorn",
# "[BARN] börjar på BUP", "[BARN] får samtal") and not the writer's own task ("jag kallar").
TIMELINE_CHILD_STATE = folded_re(
    r"^(?:\[BARN\]|barnet|eleven|ungdomen|jag|du)\s+(?:(?:också|själv|redan)\s+)?"
    r"(?!(?:träffar|besöker|börjar|startar|får|fyller|provar|testar|deltar|kallar|bokar|skickar|ringer|kontaktar|"
    r"återkommer|hör|flyttar|byter skola)\b)(?:är|har|kan|[a-zåäö]{2,}(?:ar|er|ör|år))\b", re.I)
# A timeline row that says what an agency shall have done by the row's time ("v. 38: socialtjänsten ska ha utsett en
# kontaktperson", "april: Elevhälsan ska ha en plan för mellanmålet"): a state an agency should reach, listed as a goal
# (GUIDELINES 4.1 and 4, block 65).
TIMELINE_AGENCY_STATE = re.compile(r"^(?:[\w.-]+\s+){1,3}?(?:ska|skall)\s+ha\s+\w+", re.I)
# A school holiday or term as a timeline's time point, which TIME_POINT leaves bare ("påsklovet:", "höstlovet",
# "HT 2026", "Sommarlov").
HOLIDAY_POINT = folded_re(r"^\W*(?:(?:sport|påsk|höst|jul|sommar|vinter|lov)\w*lov\w*|sommarlov\w*|jul(?:en)?|påsk(?:en)?|"
                          r"midsommar|skolstart\w*|(?-i:HT|VT)\s*\d{2,4}|(?:höst|vår)terminen(?:\s+\d{4})?)\W*$", re.I)


def _timeline_point(text: str) -> bool:
    """The text is a time point of a timeline (TIME_POINT or HOLIDAY_POINT)."""
    return bool(TIME_POINT.match(text) or HOLIDAY_POINT.match(text))


def _timeline_label_end(line: str, lo: int) -> int:
    """Where a timeline row's text starts after its time label ("v. 12: ...", "påsklovet: ..."); lo when none."""
    m = TIME_LABEL.match(line, lo)
    return m.end() if m and _timeline_point(m.group(1)) else lo


# The first column of a schedule table ("| Vecka | Vad | Vem |", "| När | Vad |", "| Månad | ... |"): its rows are
# a timeline's rows, not goals, though the table stands under a goal heading (GUIDELINES 4, block 65).
SCHEDULE_TIME_HEADER = re.compile(r"^(?:vecka|v\.?|veckor|månad|period|när|tid(?:punkt)?|datum)$", re.I)


def _schedule_header(line: str) -> bool:
    """A table's header row whose first cell is a time column (SCHEDULE_TIME_HEADER) and whose other cells are
    short titles without digits ("| Vecka | Vad | Vem | Klart |")."""
    cells = _cells(line)
    return len(cells) >= 2 and bool(SCHEDULE_TIME_HEADER.match(cells[0])) \
        and all(_word_count(c) <= 2 and not re.search(r"\d", c) for c in cells[1:])


def _schedule_tables(ctx: Context) -> list[tuple[int, int]]:
    """The (start, end) spans of the plan's schedule tables, from the header row (SCHEDULE_TIME_HEADER in its first
    cell) to the last table row after it; computed once per context."""
    def find(c: Context) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        open_at, pos = -1, 0
        for line in c.text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            row = _is_table_row(line)
            if open_at < 0 and row and _schedule_header(line):
                open_at = start
            elif open_at >= 0 and not row:
                spans.append((open_at, start))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, len(c.text)))
        return spans
    return _cached(ctx, "schedule_tables", find)


def _timeline_rows(ctx: Context) -> list[int]:
    """The offsets where the rows of a timeline start their text: after a time label on the row's line ("v. 12:
    ...", "- maj: ...") or on the lines below a line that is only a time point, up to a blank line; rows under a time
    point marked as done are left out. Empty when the plan has fewer than three time points (no timeline)."""
    rows: list[int] = []
    points, under, pos = 0, False, 0
    tables = _schedule_tables(ctx)
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if tables and _in_spans_of(tables, start):
            cells = _cells(line)
            if len(cells) >= 2 and not is_table_header(line) and not _schedule_header(line) and cells[1]:
                points += 1
                if not TIMELINE_DONE.search(" ".join(cells[:1] + cells[2:])):  # "| v. 12 | ... | klart |"
                    rows.append(start + line.index(cells[1], line.index("|") + 1 if "|" in line else 0))
            continue
        bullet = BULLET.match(line)  # not LIST_ITEM_START: "v. 7" is no lettered item
        lo = bullet.end() if bullet else len(line) - len(line.lstrip())
        head = TIME_HEAD_LINE.match(line) if len(line) <= 80 else None
        if head and _timeline_point(head.group("time")):
            points += 1
            under = not TIMELINE_DONE.search(head.group("note"))
            continue
        label_end = _timeline_label_end(line, lo) if ":" in line[:lo + 44] or " –" in line[:lo + 44] \
            or " -" in line[:lo + 44] or " —" in line[:lo + 44] else lo
        if label_end > lo:
            points += 1
            if not TIMELINE_DONE.search(line[lo:label_end]):
                rows.append(start + label_end)
            continue
        if not line.strip():
            under = False
        elif under:
            rows.append(start + lo)
    return rows if points >= 3 else []


def _timeline_goals(ctx: Context) -> list[Segment]:
    """The rows of a timeline (`_timeline_rows`) that state what the child should manage by the row's time, with
    "ska" (CHILD_SHALL) or in the present with a level or frequency (TIMELINE_CHILD_STATE), or what an agency shall
    have done (TIMELINE_AGENCY_STATE); each from the row's text to the end of its sentence (GUIDELINES 4, block 65)."""
    rows = _timeline_rows(ctx)
    if not rows:
        return []
    starts = [s.start for s in ctx.segs]
    out: list[Segment] = []
    for at in rows:
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or ctx.segs[i].end <= at or ctx.segs[i].is_heading:
            continue
        s = ctx.segs[i]
        text = s.text[at - s.start:].split("|")[0].rstrip()  # a schedule table's row: its own cell
        row = Segment(at, at + len(text), text, s.section)
        if CHILD_SHALL.match(text) or TIMELINE_CHILD_STATE.match(text) and is_measurable(text) \
                or TIMELINE_AGENCY_STATE.match(text) and _agency_subject(ctx, row, 0):
            out.append(row)
    return out


# A numbered step of the plan as a label ("Steg 1: [BARN] ska ha börjat ...", "Delsteg 2:").
STEP_LABEL = re.compile(r"^\s*(?:del)?steg\s*\d{1,2}\s*[:.)–-]\s*", re.I)


def _step_body(text: str) -> str:
    """The line without its step label ("Steg 1: ")."""
    m = STEP_LABEL.match(text)
    return text[m.end():] if m else text


# The mark of a new part at a line's start: a slide of a slide deck exported to text ("Bild 5: Mål", "— Bild 8 —",
# "Slide 6") or a Markdown heading of a page exported from a shared tool ("## Insatser fram till nästa uppf.").
SLIDE_MARK = re.compile(r"^[ \t]*(?:[—–\[-]*[ \t]*(?:bild|slide)[ \t]*\d{1,2}\b[ \t]*[—–:.\]-]*|#{1,6}(?=\s))[ \t]*",
                        re.I)  # also "[Bild 5]"


def _slide_title(ctx: Context, s: Segment) -> str | None:
    """For a line that opens a slide or a Markdown section: its title, lower-cased ("" when the mark stands alone);
    None for any other segment or when a sentence follows the mark."""
    mark = SLIDE_MARK.match(s.text)
    if not mark or not _starts_line(ctx, s):
        return None
    title = s.text[mark.end():].strip()
    sentence = title.endswith((".", "!", "?")) and not s.text.lstrip().startswith("#")  # "## ... nästa uppf."
    return title.lower() if _word_count(title) <= 8 and not sentence else None


# A speaker's notes under a slide ("Anteckningar: ...", "Talarnoteringar:"): what was said, not the slide's goals.
SPEAKER_NOTES = re.compile(r"^(?:anteckning\w*|talar\w*|noter\w*)$", re.I)
# A journal's header field for the kind of note ("Anteckningstyp: SIP") is no such notes (GUIDELINES 4, block 67: the
# journal's keywords are read as headings).
SPEAKER_NOTES_LINE = re.compile(r"^\s*(?:anteckning(?!styp)\w*|talar\w*|noter\w*)\s*:", re.I)


# A protocol's decision label ("Beslut:", "Det beslutades att", "Mötet beslutade att"): under a goal heading it
# carries the decided goals (GUIDELINES 4, block 63).
DECISION_LABEL = re.compile(r"^(?:(?:det|mötet|vi)\s+)?(?:beslut|beslutades|beslöts|beslutade|bestämdes|enades)"
                            r"(?:\s+(?:om\s+)?(?:att|följande))?$", re.I)


def _goalless_label(label: str) -> bool:
    """An inline label under a goal heading that opens something other than a goal ("Ansvarig:", "Insats:",
    "Uppföljning:", "Status:"); a life area or a party ("Skolan:", "Medicinskt:") keeps the goal section, and so does
    a protocol's decision ("Punkt 5. Mål" / "Beslut: [BARN] ska ...": what was decided under the goals)."""
    label = label.rstrip(": ")
    if DECISION_LABEL.match(label):
        return False
    return bool(SECTION_WORD.match(label) or HEADER_WORDS.match(label) or SPEAKER_NOTES.match(label))


# A short label that opens a line, also with an abbreviation in it ("Samordn.ansvarig: BUM", "Nästa uppföljn.: efter
# sommarlovet"), where the sentence split did not take it for a section.
OPENING_LABEL = re.compile(r"^\s*([^\W\d][\w.]*(?:[ /-][\w.]+){0,3})\s*:\s")


def _line_label(text: str) -> str | None:
    """The label that opens the line (OPENING_LABEL), lower-cased; None when it opens with none."""
    m = OPENING_LABEL.match(text)
    return m.group(1).lower() if m else None


def _after_blank_line(ctx: Context, s: Segment) -> bool:
    """True when the segment's line follows an empty line."""
    return ctx.text.rfind("\n", 0, s.start) > 0 and not _line_above(ctx, s.start).strip()


# A short note in brackets after a label, before its colon ("Mål (samma som rev 1):", "Mål 1 (vara i skolan):").
LABEL_NOTE = r"(?:\([^()\n]{0,40}\)\s*)?"
# A label before a goal line's words: a life area or the word "mål" ("Mammas mående: mål ej satt", "Mål: –").
GOAL_LABEL = re.compile(rf"^\s*[^\W\d][\w ]{{0,30}}{LABEL_NOTE}:\s+")


# A life area before a dash in a draft's goal line ("sömn – ?? (fyll i sen)"): the label of a goal slot.
AREA_DASH_LABEL = re.compile(r"^\s*[^\W\d][\w ]{0,30}?\s+[–—-]\s+")
# A goal line that notes there is no goal (yet) for its area ("sömnen?? – tas upp på BUP först, inget mål nu", "ville
# inte sätta mål idag", "inga nya mål"), or that goals are still to be set, as tentative plans say it ("Det vore bra
# att formulera nya mål, men ...", GUIDELINES 4, block 51).
NO_GOAL_NOTE = re.compile(r"\b(?:inget|inga|ej|inte)\s+(?:\w+\s+){0,2}?m[åa]l\b(?!\w)|"
                          r"\b(?:formulera|sätta|satte|ta fram|bestämma|skriva)\s+(?:nya\s+|några\s+|konkreta\s+|fler\s+)?m[åa]l(?:en)?\b|"
                          # talk about more goals than those written ("om vi skulle ha fler mål")
                          r"\bha\s+fler\s+m[åa]l\b|"
                          # goals to be set later, in the passive ("Mål för planen ska fastställas sedan bedömningen
                          # föreligger", "Målen sätts vid nästa möte"; GUIDELINES 4, block 72: official Swedish)
                          r"\bm[åa]l(?:en|et)?\s+(?:[\wåäö]+\s+){0,3}?(?:(?:ska|skall|kommer\s+att)\s+(?:\w+\s+)?"
                          r"(?:fastställas|sättas|formuleras|bestämmas|utarbetas|tas\s+fram)|"
                          r"(?:fastställs|sätts|formuleras|bestäms|utarbetas|tas\s+fram)\s+(?:senare|sedan|när|efter|"
                          r"vid|på|först))\b|"
                          # goals still to be set, in a clause of time ("[BARN] ska vara med när målen sätts", "innan
                          # målen formuleras"), or not set in this plan ("Mål formuleras inte i den här planen"):
                          # GUIDELINES 4, block 78: "Mål: formuleras vid nästa möte" is no goal
                          r"\b(?:när|innan|tills|då)\s+(?:\w+\s+){0,2}?m[åa]l(?:en|et)?\s+(?:ska\s+|skall\s+)?"
                          r"(?:sätts|sättas|formuleras|fastställs|fastställas|bestäms|bestämmas|tas\s+fram)\b|"
                          r"\bm[åa]l(?:en|et)?\s+(?:formuleras|sätts|fastställs|bestäms|sattes|formulerades)\s+(?:inte|ej)\b|"
                          # the old goals still apply, with nothing written out (GUIDELINES 4, block 53)
                          r"\b(?:de|dom)\s+(?:gamla|tidigare|förra)\s+(?:m[åa]len\s+)?(?:\w+\s+)?(?:gäller|kvarstår)\b",
                          re.I)


def _placeholder(body: str) -> bool:
    """A goal line that states no goal (GOAL_PLACEHOLDER), also behind a label ("Hälsa: mål ej satt")."""
    rest = GOAL_LABEL.sub("", body)
    return any(GOAL_PLACEHOLDER.match(t) for t in (body, rest, re.sub(r"^m[åa]l\w*\s+", "", rest, flags=re.I),
                                                   AREA_DASH_LABEL.sub("", body)))


# A page header or footer pasted into the text ("SIP – [BARN] – sida 2 av 2", "Sida 3 (4)").
PAGE_HEADER = re.compile(r"\bsid(?:a|an)?\s*\d+\s*(?:av|\(|/)\s*\d+", re.I)


def _starts_line(ctx: Context, s: Segment) -> bool:
    return not ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:s.start].strip()


def _next_section_number(text: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """For a numbered heading: the first number in its style and the number of the next section ("2. Mål" ->
    "1.", "3."; "§ 2" -> "§ 1", "§ 3"; "C. MÅL" -> "A.", "D.")."""
    m = re.match(r"^\s*(?:#+\s*)?(§\s*)?(\d{1,2}|[A-Z])([.)]?)", text)
    if not m or not (m.group(1) or m.group(3)):
        return None
    token = m.group(2)
    first, nxt = ("1", str(int(token) + 1)) if token.isdigit() else ("A", chr(ord(token) + 1))
    lead, tail = rf"^\s*(?:#+\s*)?{re.escape(m.group(1) or '')}", rf"{re.escape(m.group(3))}(?![\d.])"
    return re.compile(lead + first + tail), re.compile(lead + nxt + tail)


# A line that goes on from the line above: hard line breaks inside a sentence in pasted text ("1) [BARN] ska vara
# ute" / "minst en gång om dagen ...").
CONTINUATION = re.compile(r"^[ \t]*(?![a-z][.)]\s)[a-zåäö]")


def _with_continuation(ctx: Context, s: Segment) -> Segment:
    """The goal with the lines that continue its sentence after a hard line break."""
    end = s.end
    while True:
        line_end = ctx.text.find("\n", end)
        if line_end < 0 or ctx.text[end:line_end].strip() or ctx.text[end - 1] in ".!?:;":
            break
        nxt_end = ctx.text.find("\n", line_end + 1)
        nxt_end = len(ctx.text) if nxt_end < 0 else nxt_end
        nxt = ctx.text[line_end + 1:nxt_end]
        if not CONTINUATION.match(nxt) or LIST_ITEM_START.match(nxt) or "|" in nxt or "\t" in nxt.strip() \
                or _next_goal_line(ctx.text[s.start:end], nxt):
            break
        end = line_end + 1 + len(nxt.rstrip())
    return s if end == s.end else Segment(s.start, end, ctx.text[s.start:end], s.section)


# A word that leaves its sentence open at the end of a line ("... vara med när" / "klassen ska på utflykt").
OPEN_LINE_END = re.compile(r"\b(?:när|att|som|och|eller|men|om|för|till|med|i|på|av|så|då|samt|den|det|de|en|ett|"
                           r"utan|efter|under|från|mot|vid|hos)\W*$", re.I)


def _next_goal_line(goal: str, nxt: str) -> bool:
    """The next line opens a goal of its own: a goal that already has its "ska" and ends a phrase, then a line with its
    own subject and "ska" ("att [BARN] ska må bra" / "soc ska ha beslutat om ..."; goals listed one a line without
    bullets, GUIDELINES 4, block 50: a list is a list however it is laid out)."""
    return bool(re.search(r"\b(?:ska|skall)\b", goal, re.I)) and not OPEN_LINE_END.search(goal) \
        and bool(re.match(rf"\s*(?:att\s+)?{_SERIES_SUBJECT}", nxt))


_INLINE_LABEL = re.compile(r"^\s*(?:#+\s*)?[A-ZÅÄÖ][\wåäöÅÄÖ /&()–-]{1,40}?\s*:\s+\S")


# A list item's marker, with a task check-box after it in a shared page's task list ("- [ ] Boka tid @hab",
# "- [x] [NAMN_3] ringer"): the item's text starts after the box.
# A dictated list says its bullets ("punkt vägning varannan vecka", "punkt två [BARN] ska ..."); `segments` may
# take such a short line for a heading.
_SPOKEN_BULLET = rf"punkt(?:\s+{_ONE_TO_TEN})?"
SPOKEN_BULLET = re.compile(rf"^\s*{_SPOKEN_BULLET}\s")
# A symbol or emoji as the bullet ("✅ Mentor skickar ...", "➡️ ...") is a list marker too (GUIDELINES 4, block 75;
# `SYMBOL_BULLET`).
LIST_ITEM = re.compile(rf"^\s*(?:[-–•*]|\d{{1,2}}[.)]|[a-z][.)]|{_SPOKEN_BULLET}|"
                       r"[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]+[\ufe0f\u200d]*)"
                       r"\s(?:\s*\[[ xX✓✔]?\]\s)?")
# Where a responsible stands after the activity: after a dash or colon ("– [NAMN_3], fritids"), in a
# parenthesis, after "genom", after "av" that follows a passive verb ("tas fram av kuratorn"; "Översyn av fritids
# organisation" names what is done), or after "hos" before a named person ("Samtal hos [NAMN_4]"; "Besök hos
# dietist" says where, not who), or after an @ that assigns a shared page's task ("Boka tid hos logoped @hab"), or
# after a wide gap that a scanned form's columns leave ("Omprovsplan i matte     mentor [NAMN_2]"), or after the
# last arrow of a note in shorthand ("bildschema + konfliktbilder → [NAMN_2] fsk"; GUIDELINES 4, block 57).
AGENT_TAIL = re.compile(r"(?:\s[–—-]\s|:\s|\(|\s@(?=\S)|(?<=\S) {2,}(?=\S)|\bgenom\s|\b(?:hos|[a-zåäö]{2,}s\b(?:\s+\S+){0,4}?\s+av)\s)"
                        r"(?=[^–—:(]*$)|\s*→\s*(?=[^→]*$)"
                        # the responsible after a semicolon, as an action programme sets its "vem" after the "vad"
                        # ("Särskilt stöd i matematik; speciallärare [NAMN_3]", GUIDELINES 4, block 68)
                        r"|;\s+(?=[^;–—:(]*$)")
# A short last part after a comma that names the responsible ("Modersmålslärare 2 ggr/v, skolan").
COMMA_TAIL = re.compile(r",\s*(?=(?:\S+\s+){0,2}\S+\s*\.?\s*$)")
# A preposition before a name in a tail makes it a place, recipient or topic ("– stödsamtal för mamma",
# "(PECS) på förskolan"); "med" and "och" join a second responsible ("– [BARN] med [NAMN_2]").
TAIL_PREPOSITION = re.compile(r"\b(?:för|till|om|från|på|i|hos|vid|åt|inför|efter|under|mot)\b", re.I)
# A first name (or names) as who calls to the follow-up: "Kallelse skickas av Karin."
NAME_TAIL = re.compile(r"^\s*(?:[A-ZÅÄÖ][a-zåäö]+)(?:\s*(?:,|och|o|&)\s*[A-ZÅÄÖ][a-zåäö]+)*\s*"
                       r"(?:\)|[.,]|$|(?!(?:efter|under|över|inför|för|mellan)\b)[a-zåäö]{2,}(?:ar|er|r)\b)")
# First names as the responsible: alone or listed ("– Johan och Agneta"), or as the subject of a present-tense
# verb ("– Anders följer med", "Sara och Tomas skjutsar ..."), not a preposition ("Samtal efter ...").
ACT_NAME_TAIL = re.compile(r"^\s*(?:[A-ZÅÄÖ][a-zåäö]+\b)(?:\s*(?:,|och|o|&)\s*[A-ZÅÄÖ][a-zåäö]+\b)*\s*"
                           r"(?:\)|[.,;]|$|(?!(?:efter|under|över|inför|för|mellan)\b)[a-zåäö]{2,}(?:ar|er|r)\b)")
# An activity line's own label before its text ("Insats: Mentor [NAMN_3] tar upp ...").
ACTIVITY_LABEL = re.compile(r"^\s*(?:insats|aktivitet|åtgärd|vad|stöd)\w*\s*:\s+", re.I)


@cache
def _first_names() -> frozenset[str]:
    """First names that are not also ordinary words, for "Nadia tar kontakt med ..."."""
    return wordlists.first_names() - wordlists.word_names()


# Words before an agent that keep it the subject ("Skolans kurator", "Ansvarig mentor [NAMN_3]", "Vår kurator").
SUBJECT_LEAD = re.compile(r"^(?:\w+(?:s|:s)|ansvarig\w*|min|mitt|mina|din|ditt|dina|vår|vårt|våra|hens|hans|hennes|en|ny|nya|"
                          r"den|det|de)$", re.I)
# The subject receives the activity ("Pappa ska få hjälp", "Mamma och pappa får samtal på BUP").
RECIPIENT = folded_re(r"\s*(?:ska|skall|kommer att|kan)?\s*(?:få|får|erbjuds|ges)\b", re.I)
# The subject is the object of a passive verb after a modal ("Tolk ska bokas", "Kurator kan kontaktas").
MODAL_PASSIVE = re.compile(r"\s*(?:ska|skall|kan|bör|måste|behöver)\s+(?:också\s+|även\s+)?[a-zåäö]{3,}(?<!e)s\b")
# A passive verb right after a tail's agent ("tillsätts", "bokas", "görs").
PASSIVE_NEXT = re.compile(r"\s+[a-zåäö]{2,}(?:as|ts|ds|ls|rs)\b")
# Someone named before a verb of responsibility anywhere in the line ("[NAMN_5], kurator, ansvarar").
RESPONSIBLE_VERB = re.compile(r"\b(?:ansvarar|ansvarig\w*|håller i|står för|sköter)\b", re.I)
# Staff titles the role list lacks, often compounds ("klassläraren", "konsulenten", "BVC-sköterskan",
# "kontaktpolis", "fältassistenterna", "SSPF-samordnaren", "enhetschef", "barnombudet"), and the staff of a named place
# ("Personal på boendet väger ...", "Personalen följer ..."; "vi" stays vague unless the plan defines it).
STAFF_ROLE = re.compile(r"(?<![\w-])[\w-]*(?:lärar(?:e|en|na)|sköterska|sköterskan|sköterkan?|läkare|läkaren|konsulent(?:en|erna)?|"
                        r"assistent(?:en|erna)?|polis(?:en)?|ledare|ledaren|chef(?:en)?|gymnast(?:en)?|samordnare|"
                        r"samordnaren|personal|personalen|ombud(?:et|en)?)(?![\w-])"
                        # staff titles shortened in notes (GUIDELINES 4, block 57: "→ [NAMN_2] (skolsk.)", "– ssk",
                        # "Skolsk följer upp", "skolssk [NAMN_4]", "BVC-ssk lämnar info", "LSS-handl. konsulterar hab."), and the family home and the
                        # children's clinic shortened ("Fhem skjutsar", "fam.hemmet", "barnmott. ([NAMN_4]) gör")
                        # also the therapists' and teachers' titles cut short ("arbetsterap. på hab gör", "psyk. BUP")
                        r"|(?<![\w-])(?:skolsk|sjuksk|spec\.?ped|soc\.?sekr|fh-?sekr|handl|arbetsterap|fysioter|"
                        r"psyk|klassl|fam\.?beh(?:andl)?|familjebeh(?:andl)?)\.|(?<![\w-])(?:ssk|socsekr)(?![\w-])"
                        r"|(?<![\w-])skols?sk(?![\w-])|(?<=\w-)ssk(?![\w-])|(?<=\w-)handl\.|(?<![\w-])(?:fhem|fam\.hem)\w*|(?<![\w-])barnmott\b",
                        re.I)
AGENT_PLACEHOLDER = re.compile(r"\[(?!BARN\])[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
# The note's writer as the one who acts ("Undertecknad remitterar ...", "Ssk (undertecknad) tar prov"), also in a
# journal's shorthand ("Us. provar ut stövelhjälp", GUIDELINES 4, block 67: the signer is the writer).
SIGNATORY = re.compile(r"\bundertecknad\w*\b|(?<![\w.])us\.(?!\w)", re.I)
# A minute's assignment, the responsible after it ("Uppdrogs åt [NAMN_1], BUP, att ...", "Gavs i uppdrag åt
# kuratorn att ...", "Det åligger elevhälsan att ..."), or a decision whose clause names its subject ("Det beslutades
# att BUP ska ..."); also an agreement put softly ("Vi tänker att [NAMN_4] besöker förskolan", "Tanken är att skolan
# ordnar ..."): what the plan presents as agreed counts, also in soft form (GUIDELINES 4, block 51).
ASSIGNED_TO = re.compile(r"\b(?:(?:uppdr(?:ogs|as|ages)|(?:gavs|ges|lämnades) (?:i )?uppdrag(?:et)?)\s+(?:till|åt)|"
                         r"åligger|åläggs|ankommer på)\s+"
                         r"(?P<who>[^.;]{1,80}?)\s+att\b", re.I)
DECIDED_THAT = re.compile(r"\b(?:beslutades|beslöts|bestämdes|överenskoms|kom\w* överens om|"
                          r"(?:vi|man)\s+(?:tänker|tänkte|har tänkt)(?:\s+oss)?|(?:tanken|planen|förslaget)\s+är)\s+att\s+", re.I)
INTERPRETER = re.compile(r"tolk(?:en)?", re.I)
PREPOSITION_WORD = frozenset(("till", "med", "för", "om", "från", "på", "i", "hos", "vid", "av", "efter", "inför"))


def _agent_in(ctx: Context, text: str, start: int, lo: int, hi: int) -> bool:
    """An actor, role, guardian or person placeholder (not the child) between text offsets lo and hi."""
    a, b = start + lo, start + hi
    return (any(a <= x < b for x, _, _ in ctx.parties)  # also a local unit's name (GUIDELINES 4, block 85)
            or bool(AGENT_PLACEHOLDER.search(text, lo, hi)) or bool(GUARDIAN.search(text[lo:hi]))
            or bool(SIGNATORY.search(text, lo, hi)) or bool(STAFF_ROLE.search(text, lo, hi)))


def _is_first_name(token: str, ctx: Context | None = None) -> bool:
    """A capitalised first name from the name list ("Nadia", "Ulrika"), trailing punctuation ignored; a name that
    is also a word ("Lisa", "Per") when the plan capitalises it inside a sentence ("hjälper Lisa och Johan")."""
    word = token.lstrip("(").rstrip(",.:;)")
    return word[:1].isupper() and (word in _first_names() or ctx is not None and word in _names_in_sentences(ctx))


MID_SENTENCE_WORD = re.compile(r"(?<=[a-zåäö,] )[A-ZÅÄÖ][a-zåäö]+\b")


def _names_in_sentences(ctx: Context) -> frozenset[str]:
    """Names that are also words, capitalised inside a sentence somewhere in the plan (so names, there)."""
    return _cached(ctx, "_mid_sentence_names", lambda c: frozenset(
        m.group() for m in MID_SENTENCE_WORD.finditer(c.text)) & wordlists.word_names())


# A second subject coordinated with the first ("och pappa", "och [VH2]", "& BUP"), before the verb.
COORDINATED = re.compile(r"^\s*(?:och|o|&|samt)\s+(?:\[[A-ZÅÄÖ_0-9]+\]|[A-Za-zÅÄÖåäö-]+)(?=\s)")


# Verbs in -s that are active, not passive ("Kurator [NAMN_3] finns för [BARN] på tisdagar", "[NAMN_1] och
# mamma träffas varje vecka").
DEPONENT_VERBS = frozenset(("finns", "träffas", "hörs", "möts", "lyckas"))
# A place right after the subject, before a verb of receiving ("Personalen i arbetslaget får en genomgång").
SUBJECT_PLACE = re.compile(r"^\s*(?:i|på|vid)\s+[\wåäöÅÄÖ-]+(?=\s)", re.I)
# The social services' on-call service, named by the acute plans ("socialjouren har beredskap", "ringer jouren").
ON_CALL = folded_re(r"(?:social)?jour(?:en)?[.,]?", re.I)
# The family as the one who acts ("Familjen listar sig på vårdcentralen", "Familjen tar med journalen"): the
# guardians, a named party like "mamma" (GUIDELINES 3: a role or person is a responsible), not a vague "vi".
FAMILY_SUBJECT = re.compile(r"familjen", re.I)
# A fronted clause or time before the verb, the subject after it ("Om [BARN] inte kommer hem ringer mamma
# socialjouren", "om hon ringer så hämtar pappa", "I kväll följer [NAMN_3] henne hem", "Vid en ny rymning tar
# [NAMN_1] upp ..."): the verb, the subject starting after it.
INVERTED_VERB = folded_re(r"(?:,\s*(?:så\s+)?|\bså\s+|^\s*(?:i|under|till|fram till|från|efter|före|innan|inom|på|vid|"
                          r"om|när|ifall)\s(?:[^.,;]|\.(?=\s?\d)){2,60}?\s)"
                          r"(?!(?:därefter|sedan|efter|under|över|eller|enligt|mer|fler)\b)"
                          r"(?:ska|kommer att|[a-zåäö]+(?:ar|er|ör|år))\s+(?=\S)", re.I)


# A time or sequence adverb opening the clause ("Sedan", "Varje fredag", "Efter lovet"), and the verb that follows it
# in native word order ("Sedan ringer skolan"); a writer of Swedish as a second language may put the subject first
# ("Sedan skolan ska ringa mamma").
FRONTED_ADVERB = folded_re(r"\s*(?:sedan|sen|först|därefter|efter det|nu|(?:varje|varannan|nästa) \w+|efter \w+|"
                           r"i morgon|på (?:mån|tis|ons|tors|fre)dag\w*)\s+(?=\S)", re.I)
FRONTED_VERB = re.compile(r"(?:ska|skall|kommer att|[a-zåäö]+(?:ar|er|ör|år))\s+(?=\S)", re.I)


def _after_fronted_adverb(ctx: Context, s: Segment, lo: int) -> bool:
    """An agent as the subject after a fronted time or sequence adverb, before or after its verb ("Sedan ringer
    skolan mamma", "Sedan skolan ska ringa mamma", "Varje fredag mentor skickar veckobrev hem")."""
    lead = FRONTED_ADVERB.match(s.text, lo)
    if lead is None:
        return False
    verb = FRONTED_VERB.match(s.text, lead.end())
    return _subject_agent(ctx, s, verb.end() if verb else lead.end())


def _subject_agent(ctx: Context, s: Segment, lo: int) -> bool:
    """An agent as the subject of the clause that starts at lo: among its first two words ("Kuratorn träffar",
    "Mentor [NAMN_3] tar", "Skolans kurator ringer"), not a genitive alone ("fritidsgårdens grupp"), the object
    of a passive verb ("Tolk bokas") or one who receives the activity ("Pappa ska få hjälp")."""
    text = s.text
    words = [m.span() for m in re.finditer(r"\S+", text[lo:lo + 120])][:3]
    if not words or text[lo + words[0][0]:lo + words[0][1]].lower().strip("(") in PREPOSITION_WORD:
        return False
    tokens = [text[lo + x:lo + y] for x, y in words]
    if tokens[0].lower() in LIFE_AREA and len(tokens) > 1 and ATTENDANCE_AMOUNT.match(tokens[1]):
        return False  # "Förskola fem dagar i veckan": the child's attendance, no one who acts
    if INTERPRETER.fullmatch(tokens[0]) and len(tokens) > 1 and tokens[1].lower() in PREPOSITION_WORD:
        return False  # "Tolk vid alla besök": the interpreter is what is provided, not who provides it
    agents = [_agent_in(ctx, text, s.start, lo + x, lo + y) or _is_first_name(t, ctx) or bool(ON_CALL.fullmatch(t))
              or bool(FAMILY_SUBJECT.fullmatch(t)) for (x, y), t in zip(words[:2], tokens)]
    # a person placeholder third after a genitive and a title ("fotbollsklubbens tränare [NAMN_4] hjälper")
    titled = len(tokens) == 3 and not any(agents) and re.search(r"(?:s|:s)$", tokens[0]) is not None \
        and AGENT_PLACEHOLDER.fullmatch(tokens[2].rstrip(",.")) is not None
    # the second word is the subject after a title or genitive ("Klasslärare [NAMN_4]", "Skolans kurator"), not
    # after a noun it complements ("Återbesök barnkliniken")
    if not titled and not agents[0] and not (len(agents) > 1 and agents[1] and (
            SUBJECT_LEAD.match(tokens[0]) or AGENT_PLACEHOLDER.match(tokens[1]) or _is_first_name(tokens[1], ctx))):
        return False
    last = 2 if titled else 0 if not (len(agents) > 1 and agents[1]) else 1
    if last == 0 and re.search(r"(?:ens|ets|:s)$", tokens[0], re.I):
        return False
    after = text[lo + words[last + 1][0]:lo + words[last + 1][1]] if last + 1 < len(words) else ""
    rest = COORDINATED.sub("", text[lo + words[last][1]:], count=1)  # "Mamma och pappa ska få ...": both receive
    passive = re.fullmatch(r"[a-zåäö]{3,}s[.,]?", after) and after.rstrip(".,") not in DEPONENT_VERBS
    return not passive and not RECIPIENT.match(SUBJECT_PLACE.sub("", rest, count=1)) and not MODAL_PASSIVE.match(rest)


# A paragraph of a law after its name ("LSS 9 § 7", "SoL 4 kap. 1 §", "LVU §"), not an agency.
LAW_PARAGRAPH = re.compile(r"\s*(?:\d+\s*(?:kap\.?\s*)?)?(?:\d+\s*)?§")
# A tail that only guesses at its doer ("..., ev. via fritidsledare", "– kanske kuratorn"): a proposal the text leaves
# open names nobody (GUIDELINES 4, block 51: "kanske, det ska undersökas" is no agreed responsible).
TENTATIVE_TAIL = folded_re(r"^\s*(?:ev\.?|eventuellt|kanske|möjligen|möjligtvis|troligen)\s", re.I)


def _tail_names_agent(ctx: Context, s: Segment, m: re.Match[str], end: int) -> bool:
    """The part after a tail marker m (dash, colon, parenthesis, comma, "genom", passive "av", "hos") opens with
    the responsible: among its first three words, with no place or topic preposition before it."""
    text = s.text
    head = re.match(r"\s*\S+(?:\s+\S+){0,2}", text[m.end():end])
    if not head:
        return False
    tail = text[m.end():end]
    if "?" in head.group() or TENTATIVE_TAIL.match(tail):
        return False  # "→ ? bup", "– BUP?": a guess only the writer could settle names nobody (GUIDELINES 4, block 57)
    if re.search(r"\bhos\s$", m.group()):  # "hos" names a person, not a place
        return bool(AGENT_PLACEHOLDER.search(head.group()) or any(map(_is_first_name, head.group().split())))
    for w in re.finditer(r"\S+", head.group()):
        if TAIL_PREPOSITION.fullmatch(w.group()) or m.group().startswith(",") and w.group().lower() in ("med", "m", "m."):
            return False  # after a comma, "med" too: "..., kontakt med barnkliniken", shortened "..., kolla m rektor"
        if _agent_in(ctx, text, s.start, m.end() + w.start(), m.end() + w.end()) or _is_first_name(w.group(), ctx) \
                or _agency_staff(w.group() + " "):  # "– LSS-handläggaren fattar beslut"
            if LAW_PARAGRAPH.match(tail, w.end()):
                return False  # "(LSS 9 § 7)": the law the intervention is granted under
            return not PASSIVE_NEXT.match(tail, w.end())  # "..., ny studiehandledare tillsätts": the object
    name = ACT_NAME_TAIL.match(tail)
    if name and m.group() == "(" and not _is_first_name(tail.split()[0].rstrip(",)"), ctx):
        # a capitalised word in brackets that is no first name is the method's or group's own name ("Samtalsgrupp
        # (Trappan)", "föräldrakursen (Komet) startar"), not who carries it out (GUIDELINES 3: a verksamhet, role or
        # person is the responsible)
        return False
    return bool(name or re.match(r"\s*(?:jag|mamma|pappa)\b", tail, re.I))


# The dash between an activity and its responsible ("Bildstöd – [NAMN_3] tar fram bilderna").
DASH_MARK = re.compile(r"\s[–—-]\s")


def _names_agent(ctx: Context, s: Segment) -> bool:
    """True when an activity line names who carries it out in an agent position, not just mentions an actor
    ("Påminnelse till BUP om remissen" names nobody; "Bedömning – [NAMN_5], BUP" and "BUP gör ..." do)."""
    text = s.text
    field = RESPONSIBLE_FIELD.search(text)
    if field and not (ctx.codes and initials.unexplained_only(text[field.end() - 1:], ctx.explained_codes)):
        return True  # "Ansv: BUP", not initials the plan does not explain ("Ansv: JH", GUIDELINES 4, block 89)
    body = _list_item(text) or re.match(r"^\s*\d{1,2}\.\d{1,2}\.?\s", text)  # also "7.1 Samtal ..."
    lo = body.end() if body else 0
    label = ACTIVITY_LABEL.match(text, lo)
    iso = None if label else ISO_DATE_LABEL.match(text, lo)  # "2025-06-03: ...": a timeline's date, no responsible
    lo = label.end() if label else iso.end() if iso else _time_label_end(text, lo)
    if ACT_NAME_TAIL.match(text[lo:]) and re.match(r"\s*[A-ZÅÄÖ][a-zåäö]+\s+(?:och|o|&)\s", text[lo:]):
        return True  # "Sara och Tomas skjutsar ..."
    for m in ASSIGNED_TO.finditer(text, lo):  # "Uppdrogs åt [NAMN_1], BUP, att ..."
        if _agent_in(ctx, text, s.start, m.start("who"), m.end("who")) or _is_first_name(m.group("who").split()[0], ctx):
            return True
    for m in DECIDED_THAT.finditer(text, lo):  # "Det beslutades att BUP ska ..."
        if _subject_agent(ctx, s, m.end()):
            return True
    for first, end in _sentences(text):
        # the subject of each sentence ("Samtal varje vecka. [NAMN_1] på BUP ansvarar.")
        if _subject_agent(ctx, s, max(first, lo)) or _after_fronted_adverb(ctx, s, max(first, lo)):
            return True
        at = max(first, lo)
        if any(_subject_agent(ctx, s, at + m.end()) for m in INVERTED_VERB.finditer(text[at:end])):
            return True  # "Om [BARN] inte är tillbaka kl. 21 ringer personalen ..."
        clause = text[:end]
        for m in list(AGENT_TAIL.finditer(clause, lo)) + list(COMMA_TAIL.finditer(clause, first)):
            tail = clause[m.end():]
            if len(tail.split()) <= 8 and _tail_names_agent(ctx, s, m, end):
                return True
            if DASH_MARK.fullmatch(m.group()) and _subject_agent(ctx, s, m.end()):
                return True  # a longer clause after the dash with its doer as subject ("– [NAMN_3] tar fram bilderna, ...")
        verb = RESPONSIBLE_VERB.search(text, first, end)
        if verb and _agent_in(ctx, text, s.start, max(first, verb.start() - 60), verb.start()):
            return True  # "[NAMN_5] och mamma och pappa ansvarar", "[NAMN_4], kurator elevhälsan, ansvarar"
    # a sentence naming an actor before an action verb ("[NAMN_1] på soc ringer hem")
    verb = ACTIVITY_VERB.search(text)
    return bool(verb and not body and _agent_in(ctx, text, s.start, lo, verb.start())
                and not MODAL_PASSIVE.match(text, verb.start()) and not RECIPIENT.match(text, verb.start()))


# A sentence end inside a line, not after an abbreviation ("ev. remiss", "el. BUP", "t.ex. Anna").
SENTENCE_END = re.compile(r"(?<!\b[a-zåäö])(?<!\b[a-zåäö]{2})(?<!\b[a-zåäö]{3})[.!?](?=\s+[A-ZÅÄÖ\[])")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a line: the responsible may end the first one ("Samtal – [NAMN_1], BUP.
    Tiden flyttas till tisdagar.")."""
    ends = [m.start() + 1 for m in SENTENCE_END.finditer(text)] + [len(text)]
    return list(zip([0] + ends[:-1], ends))


# A dash between the cells of a table written with dashes, also before an empty last cell ("Samtal – – ").
DASH_GAP = re.compile(r"(?<=\s)[–—-](?=\s|$)")
# A row of such a table that only states the child's goal, its other cells empty ("[BARN] ska få växa – –").
CHILD_GOAL_ROW = re.compile(rf"^\s*{CHILD}\s+ska\b", re.I)
# Table header cells: the intervention column, and columns that give its context rather than who does it.
ACTIVITY_HEADER_CELL = folded_re(r"^(?:insats\w*|aktivitet\w*|åtgärd\w*|vad|vad görs|vad ska göras|stöd\w*|action\w*|"
                                 r"workstream\w*|item|"
                                 r"(?:vad|det) som (?:ska |behöver )?(?:hända|händer|göras)|vad (?:ska |behöver )?hända)$",
                                 re.I)
# Columns that give an action's context: its goal, area or status, and in a strengths-and-worries table what
# works and what worries ("Det som är bra | Det vi oroar oss för | Det som behöver hända").
CONTEXT_HEADER_CELL = folded_re(r"^(?:(?:del)?mål\w*|målsättning|önskat läge|område\w*|behov\w*|status|"
                                r"resultat|kommentar\w*|hur (?:har det )?gått|det som (?:är bra|fungerar|går bra)|det vi \w+|"
                                r"oro\w*|styrk\w*|target\w*|kpi\w*|risk\w*|sannolikhet|konsekvens)\b", re.I)
STATUS_HEADER_CELL = re.compile(r"^(?:status|resultat|hur (?:har det )?gått|genomför\w*)\b", re.I)
# A line that lists the interventions after its own label ("9. Insatser: studiegång – [NAMN_2]; vila – Lena").
# In a dictated plan the colon is spoken ("insatser kolon tolk till alla möten punkt hörselundersökning punkt ..."),
# and a spoken heading ends with a full stop too ("Rubrik insatser. [NAMN_4] tar emot ...").
INLINE_ACTIVITIES = folded_re(r"^\s*(?:\d{1,2}[.)]\s*|•\s*)?(?:(?P<spoken>rubrik)\s+)?(?:överenskomna |planerade )?"
                              r"(?:insats|aktivitet|åtgärd)\w*(?:\s+\d{1,2}|(?:\s+[a-zåäö]+){0,3})"
                              r"(?:\s*:|\s+kolon|(?(spoken)(?:\s*\.|\s+punkt)|(?!)))\s*(?=\S)", re.I)
# Dictation commands left in a transcribed plan: a spoken full stop between statements, and a spoken paragraph
# break that ends the list ("... punkt bedömningssamtal på bupp ... punkt nytt stycke samtycke finns").
SPOKEN_STOP = re.compile(r"\s+punkt\b[.,]?(?:\s+nytt stycke\b)?\s*", re.I)
SPOKEN_PARAGRAPH = re.compile(r"\bnytt stycke\b", re.I)
# An item that states no intervention: empty, only a remark in parentheses, or saying none is needed ("-",
# "– (tas upp nästa gång)", "ridklubben, ingen kontakt behövs", "Logoped: ej aktuellt").
NO_INTERVENTION = folded_re(r"^[\s–—-]*(?:\([^)]*\))?[\s.–—-]*$|^[^.;]{0,60}\b(?:(?:ingen|inget|inga)\s+(?:\w+\s+)?"
                            r"(?:behövs|behövdes|planeras|är aktuell\w*)|(?:ej|inte) aktuell\w*)[\s.]*$", re.I)
# A bare "none" as a section's answer ("3. Åtgärder av andra" / "Inga."): no intervention.
NONE_ANSWER = re.compile(r"^\W*(?:inga|inget|ingen|ingenting)\W*$", re.I)
# A document's heading fields, as a clinic's or a form's letterhead gives them ("Patient: [BARN], 9 år", "Remittent:
# barnmottagningen", "Ansvarig behandlare: [NAMN_1]", "Samordnad individuell plan – sammanställning ..."): no
# intervention, also where a party's heading stands above them; nor is a template's page header ("Dokument-id: ...
# Ägare: ...", "Sekretess enligt OSL ...", "Utskriven: ...") or a rule line ("─────").
DOCUMENT_FIELD = folded_re(r"^\W*(?:(?:patient|remittent|remiss från|(?:ansvarig\s+)?behandlare|personnummer|pnr|"
                           r"födelsedatum|journal\w*|diagnos\w*|mötesdatum|upprättad av|skriven av|"
                           r"dokument(?:typ|-?id|namn|nummer)?|utskriven|utskrivet|diarienummer|dnr)\s*:|"
                           r"samordnad individuell plan\b|sekretess\b|handlingen (?:omfattas|innehåller)\b)|^[\W_]*$", re.I)
# A note's document title with its writer ("Journalanteckning, psykolog", "Tjänsteanteckning – kurator [NAMN_1]"): the
# heading of the note, no intervention.
DOCUMENT_TITLE = folded_re(r"^\W*(?:journal|tjänste|minnes|besöks)?anteckning(?:ar)?\s*(?:,|\s[–—-])\s*[^.:;]{1,50}$", re.I)
# A draft's item taken back further on its line ("nattvak – nej vänta, det tas inte upp nu", "– nej, inte aktuellt
# nu. ta bort"): the correction replaces it (GUIDELINES 4).
RETRACTED_ITEM = folded_re(r"\s[–—-]\s*nej\b|\bnej,?\s+vänta\b|\bta bort\W*$|\bstryk(?:s|er)?\W*$", re.I)
# What the line itself says lies outside the plan ("Ekonomiskt bistånd beviljat, ingår ej i SIP", "hänvisas till
# familjerätten, utanför SIP:en"): no intervention of the plan (GUIDELINES 4, block 61: what belongs elsewhere is not
# the plan's intervention).
OUTSIDE_PLAN = folded_re(r"\b(?:ingår|ligger|hanteras|handläggs)\s+(?:ej|inte)\s+i\s+(?:den här |denna )?(?:sip\S*|planen)|"
                         r"\butanför\s+(?:sip\S*|planen)", re.I)
# A note to self or a chore about the meeting and its papers, not an intervention for the child ("kolla med
# [NAMN_5] om ... nästa gång", "skicka ut anteckningarna", "Protokollet skickas till deltagarna", "boka rum",
# "teckningen!!").
MEETING_CHORE = folded_re(r"^\W*kolla\b[^.\n]*\bnästa (?:gång|möte)|^\W*(?:skicka|maila|mejla)\s+(?:ut\s+)?(?:\S+\s+){0,2}?(?:anteckning\w*|"
                          r"protokoll\w*|denna|planen|plan\b|minnesanteckning\w*|kallelse\w*)|"
                          r"^\W*(?:protokoll\w*|anteckning\w*|minnesanteckning\w*)\s+(?:skickas|mailas|mejlas|delas)|"
                          r"^\W*boka\s+(?:rum|lokal)\b|^\W*(?:\w+\s+){0,2}\w+\s*!!\s*$", re.I)
# A template's instruction left in place, a line wholly in brackets ("(Exempel: Skolan ansvarar för …)", "(Ange datum
# och vem som kallar)", "(Målen ska utgå från barnets behov)", "(Vad är svårt just nu?)"): no content of the plan.
TEMPLATE_INSTRUCTION = folded_re(
    r"^[ \t]*\((?:[^()\n]|\([^()\n]*\))*?(?:\b(?:exempel|t\.\s?ex|till exempel|ange|beskriv|skriv|formulera|fyll i|"
    r"fylls i|gå igenom|hänvisa|lista|notera|anteckna|används|redogör|uppge|lämna|kryssa|stryk|"
    r"här (?:beskrivs|anges|skrivs)|"
    r"(?:del)?mål(?:en)? ska)\b|\?)(?:[^()\n]|\([^()\n]*\))*\)[ \t]*$", re.I | re.M)
# An item of a comma series of interventions, commas inside parentheses kept ("samtal ([NAMN_1], BUP)").
INLINE_ITEM = re.compile(r"(?:[^,(]|\([^)]*\))+")
# An item that gives its responsible in parentheses at its end ("rastvakt ([NAMN_1])").
PAREN_RESPONSIBLE_ITEM = re.compile(r"\([^)]*\)\s*$")


def _comma_series(text: str) -> bool:
    """The interventions after an "Insatser:" label are a comma series whose items give their responsible in
    parentheses ("rastvakt ([NAMN_1]), samtal ([NAMN_2]), kontakt med familjerna"); without semicolons or dashes,
    which would separate the items and their responsible instead."""
    if ";" in text or re.search(r"\s[–—-]\s", text):
        return False
    items = [m.group().strip(" .") for m in INLINE_ITEM.finditer(text)]
    return len(items) >= 2 and any(PAREN_RESPONSIBLE_ITEM.search(i) for i in items)


def _semicolon_items(s: Segment, row: bool) -> bool:
    """A line of three or more interventions of some words each (no "start v. 39" detail), separated by
    semicolons under an intervention heading, no table's row ("Insatser:" / "[NAMN_2] har samtal med [BARN];
    EHT tar upp ärendet; IFO gör förhandsbedömningen"), as a plan typed into one field writes them."""
    return not row and s.text.count(";") >= 2 and s.text.count("|") < 2 and "\t" not in s.text \
        and bool(INTERVENTION_SECTION.search(s.section)) \
        and all(len(item.split()) >= 4 for item in s.text.split(";") if item.strip())


def _inline_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of the interventions listed after an "Insatser:" label: separated by semicolons, else a comma
    series (`_comma_series`), else one a sentence; a short sentence that only names the responsible ("[NAMN_1]
    ansvarar.") belongs to the one before."""
    if ";" in text:
        return [m.span() for m in re.finditer(r"[^;]+", text)]
    if SPOKEN_STOP.search(text):
        return _spoken_items(text)
    if _comma_series(text):
        return [m.span() for m in INLINE_ITEM.finditer(text)]
    items: list[tuple[int, int]] = []
    for a, b in _sentences(text):
        if items and len(text[a:b].split()) <= 6 and RESPONSIBLE_VERB.search(text, a, b):
            items[-1] = (items[-1][0], b)
        else:
            items.append((a, b))
    return items


def _inline_activities_start(text: str) -> int | None:
    """Where the interventions listed after an "Insatser:" label start: at the line's start, or in a dictated plan
    after a spoken paragraph break inside the line ("... punkt nytt stycke insatser kolon [NAMN_1] soc gör ...")."""
    m = INLINE_ACTIVITIES.match(text)
    if m:
        return m.end()
    for p in SPOKEN_PARAGRAPH.finditer(text):
        m = INLINE_ACTIVITIES.match(text[p.end():])
        if m:
            return p.end() + m.end()
    return None


def _spoken_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of the items of a dictated list, separated by a spoken "punkt", up to the spoken paragraph
    break that ends it ("tolk till alla möten punkt hörselundersökning punkt nytt stycke")."""
    stop = SPOKEN_PARAGRAPH.search(text)
    end = stop.start() if stop else len(text)
    items, start = [], 0
    for m in SPOKEN_STOP.finditer(text, 0, end):
        items.append((start, m.start()))
        start = m.end()
    items.append((start, end))
    return [(a, b) for a, b in items if text[a:b].strip()]


# A deep outline's marker before a sub-level line ("› ", "o ", "▪ ", "- ", "1.1.2 ", "a) "): a responsible party on
# the sub-level under an intervention belongs to it (GUIDELINES 4, block 80: "en ansvarig eller ett datum på en
# undernivå gäller den insats eller det mål den står under").
OUTLINE_LEVEL_MARK = r"(?:[-–•*›»▪▫◦o]|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-z][.)])\s+"
# A form field that gives the responsible of the intervention on the line before, also on a sub-level marked as one
# ("Insats 1: Samtal" then "Ansvarig: [NAMN_1], BUP"; "5.1.1 Observation i klassrummet" then "› Ansvarig: [NAMN_1]").
OUTLINE_MARK_LEAD = re.compile(rf"^\s*{OUTLINE_LEVEL_MARK}")
RESPONSIBLE_LINE = folded_re(rf"^\s*(?:{OUTLINE_LEVEL_MARK})?(?:ansvarig\w*(?: (?:verksamhet|person|huvudman|enhet))?|ansvar|ansv\.?|vem|utförare|utförs av|"
                             r"ägare|owner)"
                             r"\s*:\s*(.*)$", re.I)
# An intervention of a form printed from a SIP system, a heading of its own followed by its fields ("Insats 1" /
# "Beskrivning: ..." / "Ansvarig verksamhet: ..." / "Status: Pågående").
FORM_ITEM_HEADING = folded_re(r"^\s*(?:insats|aktivitet|åtgärd)\s*(?:nr\.?\s*)?\d{1,2}\s*:?\s*$", re.I)
# A field of such a form ("Startdatum: -"), and the fields that describe the intervention itself.
FORM_FIELD = re.compile(r"^\s*([A-ZÅÄÖa-zåäö][\wåäöÅÄÖ /()-]{1,40}?)\s*:\s*(.*)$")
FORM_DESCRIPTION = folded_re(r"^(?:beskrivning\w*|insats|aktivitet|åtgärd|vad(?: ska göras| görs)?|innehåll|"
                             r"typ av insats|stöd)$", re.I)
FORM_STATUS = folded_re(r"^(?:status|läge)$", re.I)
STATUS_DONE = folded_re(r"\b(?:avslutad|avslutat|klar|klart|genomförd|genomfört|avbruten|avbrutet|stryks|struken)\b",
                        re.I)
# A numbered line that is only a section's title ("4. Uppdrag.", "3) Insatser").
SECTION_TITLE = folded_re(rf"\s*(?:{_ACTIVITY_WORDS})\s*[.:]?\s*", re.I)
# A line labelled as something other than an intervention ("- Nuläge: Familjen behöver ...", "Mål: ...").
OTHER_LABEL = folded_re(r"^\s*(?:nuläge|behov\w*|(?:del)?mål\w*|bakgrund|bedömning|barnets \w+|synpunkt\w*|"
                        r"vårdnadshavar\w*|föräldrar\w*)\s*:", re.I)
# A section of a plan organised by party, whose heading names who does what is listed under it ("Skolans del",
# "BVC gör", "Det här gör socialtjänsten", "Vårdnadshavarna ansvarar för", "EHT/skolsköterska", "[BARN] själv"):
# the heading's frame words around the party.
AGENCY_HEADING_LEAD = folded_re(r"^(?:det här|detta|så här|här är vad|vad)\s+(?:gör|ska)\s+", re.I)
AGENCY_HEADING_TAIL = folded_re(r"(?:s\s+del(?:ar)?|\s+(?:gör|ska göra|ska|ansvarar för|tar ansvar för|har ansvar för|"
                                r"åtar sig|bidrar med|själv(?:a)?|insatser|uppdrag))$", re.I)
# The heading of one party's own contribution in a plan compiled from them ("Bidrag från skolan", "Från BUP",
# "Socialtjänstens bidrag ([NAMN_1])", "——— Från habiliteringen ———"; GUIDELINES 4, block 81: "varje bidrag räknas";
# "vi" and "jag" in it are its writer): the party, with the decoration and a note in brackets on who wrote it taken off.
CONTRIBUTION_HEADING = folded_re(r"[\W_]*(?:(?:bidrag|inlägg|underlag|rapport|svar)\s+)?från\s+(?P<party>[^()]+?)"
                                 r"(?:\s*\([^()]*\))?[\W_]*|[\W_]*(?P<party2>[^()]+?)s\s+(?:bidrag|inlägg|underlag)"
                                 r"(?:\s*\([^()]*\))?[\W_]*", re.I)
# A party in such a heading: a verksamhet, a role, a guardian, the family or the child ("mina föräldrar").
AGENCY_PARTY = folded_re(r"(?:(?:min|mina|våra|vår|\[barn\]s)\s+)?(?:vårdnadshavar(?:e|en|na)|föräldr(?:ar|arna)|"
                         r"mamma|pappa|familjen|\[barn\]|\[[a-zåäö]+\d*\])", re.I)
# Bare headings that name a life area rather than the school as a party ("Skola", "Förskola", "Skola och fritid").
LIFE_AREA = frozenset(("skola", "förskola"))
# How much of a life area the child attends ("Förskola fem dagar i veckan", "Skola 3 dgr/v", "Förskola heltid").
ATTENDANCE_AMOUNT = re.compile(rf"^(?:\d+|{_ONE_TO_TEN}|heltid|deltid|halvtid|varje|alla|hela)$", re.I)
AGENCY_JOIN = re.compile(r"\s*(?:/|&|\+|\boch\b|\bsamt\b)\s*", re.I)
# A glossary in a plan written for the child ("Ord som kan vara svåra", "Ordlista"): its "Insats: något som ..."
# explains a word, it states no intervention.
GLOSSARY_HEADING = folded_re(r"^\W*(?:\d{1,2}[.)]\s*)?(?:ord som|ordlista|ordförklaring\w*|svåra ord|begrepp\w*|förklaring\w* av ord)\b", re.I)
# Who an agency section leaves undecided ("vem som håller i dem är inte klart", "ansvarig saknas").
RESPONSIBLE_UNDECIDED = folded_re(r"\b(?:vem som \w+(?: \w+){0,3} (?:är|blir) (?:inte|ej) (?:klart|bestämt)|oklart vem|"
                                  r"ingen ansvarig|ansvarig (?:saknas|ej (?:utsedd|klar))|(?:inte|ej) bestämt vem|(?:inte|ej) fördela[dt]|"
                                  r"ofördela[dt])\b",
                                  re.I)


# A note in brackets at a heading's end ("Skolans del ([NAMN_2], mentor)").
HEADING_NOTE = re.compile(r"\s*\([^()]*\)$")


@lru_cache(maxsize=1024)
def agency_heading(text: str) -> bool:
    """A heading that names the party doing what its section lists ("Skolans del", "BVC gör", "SOCIALTJÄNSTEN",
    "Det här gör familjen", "EHT/skolsköterska"): only parties, joined, inside the frame words."""
    heading = text.strip().strip("#*").strip().rstrip(":").strip().lower()
    contribution = CONTRIBUTION_HEADING.fullmatch(heading)
    if not contribution:  # "Socialtjänstens del ([NAMN_1])": a note in brackets on who wrote it, as in a
        heading = HEADING_NOTE.sub("", heading)  # contribution's heading (GUIDELINES 4, block 81)
    if contribution:  # "Bidrag från skolan ([NAMN_2], mentor)", "——— Från BUP ———": the contribution's writer
        heading = (contribution.group("party") or contribution.group("party2")).strip()
    body = AGENCY_HEADING_TAIL.sub("", AGENCY_HEADING_LEAD.sub("", heading))
    parts = [body] if _party(body) else [p for p in AGENCY_JOIN.split(body) if p]  # "barn- och ungdomsmedicin"
    if body == heading and ("," in body or not any(map(normalise_actor, parts)) or LIFE_AREA.intersection(parts)):
        return False  # a bare heading names a verksamhet; "[VH1], mamma" is a participant; "Skola" a life area
    return bool(parts) and all(map(_party, parts))


def _party(text: str) -> bool:
    """The whole text is one party: a verksamhet, a role or one of AGENCY_PARTY."""
    roles = find_roles(text)
    return bool(normalise_actor(text) or roles and roles[0][:2] == (0, len(text)) or AGENCY_PARTY.fullmatch(text))


_MONTH = dates.MONTH_NAME
_TIME_WORD = r"(?:vecka|veckor|v\.|lov\w*|jul\w*|påsk\w*|sommar\w*|höst\w*|vår\w*|termin\w*|möte\w*|uppföljning\w*|" \
             r"månad\w*|dag\w*|skolstart\w*|\d)"
# A time point that heads a timeline's part or labels its line ("Vecka 10", "v. 37–38", "Mars–april",
# "Den här veckan", "Före jullovet", "Inom två veckor", "Till nästa möte", "Tisdag 4/3 kl 13.00"): what stands
# under it belongs to the section around the timeline.
TIME_POINT = folded_re(rf"^\W*(?:(?:vecka|v\.?)\s*\d{{1,2}}(?:\s*[–/-]\s*\d{{1,2}})?|{_MONTH}(?:\s*[–/-]\s*{_MONTH})?|"
                       rf"(?:denna|den här|nästa|kommande) (?:vecka|månad|termin)\w*|(?:direkt|genast|nu|i dag|idag)\b.{{0,20}}|"
                       rf"(?:före|innan|efter|inom|till|under|senast|fram till|i början av|i slutet av)\s.{{0,25}}?{_TIME_WORD}.{{0,15}}|"
                       rf"(?:mån|tis|ons|tors|fre)dag.{{0,25}}|\d{{1,2}}(?:/\d{{1,2}}| {_MONTH}).{{0,15}}|"
                       rf"(?:hösten|våren|sommaren|vintern)(?: \d{{2,4}})?)\W*$", re.I)
# The present as a heading after a past section ("Tidigare kontakter" / "Idag"): the plan itself, not the past's
# timeline (GUIDELINES 4, block 61).
PRESENT_POINT = folded_re(r"^\W*(?:i dag|idag|nu|just nu|nuläge\w*)\W*$", re.I)
TIME_LABEL = re.compile(r"\s*([^:–—]{1,40}?)\s*(?::|\s[–—-])\s+(?=\S)")


def _time_label_end(text: str, lo: int) -> int:
    """Where a line's action starts after a time point that labels it ("Mars: samtal ...", "V. 5 – [NAMN_1] gör
    ..."); lo when there is none."""
    m = TIME_LABEL.match(text, lo)
    return m.end() if m and TIME_POINT.match(m.group(1)) else lo


# A top-level section number at the start of a line ("8. Uppföljning ...", not "8.1 Samtal").
LINE_NUMBER = re.compile(r"^\s*(?:#+\s*)?(?:(?i:del|punkt|avsnitt)\s+)?(\d{1,2})[.)](?!\d)\s*")
# The plan's follow-up or next meeting, which is no intervention ("8. Vi ses igen 28/11", "Nästa möte: [NAMN_1]
# kallar", "Uppföljning till hösten").
FOLLOW_UP_LINE = folded_re(r"^\s*(?:uppf(?:ölj|ölning|\.)\w*|(?:nästa|ny) (?:sip-?)?(?:möte|träff|uppföljning|uppf\b\.?)\w*|"
                            r"vi (?:ses|hörs|träffas)|ses igen|ny sip|nästa(?=\s*(?::|$)))\b", re.I)
# Discussion, wishes and views, reported in prose: no decided intervention ("Flera förslag diskuterades",
# "Pappa tycker att ...", "Jag vill ...").
# Talk at the meeting, not a decided intervention ("Det diskuterades om ...", "Vi gick igenom vem som tar vad.").
DISCUSSED = re.compile(r"\b(?:förslag\w*|diskuter\w*|togs upp|hanns inte|kunde göras|skulle kunna|gick igenom|"
                       r"(?:pratade|talade)(?: (?:länge|mycket|en del|också|även))? om|gick laget runt)\b", re.I)
NOT_DECIDED = re.compile(rf"{DISCUSSED.pattern}|\b(?:tycker|tyckte|vill|ville|önskar|önskade|rädd|orolig\w*|undrar|undrade|frågar|frågade|"
                         r"säger|sa|svarar|svarade|berättar|berättade|menar|nämndes|anfördes|framhölls|framkom|noterades|konstaterades|"
                         r"betonades|påpekades|"
                         # a report's recommendations that nobody has agreed to ("Undertecknad rekommenderar att ...")
                         r"rekommenderar|rekommenderas|rekommenderade|föreslår|föreslås|förordar|förordas)\b", re.I)
# A bulleted line outside any intervention section is an intervention when someone named does something: a
# present-tense or future verb ("- [NAMN_3] kallar till bedömning"), not a participant list ("- Mamma och pappa").
BULLET = re.compile(r"^\s*[-–•*]\s")
# A list item outside any section: bulleted or lettered ("- [NAMN_3] kallar till bedömning", "a) [NAMN_3] kallar
# ..."), the same item whichever marker (GUIDELINES 4, block 50); numbered lines there are often the plan's own points.
LOOSE_ITEM = re.compile(r"^\s*(?:[-–•*]|[a-z][.)])\s")
# A short finite verb PRESENT_VERB leaves out ("har", "är", "gör").
FINITE_VERB = re.compile(r"\b(?:har|är|blir|gör|går|får|ser|tar|var|fick|kan|vill|måste|bör)\b", re.I)
PRESENT_VERB = re.compile(r"\b(?:ska|skall|kommer att|[a-zåäö]{2,}(?:ar|er|ör|år))\b")


# A decision that lists what each one does in "att" clauses ("Det överenskoms att [NAMN_3] erbjuder samtal, att
# [NAMN_1] genomför ett hembesök, samt att vi ...").
DECISION_LEAD = folded_re(r"\b(?:beslutades|beslöts|bestämdes|överenskoms|kom\w* överens om|enades\b[^.]{0,40}?\bom)"
                          r"\s+att\s+", re.I)
# A finite verb that makes a sentence a statement of its own: present or future ("besöker", "gör", "ska"), or a
# passive ("erbjuds", "tas fram"; not a genitive in -ns/-ts: "barnets", "skolans").
STATEMENT_VERB = re.compile(rf"{PRESENT_VERB.pattern}|\b(?:gör|går|får|ser|tar|har|är|blir|finns|fanns|känns)\b|"
                            r"\b[a-zåäö]{2,}(?<![nt])s\b")
SUB_ITEM = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.?\s")  # "5.1 Föräldrautbildning ..."
NEGATED = re.compile(r"\b(?:inte|ej|aldrig|ingen)\b", re.I)  # "Man kom inte fram till vem som gör vad"
CLAUSE_JOIN = re.compile(r",?\s+(?:samt|och)\s+att\s+|,\s+att\s+", re.I)


def _clauses(ctx: Context, s: Segment) -> list[tuple[Segment, bool]]:
    """The statements of a prose paragraph (one line, several sentences) as (segment, decided): its sentences,
    a sentence without a verb kept with the next one ("Samtal varje vecka. [NAMN_1] ansvarar."), and the "att"
    clauses of a decision, each of them decided."""
    label = _INLINE_LABEL.match(s.text)
    lo = s.start + (s.text.index(":") + 1 if label else 0)
    # also the rest of a sentence the line's label opens ("§ 4 Insatser: Skolan utreder ...")
    sentences = [x for x in ctx.segs if x.end <= s.end and x.end > lo]
    groups: list[list[int]] = []  # [start, end] of each statement: a sentence with a verb and those without
    for x in sentences:
        if STATEMENT_VERB.search(x.text) or not groups:
            groups.append([max(x.start, lo), x.end])
        else:
            groups[-1][1] = x.end  # "7.1 Utprovning – hörselvården, Emir. Tid den 7 juni."
    if len(groups) > 1 and not STATEMENT_VERB.search(ctx.text[groups[0][0]:groups[0][1]]):
        first = groups.pop(0)
        groups[0][0] = first[0]  # "Samtal varje vecka. [NAMN_1] på BUP ansvarar."
    out: list[tuple[Segment, bool]] = []
    for a, end in groups:
        text = ctx.text[a:end].strip()
        a += len(ctx.text[a:end]) - len(ctx.text[a:end].lstrip())
        lead = DECISION_LEAD.search(text)
        cuts = [m for m in CLAUSE_JOIN.finditer(text, lead.end())] if lead else _main_clause_cuts(ctx, a, text)
        bounds = [0] + [m.end() for m in cuts]
        ends = [m.start() for m in cuts] + [len(text)]
        for b, e in zip(bounds, ends):
            out.append((Segment(a + b, a + e, text[b:e], s.section), bool(lead)))
    return out


# A comma, or a comma and "och", before another main clause of the same sentence ("[NAMN_1] skickar utredningen,
# vi ser över platsen, LSS bjuds in nästa gång"), and such a clause's subject and finite or passive verb at its start.
MAIN_CLAUSE_COMMA = re.compile(r",\s+(?:och\s+)?")
MAIN_CLAUSE_START = re.compile(r"(?P<subject>(?:\S+\s+){1,3}?)(?:[a-zåäö]{2,}(?:ar|er|ör|år)|gör|tar|ser|får|"
                               r"(?P<passive>[a-zåäö]{2,}(?<![nt])s))\b")
CHILD_SUBJECT = re.compile(r"^(?:\[BARN\]|barnet|hen|han|hon|jag|eleven)\b", re.I)


def _main_clause_cuts(ctx: Context, a: int, text: str) -> list[re.Match[str]]:
    """The commas in a sentence that join main clauses with a subject of their own, each one an action ("[NAMN_1]
    skickar utredningen till skolan, vi ser över om det finns plats, LSS bjuds in nästa gång"): the sentence holds
    that many interventions, each with its own responsible or none (GUIDELINES 3, responsibility_per_action: each
    intervention names who does it). A clause counts when its subject is "vi", "man" or a named party,
    not the child ("..., [BARN] får gå in bakvägen" belongs to the action before it) nor a passive ("..., första tid
    skickas hem" is the action's detail)."""
    if ", " not in text or not _acting_clause(ctx, a, text):
        return []  # the sentence opens with an action of its own
    return [m for m in MAIN_CLAUSE_COMMA.finditer(text) if _acting_clause(ctx, a + m.end(), text[m.end():])]


def _acting_clause(ctx: Context, a: int, text: str) -> bool:
    """The clause text (at offset a) opens with "vi", "man" or a named party as the subject of a present-tense
    verb ("BUP tar ställning ...", "vi ser över ..."); not the child, not a passive."""
    clause = MAIN_CLAUSE_START.match(text)
    return clause is not None and not clause.group("passive") and not CHILD_SUBJECT.match(text) \
        and (re.match(r"(?:vi|man)\s", text, re.I) is not None
             or _subject_agent(ctx, Segment(a, a + len(text), text, ""), 0))


def _tab_cells(text: str) -> list[str]:
    """The cells of a line aligned with tabs, a run of tabs being one gap ("Stödsamtal\t\t\t[NAMN_1], EHT")."""
    return [c.strip() for c in re.split(r"\t+", text.strip())]


def _tab_header(text: str) -> bool:
    """A tab-aligned header of an intervention list with a responsible column ("4. Insatser\t\t\tAnsv:")."""
    cells = [c.strip(" *").rstrip(":").lower() for c in _tab_cells(text)]
    return len(cells) >= 2 and any(RESPONSIBLE_HEADER.match(c) for c in cells) and any(
        ACTIVITY_HEADER_CELL.match(c) for c in cells) and all(
        RESPONSIBLE_HEADER.match(c) or ACTIVITY_HEADER_CELL.match(c) or HEADER_WORDS.match(c) for c in cells)


def _sheet_cells(text: str) -> list[str] | None:
    """The cells of a row of a spreadsheet exported with semicolons, quoted cells kept whole ("1;Skola;\"a; b\";;");
    None for a line with fewer than two semicolons, or one that is a table of tabs or pipes."""
    if text.count(";") < 2 or "\t" in text or text.count("|") >= 2:
        return None
    return [c.strip() for c in next(csv.reader([text], delimiter=";"))]


def _activity_sheet_header(cells: list[str]) -> bool:
    """A spreadsheet's header over its interventions: column titles only, one of them for the intervention and one
    for who carries it out ("Mål;Insats;Vem;Status", "Nr;Vad;Text;Ansv.;När", "Mål\tInsats\tAnsvarig\tKlart senast")."""
    titles = [c.strip(" *.:").lower() for c in cells if c.strip()]
    return len(titles) >= 2 and all(_column_title(c) for c in titles) \
        and any(RESPONSIBLE_HEADER.match(c) or SHEET_RESPONSIBLE.match(c) for c in titles) \
        and any(ACTIVITY_HEADER_CELL.match(c) for c in titles)


def _row_kind(cell: str) -> str | None:
    """The kind a spreadsheet's "Vad" cell gives its row ("Insats", "Mål", "Samordn.ansv.", "Uppf."): "activity",
    "other", or None where the cell states an intervention itself."""
    label = cell.strip(" *:").lower()
    if len(label.split()) > 2:
        return None
    if SECTION_TITLE.fullmatch(label):
        return "activity"
    return "other" if SECTION_WORD.match(label) or GOAL_HEADER_CELL.match(label) or ROW_FIELD.match(label) else None


# An owner not yet given, in a project plan's words ("TBD", "TBA", "ej tilldelad"): nobody named.
UNASSIGNED_CELL = re.compile(r"^\W*(?:tbd|tba|n/?a|ej tilldela\w*|inte tilldela\w*|ingen ägare)\W*$", re.I)


# A table header whose first column numbers the rows ("# | Action | Ägare | Deadline"), no Markdown heading.
NUMBER_COLUMN_HEADER = re.compile(r"^\s*#\s*\|")


def _open_row_cells(text: str, n_columns: int) -> list[str]:
    """The cells of a row in a table written without outer pipes ("Mål | Vad | Vem | När"), where a pipe at the
    row's start or end stands for an empty first or last cell (" | samtal med [BARN] | | varannan vecka": no
    goal, no one named); the row's cells as `_cells` reads them where that does not give the header's columns."""
    cells = [c.strip() for c in text.split("|")]
    return cells if len(cells) == n_columns else _cells(text)


def _two_column_row(text: str, header: list[str]) -> bool:
    """A line of a two-column table written without outer pipes ("Insats | Ansvarig" / "Sömnbedömning | BUP"): its
    header, or a row under such a header."""
    return text.count("|") == 1 and (len(header) == 2 or is_table_header(text))


# A table's column of the needs or the life area a row is about ("Behov", "Nuläge", "BBIC-område"): no intervention.
NEED_HEADER_CELL = folded_re(r"^(?:behov\w*|nuläge\w*|bbic-?område\w*|område\w*|livsområde\w*)$", re.I)
# A responsible cell that points to the row above ("se ovan", "dito", "som ovan").
SEE_ABOVE_CELL = folded_re(r"^\W*(?:se ovan|som ovan|samma som ovan|dito|d:o|\")\W*$", re.I)


# A responsible cell in administrative Swedish that points at an agency without saying which ("vederbörande",
# "vederbörande verksamhet", "berörd verksamhet", "respektive huvudman"): GUIDELINES 4, block 72: '"vederbörande"
# eller "berörd verksamhet" utan att det framgår vem är ingen namngiven ansvarig'.
UNNAMED_AGENCY_CELL = folded_re(r"^\W*(?:vederbörande|(?:vederbörande|berörd|berörda|berört|respektive)\s+(?:verksamhet|verksamheter|verksamheten|huvudman|huvudmän|"
                                r"huvudmannen|enhet|enheter|enheten|aktör|aktörer|myndighet|myndigheter|instans|instanser|"
                                r"part|parter))\W*$", re.I)


def _who_in_cell(ctx: Context, cell: str, we_defined: bool) -> str:
    """Who a "Vem"/"Ansvarig" cell names: "agent", "we" (an undefined "vi", "alla") or "missing"; a spreadsheet's
    error value or formula ("#REF!", "=SUMMA(...)"), an owner not yet given ("TBD"), an agency left unnamed
    ("vederbörande verksamhet", UNNAMED_AGENCY_CELL) and initials the plan does not explain ("JH/RR", GUIDELINES 4,
    block 89) name nobody."""
    if EMPTY_CELL.match(cell) or SHEET_ERROR.match(cell) or UNASSIGNED_CELL.match(cell) \
            or UNNAMED_AGENCY_CELL.match(cell) or ctx.codes and initials.unexplained_only(cell, ctx.explained_codes):
        return "missing"
    return "we" if (WE_CELL.match(cell) or WE_CLAUSE_CELL.match(cell)) and not we_defined else "agent"


# "vi" as the subject of a present-tense verb inside the line ("Hämtning: vi lämnar bara ut [BARN] till mamma",
# "så säger vi att ..."): the doer is "vi" (GUIDELINES 3: partial, unless the plan defines its "vi").
WE_ACTS = re.compile(r"\bvi\s+(?:inte\s+|också\s+|även\s+)?(?:ska|[a-zåäö]{2,}(?:ar|er|ör|år))\b"
                     r"|\b[a-zåäö]{2,}(?:ar|er|ör|år)\s+vi\b", re.I)
# "Jag" as the subject of an activity ("- Jag tränar promenaden med [BARN] varje helg").
FIRST_PERSON_SUBJECT = re.compile(r"^\W*(?:(?:\d{1,2}|[a-z])[.)]\s*)?jag\s+", re.I)


def _writer_acts(ctx: Context, s: Segment) -> bool:
    """The activity's subject is "jag" in a plan that says who writes it ("Skriven av [VH1], mamma", "jag som
    kurator"): a named person, not a vague "vi" (GUIDELINES 3), unless "jag" only receives ("Jag ska få ...")."""
    first = FIRST_PERSON_SUBJECT.match(s.text)
    return bool(first) and not RECIPIENT.match(s.text, first.end() - 1) and writer_named(ctx)


# The child in its own plan meeting someone ("Jag träffar [NAMN_1] varje tisdag", "Jag pratar med kuratorn"): the
# one met carries the activity out.
CHILD_MEETS = re.compile(r"^\W*(?:(?:\d{1,2}|[a-z])[.)]\s*)?jag\s+(?:ska\s+)?(?:träffa|träffar|pratar\s+med|prata\s+med|"
                         r"har\s+samtal\s+med|går\s+till|gå\s+till)\s+", re.I)


def _child_meets_agent(ctx: Context, s: Segment) -> bool:
    """"Jag träffar [NAMN_1]": the person or role the child meets is named right after the verb (GUIDELINES 3: a
    role or person is a responsible)."""
    m = CHILD_MEETS.match(s.text)
    return bool(m) and _subject_agent(ctx, s, m.end())


def _who_in_line(ctx: Context, s: Segment, we_defined: bool) -> str:
    """Who an activity line outside a table's "Vem" column names, by agent position (see `_names_agent`)."""
    if (_names_agent(ctx, s) or _writer_acts(ctx, s) or _child_meets_agent(ctx, s)) \
            and not WE_CELL.match(re.split(r"\s[–—-]\s|:\s", s.text)[-1].strip(" .")):
        return "agent"
    if WE.search(s.text) or (entry_at := _entry_time_end(s.text)) and WE.match(s.text[entry_at:]) \
            or re.search(r"(?:\s[–—-]\s|\bansvarig\s*:\s*)(?:vi|man|alla)\b", s.text, re.I):
        return "agent" if we_defined or _we_at_agency(ctx, s) else "we"
    return "missing"


# "vi" placed by the words after it ("Vi i familjehemmet förbereder ...", "vi på BUP bokar", "vi (soc) ordnar").
WE_AT = re.compile(r"\bvi\s+(?:(?:i|på|från|inom)\s+|\(\s*)", re.I)


def _we_at_agency(ctx: Context, s: Segment) -> bool:
    """The line's "vi" is defined where it stands by a verksamhet or role right after it ("Vi i familjehemmet
    förbereder [BARN]", "vi på BUP bokar"): a "vi" the text defines is a named responsible (GUIDELINES 4.1)."""
    m = WE_AT.search(s.text)
    return bool(m) and _agent_in(ctx, s.text, s.start, m.end(), min(len(s.text), m.end() + 20))


# A cell that names a hospital's or an authority's unit the actor list lacks ("ortopedtekniska avdelningen", "klinisk
# neurofysiologi", "Maria Ungdom-mottagningen"): a verksamhet that carries out the row (GUIDELINES 3).
UNIT_CELL = folded_re(r"^\W*(?:(?:[\wåäöÅÄÖ-]+\s+){0,2}[\wåäöÅÄÖ-]*(?:avdelning|mottagning|klinik|enhet|sektion)(?:en|et)?|"
                      r"klinisk\s+[a-zåäö]{4,})\b", re.I)


def _who_in_row(ctx: Context, s: Segment, header: list[str]) -> str:
    """Who a table row without a "Vem" column names: in its intervention cell in an agent position, or as the
    opening of another cell that is not its goal, area or status ("| Läkarbesök | BUM | v. 16 |"). Without a
    header, any agent in the row."""
    if not header:
        return "agent" if ctx.has_agent(s) or any(UNIT_CELL.match(c) for c in _cells(s.text)[1:]) else "missing"
    for i, (a, b) in enumerate(_cell_spans(s.text)):
        if i >= len(header) or CONTEXT_HEADER_CELL.match(header[i]) or a == b:
            continue
        cell = _row_cell(ctx, s, a, b)
        if _names_agent(ctx, cell) if ACTIVITY_HEADER_CELL.match(header[i]) \
                else _subject_agent(ctx, cell, 0) or UNIT_CELL.match(cell.text):
            return "agent"
    return "missing"


def _statement_who(ctx: Context, s: Segment, we_defined: bool, agency: bool) -> str:
    """Who an intervention stated in a line or sentence names (see `_who_in_line`); in a party's own section the
    heading names the responsible unless the line says it is undecided."""
    if RESPONSIBLE_UNDECIDED.search(s.text):
        return "missing"
    who = _who_in_line(ctx, s, we_defined)
    if agency and who == "missing":
        return "agent"  # "Skolans del: - extra anpassningar"
    if who == "missing" and WE_ACTS.search(s.text):
        return "agent" if we_defined or _we_at_agency(ctx, s) else "we"
    return who


# The line under a Markdown table's header ("|---|:---:|").
TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")


def _above_separator(text: str, end: int) -> bool:
    """The line ending at end is a Markdown table's header: the next line is its separator."""
    start = text.find("\n", end) + 1
    if not start:
        return False
    stop = text.find("\n", start)
    return bool(TABLE_SEPARATOR.match(text[start:stop if stop >= 0 else len(text)]))


def _form_field(ctx: Context, s: Segment, field: re.Match[str], candidates: list[tuple[Segment, str]],
                act: int | None, we_defined: bool) -> int | None:
    """Take one field of a form's intervention ("Beskrivning: ...", "Ansvarig verksamhet: BUP", "Status: ...")
    into `candidates`; returns the index of the intervention's description there, if any. An "Ansvarig" field
    decides who carries it out; a done status ("Avslutad") drops it."""
    label, value = field.group(1).strip().lower(), field.group(2).strip()
    if FORM_DESCRIPTION.match(label) and act is None and not EMPTY_CELL.match(value):
        item = Segment(s.start + field.start(2), s.end, value, "insats")
        candidates.append((item, _who_in_line(ctx, item, we_defined)))
        return len(candidates) - 1
    if act is None:
        return None
    responsible = RESPONSIBLE_LINE.match(s.text)
    if responsible and candidates[act][1] != "agent":
        candidates[act] = (candidates[act][0], _who_in_cell(ctx, responsible.group(1).strip(" ."), we_defined))
    elif FORM_STATUS.match(label) and STATUS_DONE.search(value) and not _search_ci(STATUS_ONGOING, value):
        del candidates[act]
        return None
    return act


def _party_or_glossary_title(text: str) -> bool:
    """A short line, no sentence and no field with a value, that heads a party's section ("Skolans del", "BVC
    gör") or a glossary ("Ordlista"), also where `segments` took it for no heading."""
    return len(text.split()) <= 7 and not re.search(r"[.!?]\s*$|:\s*\S", text) \
        and bool(agency_heading(text) or GLOSSARY_HEADING.match(text))


def _paragraph_statements(ctx: Context, pieces: list[tuple[Segment, bool]], in_section: bool, agency: bool,
                          we_defined: bool) -> tuple[list[tuple[Segment, str]], list[tuple[Segment, str]]]:
    """(stated, prose): the interventions among a prose paragraph's statements (`_clauses`) as (statement, who).
    In an intervention or party section every statement not merely discussed is one (`stated`); elsewhere only
    a decided or acting statement whose doer is named or is "vi"/"man" (`prose`, used where the plan lists
    none)."""
    stated: list[tuple[Segment, str]] = []
    prose: list[tuple[Segment, str]] = []
    for c, decided in pieces:
        if _follow_up_statement(c) or _about_the_plan(c.text):
            continue
        if in_section and not DISCUSSED.search(c.text) \
                and not (NEGATED.search(c.text) and law_point_at(ctx, c.start) == 2
                         and not _search_ci(RESPONSIBLE_UNDECIDED, c.text)):
            stated.append((c, _statement_who(ctx, c, we_defined, agency)))
        elif not in_section and (decided or ACTIVITY_VERB.search(c.text) or _prose_party_action(ctx, c, we_defined)) \
                and not NOT_DECIDED.search(c.text) and not NEGATED.search(c.text):
            who = _statement_who(ctx, c, we_defined, False)
            # in prose an intervention shows by who does it: someone named, or "vi" as its subject
            if who == "agent" or who == "we" and re.match(r"\s*(?:vi|man)\s", c.text, re.I):
                prose.append((c, who))
    return stated, prose


def _definition_in_paragraph(ctx: Context, s: Segment) -> bool:
    """The plan's definition of "vi" stands in a prose paragraph of several sentences, not on a line of its own
    ("... Vi (= elevhälsan, [NAMN_1] och [NAMN_2]) tar hand om följande: ... BUP ([NAMN_3]) fortsätter KBT-samtal."):
    the paragraph's other statements are read as statements (GUIDELINES 4.1: a defined "vi" names a responsible;
    the definition does not make its paragraph no intervention)."""
    return not _listed(s.text) and sum(1 for x in ctx.segs if s.start <= x.start and x.end <= s.end) > 2


def _prose_party_action(ctx: Context, c: Segment, we_defined: bool) -> bool:
    """A prose sentence whose subject is a named party doing something in the present tense ("[NAMN_3]
    (barnmott.) utbildar personalen v. 37.", "BUP ([NAMN_3]) fortsätter KBT-samtal varannan vecka."), whatever
    the verb: read by its subject and finite verb (`_goal_line_action`, `_subject_agent`), not by a list of
    action verbs (GUIDELINES 3, responsibility_per_action: an intervention with an agency, role or person)."""
    m = GOAL_LINE_ACTION_VERB.match(c.text)
    if m is None or ":" in m.group(0) or re.search(r"[\"”«»]", c.text) \
            or NON_ACTION_VERB.fullmatch(m.group(0).split()[-1]) or GUARDIAN_SUBJECT.search(m.group(0)) \
            or MEETING_PART.search(c.text):
        return False  # a speaker's turn ("[NAMN_3]: Då börjar jag."), a quotation, a state ("Familjen behöver stöd"),
        # the family's own doings told ("[VH1] följer med", "mamma hämtar") or a part in the meeting itself
    return _goal_line_action(ctx, c, we_defined) and _subject_agent(ctx, c, len(c.text) - len(c.text.lstrip()))


# Someone's post or part in the meeting itself, no intervention for the child ("[NAMN_2] arbetar som kurator", "[NAMN_1]
# leder mötet", "[NAMN_1] antecknar", "Kuratorn samlar in synpunkter inför mötet").
MEETING_PART = folded_re(r"\b(?:arbetar|jobbar)\s+som\b|\b(?:leder|håller i|öppnar|avslutar)\s+(?:dagens\s+)?(?:mötet|samtalet)\b|"
                         r"\bantecknar\b|\bför anteckningar\w*\b|\binför (?:dagens\s+)?mötet\b", re.I)
# Present-tense verbs that tell of a state, a need or a coming, not something a party does for the child ("Familjen
# behöver stöd", "Förskolans vikariesituation påverkar", "Skolan går bra", "Mormor kommer och ...").
NON_ACTION_VERB = folded_re(r"(?:behöver|påverkar|fungerar|mår|verkar|känns|märker|ser|går|kommer|börjar|brukar|"
                            r"hamnar|ligger|stämmer|gäller|räcker|passar|hänger|står|sitter|bor|heter|tillhör|"
                            r"förstår|minns|tror|vet|märks|saknar|väntar|avvaktar)", re.I)


# A line that only refers to another document ("Uppdrag: enligt vårdplan.", "Se vårdplanen från soc, daterad ...").
REFERENCE_ONLY = folded_re(r"^\s*(?:[^:]{1,40}:\s*)?(?:se|enligt)\s[^.]{0,60}\.?\s*$", re.I)


def _about_the_plan(text: str) -> bool:
    """A statement about the plan itself, no intervention: who holds it ("BUP och soc ska hjälpas åt att hålla
    ihop min plan") or the consent to it ("Mamma har sagt ja till att vi delar information med BVC")."""
    return bool(_has_cue(text, OVERALL_CUES) and _search_ci(OVERALL, text) or _search_ci(CONSENT, text) or _search_ci(CONSENT_ACT, text))


def _follow_up_statement(s: Segment) -> bool:
    """Who calls to the follow-up ("[NAMN_1] kallar till nästa möte"): the follow-up, no intervention."""
    return bool(_has_cue(s.text, FU_CONVENER_CUES) and _search_ci(FU_CONVENER, s.text)
                and _mentions_follow_up(s.text + " " + s.section))


# A slide marker of a deck exported to text, with the slide's title after it or on the next line ("--- Bild 3 ---",
# "Bild 4", "Slide 10: Samordningsansvarig").
SLIDE_SECTION = re.compile(r"^[\s\W]*(?:bild|slide)\s+\d{1,2}\b[\s\W]*?(?:[:–—-]\s*(?P<title>[^\W\d_].*?))?[\s–—-]*$",
                          re.I)
# A meeting's agenda, no interventions ("Dagordning", "Så här gör vi idag").
AGENDA_SECTION = folded_re(r"\b(?:dagordning\w*|agenda|mötets gång|(?:gör vi|händer) (?:i dag|idag))\b", re.I)
# A Markdown heading of a page exported from a collaboration tool, whatever its text ("## Insatser fram till nästa
# uppf.", "### [BARN]s del").
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+(\S.{0,80}?)\s*$")
# A line that is all one bold title, a note in brackets after it allowed ("**Insatser**", "**Datum att känna till**
# (ej uppf.)"); "**Samtycke:** finns" is a field, no heading.
BOLD_HEADING = re.compile(r"^\s*\*\*([^*:\n]{1,60}?)\*\*\s*(?:\([^()\n]*\))?\s*$")
# A section that lists dates to know, not interventions ("Datum att känna till", "Övriga datum", "Viktiga datum").
DATES_SECTION = folded_re(r"\b(?:\w*datum|kalender|hålltider)\b", re.I)
# A table column of how to reach each party ("| Verksamhet | Kontakt |"): a contact list, no interventions.
CONTACT_HEADER_CELL = folded_re(r"^(?:kontakt\w*|telefon\w*|tfn|e-?post|mejl)$", re.I)


# The columns of a meeting's agenda with its notes ("| Punkt | Ant. |", "| Dagordningspunkt | Anteckningar |").
AGENDA_HEADER_CELL = folded_re(r"^(?:punkt|dagordning\w*|nr)$", re.I)
NOTES_HEADER_CELL = folded_re(r"^(?:ant\.?|anteckning\w*|noteringar|minnesanteckningar|kommentar\w*)$", re.I)


def _opens_interventions(heading: str) -> bool:
    """A slide's or Markdown heading's title that opens interventions, not goals ("Insatser fram till nästa uppf.")."""
    return bool(INTERVENTION_SECTION.search(heading)) and not _goal_section(heading)


# A heading that names its items' columns, in brackets or after slashes ("Insatser (Vad – Vem – När):", "Insats / vem /
# när"; at least three, as "Insatser / ansvar" is a heading's two topics), and the separator between its column titles.
HEADING_COLUMNS = re.compile(r"^\W*(?:[^()\n]{1,30}\(([^()\n]{5,40})\)|([^()\n]{5,40}))\W*$")
COLUMN_SEPARATOR = re.compile(r"\s*/\s*|\s[–—-]\s")


def _heading_columns(text: str) -> list[str]:
    """The column titles of a heading that sets out its dashed items as a table ("Insatser (Vad – Vem – När):" /
    "- Samtal – kurator [NAMN_1] – 1 ggr/v"): its "Vem" column names each item's responsible, as a table's "Ansvarig"
    column does (GUIDELINES 4, block 55); [] where the heading names no intervention and responsible columns."""
    m = HEADING_COLUMNS.match(text)
    if m is None:
        return []
    cells = [c.strip(" .:") for c in COLUMN_SEPARATOR.split(m.group(1) or m.group(2))]
    titles = [c.lower() for c in cells]
    if len(cells) < 3 or not all(HEADER_WORDS.match(c) for c in titles) \
            or not any(RESPONSIBLE_HEADER.match(c) for c in titles) or not any(ACTIVITY_HEADER_CELL.match(c) for c in titles):
        return []
    return cells


# A writer's addendum label on a line of its own ("Tillägg av [NAMN_1], kurator:", "Tillägg från socialtjänsten:").
ADDENDUM_LABEL = folded_re(r"^\W*tillägg\s+(?:av|från)\s+[^:\n]{1,60}:\s*$", re.I)


EMPTY_LINE = re.compile(r"\n[ \t]*\n")


# A line that puts the interventions themselves off to a later meeting ("Vi tar upp insatserna nästa gång",
# "Åtgärderna bestäms vid nästa möte"): no intervention (GUIDELINES 4, block 51: "ett förslag som texten själv lämnar
# öppet ('tas upp nästa gång') är ingen insats").
INTERVENTIONS_PUT_OFF = folded_re(r"\b(?:insatser|insatserna|åtgärder|åtgärderna|aktiviteter|aktiviteterna)\b[^.;]{0,30}?"
                                  r"\b(?:tar|tas|ta|bestäms|beslutas|bestämmer|planeras|diskuteras)\b[^.;]{0,20}?"
                                  r"\b(?:nästa (?:gång|möte|mötet|tillfälle)|senare|vid nästa)\b|"
                                  r"\b(?:tar|tas|ta|bestämmer)\s+(?:vi\s+|man\s+)?(?:upp\s+)?(?:insatserna|åtgärderna)\b"
                                  r"[^.;]{0,20}?\b(?:nästa (?:gång|möte|mötet|tillfälle)|senare|vid nästa)\b", re.IGNORECASE)


# A line that only reports what someone said in the meeting, in a minutes' or a record's style ("[NAMN_3] bekräftar att
# mamma kommer på alla tider", "[NAMN_2] berättar om hur dagarna ser ut", "Hon har också sagt att hon vill ..."): an
# account, no intervention that anyone carries out (GUIDELINES 3: an intervention says who does what; what a party
# tells is no action of it). Its subject, one to four words, right before a verb of saying and "att", "om", a colon
# or a quotation ("berättar för [BARN]" is no report); or a person's own words quoted after a label ("Till [NAMN_2]
# förra veckan: "Jag vill ...""), someone's voice.
ACCOUNT_LINE = folded_re(r"^[\W\d]*(?:(?:[^\s.:;|]+\s+){1,4}?(?:har\s+(?:också\s+|även\s+)?)?"
                         r"(?:berättar|berättade|berättat|bekräftar|bekräftade|bekräftat|säger|sa|sade|sagt|"
                         r"uppger|uppgav|uppgett|redogör|redogjorde|redogjort|beskriver|beskrev|beskrivit|"
                         r"påpekar|påpekade|menar|menade|tycker|tyckte)\s+(?:också\s+|även\s+)?"
                         r"(?:att\b|om\b|:|[\"”»“])|[^:\"”»“|\n]{1,80}:\s*[\"”»“]\s*jag\b)", re.I)


# The label cell of a two-column form's row that is no intervention: who took part, the consent, the coordination,
# the child, the situation, the goal, the follow-up ("| Deltagare | [VH1], [NAMN_1] kurator |", "| Samordn.ansv |
# BVC, [NAMN_1] |", "| Nästa möte | Efter sommarlovet. BUP kallar. |"): a field of the plan, not an intervention of
# the party its value names (GUIDELINES 4, block 77: a form's field is read with its label).
FORM_ROW_LABEL = folded_re(r"^(?:deltagare|deltog|närvarande|närv\.?|sammankallande|samordn[\w.]*|"
                           r"samtyck\w*|samtyke|barnet|läget(?:\s+nu)?|nuläge\w*|hur har det gått[\w\s]*|"
                           r"nästa\s+(?:sip-?)?möte|uppf(?:\.|ölj\w*)?|datum|övrigt|personal och organisation|"
                           r"(?:del)?mål)\W*$", re.I)


def _form_field_row(text: str) -> bool:
    """A table row whose first cell is a form's label that is no intervention (`FORM_ROW_LABEL`) and whose value
    stands right beside it, any other cell empty (a merged cell; not a wider table's row with its intervention
    column filled)."""
    if not _is_table_row(text):
        return False
    cells = _cells(text)
    return bool(cells) and bool(FORM_ROW_LABEL.match(cells[0])) and not any(cells[2:])


def _activity_lines(ctx: Context) -> list[tuple[Segment, str]]:
    """(line, who) for each line that states an intervention, computed once per context (read-only); a line that only
    reports what someone said (`ACCOUNT_LINE`) is none, outside a table's row."""
    return _cached(ctx, "activity_lines", lambda c: [
        (s, "agent" if who == "we" and _in_contribution(c, s.start) else who)
        for s, who in _outline_levels(_with_actions_under_goals(c, _find_activity_lines(c)))
        if not _negated_item(s.text) and not INTERVENTIONS_PUT_OFF.search(s.text) and not sibling_segment(c, s)
        and not (ACCOUNT_LINE.match(s.text) and not _is_table_row(s.text)) and not _form_field_row(s.text)])


def _with_actions_under_goals(ctx: Context, lines: list[tuple[Segment, str]]) -> list[tuple[Segment, str]]:
    """The intervention lines with those under the goals of a deep outline (`_actions_under_goals`), in text order."""
    extra = [(g, who) for g, who in _actions_under_goals(ctx) if not any(s.start == g.start for s, _ in lines)]
    return sorted(lines + extra, key=lambda item: item[0].start) if extra else lines


def _line_indent(ctx: Context, pos: int) -> int:
    """The indentation of the line that holds pos (`_line_depth`)."""
    start = ctx.text.rfind("\n", 0, pos) + 1
    return _line_depth(ctx.text[start:pos + 1])[0]


def _actions_under_goals(ctx: Context) -> list[tuple[Segment, str]]:
    """The lines set out as "what – who" on a sub-level right under a goal in a deep outline ("3.1 [BARN] följer
    bildschemat ... till jullovet" / "› Bildschema vid hallen – skolan, [NAMN_2]"): the goal's interventions with
    their responsible (GUIDELINES 4, block 80: "ett mål på en nivå och insatserna under det hör ihop"), whether or
    not the goal list took them in. Reads the lines right under each goal's line, while they stand deeper."""
    out: list[tuple[Segment, str]] = []
    goal_starts = [g.start for g in ctx.goals]
    if not goal_starts:
        return out
    lines = ctx.lines
    for i, line in enumerate(lines):
        if not any(line.start <= s < line.end for s in goal_starts):
            continue
        depth = _line_indent(ctx, line.start)
        above = line
        for below in lines[i + 1:]:
            if ctx.text.count("\n", above.end, below.start) != 1 or _line_indent(ctx, below.start) <= depth:
                break
            parts = DASH_GAP.split(below.text)
            if len(parts) == 2 and OUTLINE_MARK_LEAD.match(below.text):
                who = Segment(below.end - len(parts[1]), below.end, parts[1], below.section)
                if ctx.has_agent(who):
                    out.append((below, "agent"))
            above = below
    return out


CONTRIBUTION_LOOKBACK = 40  # lines read back for the title of the contribution a line stands in


def _in_contribution(ctx: Context, pos: int) -> bool:
    """The position lies in one party's own contribution to a compiled plan: the nearest title above it (a short
    line, no sentence, no list item or field) is a contribution's heading naming the party ("Från korttids
    (personalgruppen)", "Bidrag från skolan"); "vi" and "jag" there are its writer, a named party (GUIDELINES 4,
    block 81: ""vi" och "jag" i ett bidrag är den som skrev bidraget när det framgår")."""
    starts = _cached(ctx, "_line_starts", lambda c: [ln.start for ln in c.lines])
    i = bisect.bisect_right(starts, pos) - 1
    for ln in ctx.lines[max(0, i - CONTRIBUTION_LOOKBACK):i][::-1]:
        text = ln.text.strip()
        if not text or _list_item(text) or re.search(r"[.!?]$|:\s*\S", text) or len(text.split()) > 8:
            continue
        return bool(CONTRIBUTION_HEADING.fullmatch(text.lower())) and agency_heading(text)
    return False


# What a plan writes out as not decided or not to be done, no intervention (GUIDELINES 4, block 78: "det som
# uttryckligen inte gjordes, inte bestämdes eller inte ska göras räknas inte"; "en nekad insats ("skolan kommer inte
# att ordna skolskjuts") är ingen insats"): the item left undecided ("är inte avgjort", "inget beslut", "inga
# beslutade") or its main clause negated right after its finite verb, before any subordinate clause ("Skolan kommer
# inte att ...", "BUP deltog inte"; not "Skolan ser till att [BARN] inte är ensam").
UNDECIDED_ITEM = folded_re(r"\b(?:(?:är|blev|var)\s+(?:ännu\s+)?(?:inte|ej)\s+(?:\w+\s+)?(?:avgjort|bestämt|beslutat)|"
                           r"inget\s+beslut|inga\s+(?:\w+\s+)?beslutade?)\b", re.I)
NEGATED_MAIN_CLAUSE = folded_re(r"^(?:(?!\b(?:att|som|om|när|så|innan|tills|eftersom|ifall|medan|där|förrän)\b)[^.;,:|])*?"
                                r"\b(?:kommer|ska|skall|kan|kunde|får|fick|gör|gjorde|deltog|deltar|erbjuder|ordnar|"
                                r"tar|går)\s+(?:\w+\s+)?(?:inte|ej|aldrig)\b", re.I)


def _negated_item(text: str) -> bool:
    """An intervention line, or one of its table cells, that states no intervention: undecided or negated
    (`UNDECIDED_ITEM`, `NEGATED_MAIN_CLAUSE`), or a cell saying it is not relevant ("inte aktuellt"); an undecided
    responsibility ("Ansvarig: ej klart", `RESPONSIBLE_UNDECIDED`) leaves the intervention without a responsible."""
    if "inte" not in text and "ej" not in text and "inge" not in text and "inga" not in text:
        return False
    if _search_ci(RESPONSIBLE_UNDECIDED, text):
        return False
    parts = _cells(text) if _is_table_row(text) else [text]
    return any(UNDECIDED_ITEM.search(p) or NEGATED_MAIN_CLAUSE.search(p) or _is_table_row(text)
               and NO_INTERVENTION.match(p) and re.search(r"\w", p) for p in parts)


def _outline_levels(lines: list[tuple[Segment, str]]) -> list[tuple[Segment, str]]:
    """The interventions of a deep outline read by its levels (GUIDELINES 4, block 80: "ett mål på en nivå och
    insatserna under det hör ihop", "en verksamhet som är rubrik för en nivå ("2. Skolan") är ansvarig för
    insatserna under den"): a numbered level with intervention lines numbered under it ("5.3 Beslutet ska vara
    förlängt" / "5.3.1 Ny utredning") is what they serve, no intervention of its own, and a level that only names
    a party makes it the responsible of the lines under it."""
    numbers = [OUTLINE_NUMBER.match(s.text) for s, _ in lines]
    keys = [m.group(1) + "." if m else None for m in numbers]
    if sum(1 for k in keys if k and k.count(".") >= 2) < 2:
        return lines  # no outline with sub-levels
    out: list[tuple[Segment, str]] = []
    parties: list[str] = []  # the level numbers of the parties that head levels above
    for i, (s, who) in enumerate(lines):
        key = keys[i]
        if key and any(k and k != key and k.startswith(key) for k in keys[i + 1:]):
            if agency_heading(s.text[numbers[i].end():]):
                parties.append(key)
            continue
        if key and who != "agent" and any(key.startswith(p) for p in parties):
            who = "agent"
        out.append((s, who))
    return out


# A form's answer label ("S: ...", "Svar: ...") and the "att" that opens a goal under it ("S: Att [BARN] ska ...").
ANSWER_LABEL = re.compile(ANSWER_MARK.pattern + r"(?:att\s+)?", re.I)


# A party's action in the present tense at the start of a line ("[NAMN_3] (EHT) gör en kartläggning", "- Skolan
# ordnar en lugn plats"): a finite verb ending -ar/-er/-ör/-år within the first words, no "ska" (a party's "ska ha
# fått" is a state to reach, a goal).
GOAL_LINE_ACTION_VERB = re.compile(r"^\s*(?:[-–•*]\s+)?(?:(?!(?:har|hade|är|var|blir|ska|skall|som|att|\[BARN\]|barnet|hen|"
                                   r"han|hon|jag)(?!\S))\S+\s+){1,5}?(?!(?:under|efter|eller|över|sommar|vinter)\b)"
                                   r"(?:[a-zåäö]{2,}(?:ar|er|ör|år)|gör|ger|tar|får|ser|går)\b")
# Someone passing on information in a meeting's minutes ("[NAMN_3] nämner att ...", "BVC informerar om ..."): no action.
TELLS = re.compile(r"\b(?:nämner|nämnde|informerar|informerade|tipsar|tipsade|påminner|påminde)\b", re.I)
# A statement that opens with a guardian as the subject of a verb of saying, thinking or wanting ("Föräldrarna
# tycker att ...", "Mamma vill att ..."): the guardian's view, no intervention.
GUARDIAN_VIEW_STATEMENT = re.compile(rf"^[\W\d]*{_GUARDIAN_NOUN}\s+(?:\w+\s+)?(?:{GUARDIAN_VIEW.pattern})", re.I)


def _goal_line_action(ctx: Context, s: Segment, we_defined: bool) -> bool:
    """A line under a goal heading that is an intervention, not a goal: a named party does something in the present
    tense (`GOAL_LINE_ACTION_VERB`, not "har" or "är" before it) and the line is no goal for the child ("[BARN] ska
    ..."), no view ("[NAMN_3] nämner att ..."), no follow-up and not negated (GUIDELINES
    4, block 82: "en insats under "Mål" är en insats och inget mål")."""
    return bool(GOAL_LINE_ACTION_VERB.match(s.text)) and not re.search(r"\b(?:ska|skall)\b", s.text) \
        and not _unsettled_or_goal(s.text) and not GUARDIAN_VIEW.search(s.text) and not TELLS.search(s.text) \
        and not FOLLOW_UP.search(s.text) and _statement_who(ctx, s, we_defined, False) == "agent"


# A clause whose subject is a thing acted on with a passive verb ("Kvällsrutinen ses över.", "ny SIP skrivs när ...",
# "Schemat ska göras om"): an action with no one named as its doer (GUIDELINES 3: a passive names nobody); not the
# child as the subject ("[BARN] erbjuds ...") and no genitive ("skolans", "barnets").
PASSIVE_ACTION = re.compile(r"^\W*(?!\[BARN\]|barnet\b|hen\b|han\b|hon\b|jag\b)(?:[^\s:]+\s+){1,3}?(?:(?:ska|skall)\s+)?"
                            r"[a-zåäö]{2,}(?<![nt])s\b(?!\s+(?:av|genom)\b)")


def _goal_line_actions(ctx: Context, s: Segment, we_defined: bool) -> list[tuple[Segment, str]]:
    """(statement, who) for the interventions written under a goal heading or after a goal label ("Mål: Hab
    fortsätter gångträning. Förskolan inför tecken som stöd."): the line itself when it is a party's action
    (`_goal_line_action`), otherwise each of its sentences that is; a sentence with a passive action beside them
    ("Kvällsrutinen ses över.") is one of the same actions, with no responsible named (GUIDELINES 4, block 82: "en
    insats under "Mål" är en insats och inget mål"; GUIDELINES 3: a passive names nobody)."""
    under_goal = _goal_section(s.section)
    if under_goal and _goal_line_action(ctx, s, we_defined):
        return [(s, _statement_who(ctx, s, we_defined, False))]
    if not under_goal and not GOAL_LABEL_IN_LINE.search(s.text):
        return []
    clauses = []
    for c, _ in _clauses(ctx, s):
        label = GOAL_LABEL_IN_LINE.search(c.text)
        if label:  # "Mål: soc gör ..., BUP tar ...": the statements after the label, under the goal
            at, rest = c.start + label.end(), c.text[label.end():]
            cuts = _main_clause_cuts(ctx, at, rest)
            bounds, ends = [0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(rest)]
            clauses += [Segment(at + b, at + e, rest[b:e], s.section) for b, e in zip(bounds, ends)]
        elif under_goal:
            clauses.append(c)
    acting = [(c, _statement_who(ctx, c, we_defined, False)) for c in clauses if _goal_line_action(ctx, c, we_defined)]
    if not acting:
        return []
    passive = [(c, "missing") for c in clauses if PASSIVE_ACTION.match(c.text) and not _unsettled_or_goal(c.text)
               and not FOLLOW_UP.search(c.text) and _who_in_line(ctx, c, we_defined) == "missing"]
    return sorted(acting + passive, key=lambda item: item[0].start)


# A goal label at a line's or sentence's start ("Mål: ...", "Delmål 2: ..."), also after another field on the line
# ("Behov: se tidigare SIP. Mål: soc gör ...").
GOAL_LABEL_IN_LINE = re.compile(r"(?:^|(?<=[.!?]\s))\s*(?:del)?m[åa]l\s*\d*\s*:\s*", re.I)


def _unsettled_or_goal(text: str) -> bool:
    """A prose line that settles no intervention: negated ("BUP kunde inte komma", "Vi kom inte fram till vem som
    gör vad"), or a goal for the child given as a form's answer ("S: Att [BARN] ska klara vilan ...")."""
    return bool(NEGATED.search(text) or CHILD_GOAL_ROW.match(ANSWER_LABEL.sub("", text, count=1)))


def _document_title(ctx: Context) -> str | None:
    """The plan's first line, lower-cased, when it is the document's title ("SIP – aktivitetsplan", "UPPFÖLJNING
    SIP"): a title, not a section of its own."""
    title = ctx.text.strip().split("\n", 1)[0].strip().lower()
    return title if re.search(r"\b(?:sip|\w*plan|samordnad)\b", title) else None


# A week written "v. 7" at a line's start: a time point, not the letter of a list item ("a) ...").
WEEK_LABEL = re.compile(r"^\s*v\.\s*\d", re.I)
# A minutes' paragraph mark at a line's start ("§ 7 Insatser", "§ 4 Insatser: Skolan utreder ...", "§ 1 b
# Presentation") and its title, which heads what follows (GUIDELINES 4, block 63).
MINUTES_MARK = re.compile(rf"^\s*{PARAGRAPH_MARK}\s*")
MINUTES_TITLE = re.compile(r"(?P<title>[^\W\d][^.:\n]{0,60}?)\s*(?:[.:](?:\s+|$)|$)")
MINUTES_TITLE_WORDS = 6
# A timeline's entry that only marks the calendar ("v. 9: sportlov – ingen skola", "- jullov", "påsklov"): no
# intervention (GUIDELINES 4, block 65).
CALENDAR_ONLY = folded_re(r"^\W*(?:(?:\w*lov(?:et)?|ledig\w*|ingen skola|stängt|röda dagar|helg\w*|skolstart\w*|"
                          r"terminsstart\w*|terminsslut\w*|(?:sista|första) skoldag\w*(?: (?:före|efter) \w+)?)[\s,.–—-]*)+$",
                          re.I)
# The child as the subject of a timeline's entry ("v. 12: [BARN] somnar före kl. 20.30"): what the child manages by
# then, a goal and no intervention (GUIDELINES 4, block 65), unless another subject is coordinated with it.
TIMELINE_CHILD_SUBJECT = re.compile(r"^\W*(?:\[BARN\]|barnet|eleven|ungdomen)\s+(?!(?:och|o|&|samt|med)\s)", re.I)
# ... unless the child receives a service then ("v. 10: [BARN] får träffa kuratorn", "[BARN] får en kontaktperson").
CHILD_GETS_SERVICE = re.compile(r"(?:ska\s+|skall\s+)?(?:få|får|erbjuds)\s+(?:en\s+|ett\s+)?"
                                r"(?:träffa|börja|gå\s+(?:på|till|hos)|samtal|stöd|hjälp|plats|kontakt\w*|tid|besök|remiss)",
                                re.I)
TIMELINE_MIN_ENTRIES = 3  # lines opened by a time point that make a plan's timeline


# A transcript's column title for what each speaker said ("| Vem | Vad som sades |"): its rows are the speakers'
# lines, no table of interventions (GUIDELINES 4, block 64); the voice rules read the same rows as dialogue turns
# (DIALOGUE_TABLE_HEADER).
SPEECH_WORDS = r"vad (?:som )?(?:sades|sagts|sas|sa|sagt|säger)|repli\w*|yttrande\w*|sagt"
SPEECH_HEADER_CELL = folded_re(rf"^(?:{SPEECH_WORDS})$", re.I)


# A note after a timeline's time point ("oktober (gjort)", "v. 48 (klart)"), a time point written as a day and month
# ("den 19 december"), a note that marks the entry done, and the section prefix that makes it a past section.
TIME_NOTE = re.compile(r"\s*\(([^()]{1,20})\)\s*$")
DAY_MONTH_POINT = folded_re(rf"^\W*(?:den\s+)?\d{{1,2}}\s+{_MONTH}\W*$", re.I)
DONE_NOTE = folded_re(r"^\s*(?:gjort|gjorda|klart|klara|genomfört|genomförda|avslutat|utfört)\s*$", re.I)
DONE_PREFIX = "tidigare / "


def _time_point_label(text: str) -> tuple[bool, bool]:
    """(a time point, marked done) for a timeline's time label, a note in brackets after it allowed ("oktober
    (gjort)", "den 19 december", "v. 48")."""
    note = TIME_NOTE.search(text)
    core = (text[:note.start()] if note else text).strip(" :")
    point = bool(core) and bool(TIME_POINT.match(core) or DAY_MONTH_POINT.match(core))
    return point, point and bool(note and DONE_NOTE.match(note.group(1)))


def _is_time_line(text: str) -> bool:
    """A short line that is only a timeline's time point ("v. 48", "v. 47 (gjort)"), no entry after it."""
    return len(text) <= 30 and not _is_table_row(text) and not (LIST_ITEM.match(text) and not WEEK_LABEL.match(text)) \
        and _time_point_label(text)[0]


def _minutes_title(text: str, lo: int) -> re.Match[str] | None:
    """The title after a minutes' paragraph mark at lo ("Insatser", "Val av ordförande, sekreterare och justerare"),
    none when the paragraph opens with a statement ("§ 4 Familjehemmet tar kontakt med BVC ...")."""
    m = MINUTES_TITLE.match(text, lo)
    title = m.group("title") if m else ""
    return m if m and _word_count(title) <= MINUTES_TITLE_WORDS \
        and not (PRESENT_VERB.search(title) or FINITE_VERB.search(title)) else None


def _list_item(text: str) -> re.Match[str] | None:
    """A list item's marker at the line's start (`LIST_ITEM`), not the "v." of a week ("v. 7: ...")."""
    return None if WEEK_LABEL.match(text) else LIST_ITEM.match(text)


# A full date as a timeline entry's time label ("2025-01-14: ...", "2025-03-10 – ...").
ISO_DATE_LABEL = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*(?::|\s[–—-])\s+(?=\S)")


def _entry_time_end(text: str) -> int:
    """Where a timeline entry's content starts after its bullet and time point ("- v. 7: ...", "mars: ...",
    "2025-01-14: ..."); 0 when the line opens with no time point."""
    item = _list_item(text)
    lo = item.end() if item else 0
    iso = ISO_DATE_LABEL.match(text, lo)
    end = iso.end() if iso else _time_label_end(text, lo)
    return end if end > lo else 0


def _timeline_plan(ctx: Context) -> bool:
    """The plan is a timeline: at least `TIMELINE_MIN_ENTRIES` lines open with a time point (cached)."""
    return _cached(ctx, "timeline_plan", lambda c: sum(
        1 for ln in c.lines if _entry_time_end(ln.text)) >= TIMELINE_MIN_ENTRIES)


# The child as the subject further into a dated entry ("v. 3: Första veckan. [BARN] står vid dörren", "v. 4: I
# sandlådan leker [BARN] bredvid de andra"), or the preschool's observation ("v. 6: Vi ser att [BARN] ..."): dated
# observations from the pedagogical documentation are described needs, no interventions (GUIDELINES 4, block 71:
# "observationer av barnet är beskrivna behov när de säger vad som är svårt nu").
CHILD_OBSERVED = re.compile(r"(?:[.!?]\s+|^\W*)(?:\[BARN\]|hen|han|hon)\s+(?:inte\s+|bara\s+|ofta\s+)?[a-zåäö]{2,}(?:ar|er|r)\b"
                            r"|\b[a-zåäö]{2,}(?:ar|er)\s+(?:\[BARN\]|(?:hen|han|hon)\b)")
OBSERVATION_LEAD = folded_re(r"^\W*(?:vi|jag)\s+(?:ser|såg|har sett|märker|märkte|har märkt|noterar|noterade|har noterat|"
                             r"observerar|observerade|har observerat)\b", re.I)


def _timeline_non_action(ctx: Context, s: Segment) -> bool:
    """A timeline entry that states no intervention: a calendar mark, what the child manages by then, a figure
    ("September: 8 %"), a date among other dates ("Viktiga datum") or an entry dated before the plan (what has
    happened, GUIDELINES 4, block 65)."""
    at = _entry_time_end(s.text)
    body = s.text[at:]
    child = TIMELINE_CHILD_SUBJECT.match(body)
    before_plan = ctx.plan_date is not None and any(
        s.start <= m.start < s.start + at and m.iso and m.iso < ctx.plan_date.isoformat() for m in ctx.date_mentions)
    observed = not child and (CHILD_OBSERVED.search(body) or OBSERVATION_LEAD.match(body)) \
        and not ctx.has_agent(Segment(s.start + at, s.end, body, s.section)) and not CHILD_GETS_SERVICE.search(body)
    return bool(before_plan or CALENDAR_ONLY.match(body) or child and not CHILD_GETS_SERVICE.match(body, child.end())
                or observed
                or not re.search(r"[^\W\d_]{3}", body) or DATES_SECTION.search(s.section)
                or BACKGROUND_SECTION.search(s.section))


# A short lettered list item ("c) Överlämning – vi") that `segments` takes for a heading: after the list's other
# items it is the next item, as the same line with a dash is (GUIDELINES 3, responsibility_per_action).
LETTERED_ITEM = re.compile(r"^\s*[a-z][.)]\s")


FIRST_ITEM_MIN_WORDS = 3  # a shorter line under an intervention heading ("Skolan", "BUP:s del") heads a part


def _item_taken_for_heading(ctx: Context, s: Segment) -> bool:
    """A short line that `segments` took for a heading but that ends a list of interventions: right after the
    list's lines, no section word, no label or capitals, and nothing under it (an empty line, a field or the end
    follows: "Insatser:" / "[NAMN_3] erbjuder ..." / "Påminnelse-sms kvällen innan" / "" / "Samtycke: ...")."""
    text = s.text.strip()
    if text.endswith(":") or text.startswith("#") or text.isupper() or SECTION_WORD.match(text) \
            or GOAL_HEADING.search(text) or FOLLOW_UP.search(text) or _is_time_line(text):
        return False
    nxt = _next_line(ctx, s.end)
    return not nxt.strip() or bool(_INLINE_LABEL.match(nxt)) or _same_list_row(ctx, s, nxt)


def _same_list_row(ctx: Context, s: Segment, nxt: str) -> bool:
    """The short line is set out as the list's rows around it are (GUIDELINES 3, responsibility_per_action: "each
    intervention counts, however the list is marked"): it and the line below both open with a list marker ("a)
    Samtal" / "b) Rutin för rastinsläpp"), or it has the "what – who" dash gap of the line above and of the line
    below ("Överlämning – vi" between "Samtal på BUP – [NAMN_2]" and "Skjuts till umgänge – vi"), or, in a list
    with no markers, it stands between such a row and a line that is no heading or field ("Ansökan om
    avlösarservice" before "Sjukgymnastik varannan vecka på hab") or the list's last line. A heading is set out
    unlike the rows it heads."""
    if _list_item(s.text) and _list_item(nxt):
        return True
    line_start = ctx.text.rfind("\n", 0, s.start) + 1
    above = ctx.text[ctx.text.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)] if line_start else ""
    return all(len(DASH_GAP.split(t.strip())) == 2 for t in (s.text, above, nxt)) \
        or not _list_item(above) and not _list_item(nxt) and len(DASH_GAP.split(above.strip())) == 2 \
        and not _INLINE_LABEL.match(nxt) and (_is_heading_line(nxt) is None or not _next_line(ctx, s.end + 1).strip())


def _row_not_title(ctx: Context, s: Segment) -> bool:
    """A line right under a row of an intervention list, no empty line between, that opens with a section word but
    is no title: three words or more ("Information om ersättning från Försäkringskassan", "Kontakt med dietist om
    maten") with no label or heading on the line below. It is the list's next row, as the same line with a dash is
    (GUIDELINES 3, responsibility_per_action: each intervention counts, however the list is marked; GUIDELINES 4,
    block 50: "en uppräkning i löptext är en uppräkning"); "Övrigt", "Nästa möte" still head what follows."""
    nxt = _next_line(ctx, s.end)
    return _word_count(s.text) >= 3 and not s.text.rstrip().endswith(":") and not _list_item(s.text) \
        and not (nxt.strip() and (_INLINE_LABEL.match(nxt) or _is_heading_line(nxt) is not None))


def _continues_numbered_list(ctx: Context, s: Segment, number: re.Match) -> bool:
    """The line's number follows that of the line right above it ("1. Genomgång med köket – [NAMN_3]" / "2. Information
    till fritids om mellanmål") and it is no label ("2. Mål: ..."): in an intervention section the next item of the
    same list, not a numbered heading, as the same items written with dashes are (GUIDELINES 3,
    responsibility_per_action: each intervention counts, however the list is marked)."""
    line_start = ctx.text.rfind("\n", 0, s.start) + 1
    if line_start < 2:
        return False
    above = ctx.text[ctx.text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
    m = LINE_NUMBER.match(above)
    return bool(m) and int(m.group(1)) + 1 == int(number.group(1)) and not s.text.rstrip().endswith(":") \
        and not _INLINE_LABEL.match(s.text[number.end():])


def _next_line(ctx: Context, end: int) -> str:
    """The text of the line after the one that holds offset end ("" at the end of the text)."""
    line_end = ctx.text.find("\n", end)
    if line_end < 0:
        return ""
    stop = ctx.text.find("\n", line_end + 1)
    return ctx.text[line_end + 1:stop if stop >= 0 else len(ctx.text)]


def _find_activity_lines(ctx: Context) -> list[tuple[Segment, str]]:
    """(line, who) for each line that states an intervention; who is "agent", "we" or "missing".

    Lines in a section for interventions ("Insatser", "Vem gör vad", "Det här ska hända"), the items of an
    "Insatser: ...;" line and rows of tables count (a table with an intervention or "Vem" column wherever it
    stands; no goal-only, status or past tables); when the plan has none, list items and action sentences
    naming who does them do. In a table with a "Vem"/"Ansvarig" column, that cell decides who carries the row
    out; elsewhere the responsible must stand in an agent position (see `_names_agent`). The plan's follow-up
    and a numbered section after the intervention section ("8. Övrigt: ...") are not interventions.
    """
    goal_lines = {(g.start, g.end) for g in ctx.goals}
    candidates: list[tuple[Segment, str]] = []
    prose: list[tuple[Segment, str]] = []
    resp_col: int | None = None
    header_cells: list[str] = []  # the current table's header, lower-cased
    act_col: int | None = None  # its intervention column
    skip_table = activity_table = False
    participants = False
    prev_row = False
    we_defined = bool(WE_DEFINED.search(ctx.text))
    title = _document_title(ctx)  # the document's title ("SIP – aktivitetsplan") is no intervention section
    heading: str | None = None  # a numbered heading `segments` keeps as text ("7. Insatser och ansvar")
    heading_num: int | None = None  # that heading's number, so that "8. Övrigt" after it ends its section
    item_num: int | None = None  # the number of the section's last numbered item ("1. Samtal", "2. ...")
    dash_cols: list[str] = []  # the header of a table written with dashes ("Insats – Vem – När")
    dash_rows: set[Segment] = set()  # that table's rows: the plan's list, as a table's or dashed list's rows are
    tab_aligned = False  # the current table's columns are aligned with runs of tabs
    agency = False  # the section's heading names the party that does what it lists ("Skolans del", "BVC gör")
    glossary = False  # the section explains words
    glossary_num: int | None = None  # the number of that section's heading ("9. Ord som kan vara svåra")
    paragraph: set[Segment] = set()  # the statements split from prose paragraphs
    loose: list[tuple[Segment, str]] = []  # bullets outside any intervention section that name no one
    status_col: int | None = None  # the status column of a revised plan's table ("| Insats | Status |")
    sheet = False  # the current table is a spreadsheet's (`_activity_sheet_header`)
    listing_seen = False  # an intervention sheet or heading was seen: the plan lists its interventions there
    prev_end = 0  # the end of the line before
    time_parent = ""  # the section a timeline's time points stand in ("Framåt" / "Vecka 47–48", "Mars: ...")
    carried: list[tuple[int, int]] = []  # the earlier plan's ongoing actions in a revised plan's status report
    form_item = False  # inside a form's intervention ("Insats 1" and its fields)
    form_act: int | None = None  # the index in `candidates` of that intervention's description
    md_actions = False  # the last Markdown heading kept as text opens an intervention section
    title_next = False  # after a bare slide marker ("--- Bild 3 ---") the next short line is the slide's title
    prev_section = ""  # the section of the line before
    acts_heading = False  # the last heading opens the interventions ("Insatser/ansvar:"), its lines "BVC: ..."
    agenda_table = False  # the current table is a meeting's agenda with notes ("| Punkt | Anteckningar |")
    kept: set[Segment] = set()  # an agenda's notes under its intervention point, an "Insatser:" line's items
    question_heads = False  # a question line has headed a section: the next question ends it
    time_line = False  # the current section is a time point on a line of its own ("v. 48") in a timeline
    prev_item = False  # the line before is an intervention section's line, no empty line after it
    prev_acts_heading = False  # the line before is an intervention section's heading, no empty line after it
    under_acts_heading = False  # the line before is an intervention section's heading, empty lines after it or not
    goal_actions: list[tuple[Segment, str]] = []  # a party's action written under a goal heading (`_goal_line_action`)
    for s in _table_lines(ctx):
        if s.is_heading and SPOKEN_BULLET.match(s.text):  # "punkt vägning varannan vecka": an item, no heading
            heading = heading if heading is not None else prev_section
            s = Segment(s.start, s.end, s.text, heading)
        elif s.is_heading and LETTERED_ITEM.match(s.text) and (prev_item or prev_acts_heading and _item_taken_for_heading(
                ctx, s)):  # "c) Överlämning – vi": the next item; "a) Samtal" right under "Insatser:", the first
            heading = heading if heading is not None else prev_section  # and the items after it stay in the list
            s = Segment(s.start, s.end, s.text, heading)
        elif s.is_heading and prev_item and _item_taken_for_heading(ctx, s):
            s = Segment(s.start, s.end, s.text, prev_section)  # "Påminnelse-sms kvällen innan" as the list's last item
        elif s.is_heading and under_acts_heading and _word_count(s.text) >= FIRST_ITEM_MIN_WORDS \
                and not agency_heading(s.text) and _item_taken_for_heading(ctx, s):
            # "Insatser" / "" / "Drogtester varje vecka" / "": a list pasted one item a paragraph; its first line
            # is its first item, not a sub-heading, and the items after it stay in the list (GUIDELINES 3,
            # responsibility_per_action: each intervention counts, however the list is marked)
            heading = heading if heading is not None else prev_section
            s = Segment(s.start, s.end, s.text, heading)
        after_row = prev_item and not s.is_heading and s.section == prev_section  # the line above is a row of this list
        prev_item = not s.is_heading and bool(INTERVENTION_SECTION.search(s.section)) and bool(_next_line(ctx, s.end).strip())
        # the line before heads an intervention section with its first item right under it ("Insatser:" / "a) ...")
        prev_acts_heading = s.is_heading and bool(INTERVENTION_SECTION.search(s.section)) \
            and bool(_next_line(ctx, s.end).strip())
        under_acts_heading = s.is_heading and bool(INTERVENTION_SECTION.search(s.section))
        prev_section = s.section
        listing_seen = listing_seen or bool(s.is_heading and ACTIVITY_SECTION.search(s.text))
        if form_item and not s.is_heading:
            field = FORM_FIELD.match(s.text)
            if field:
                form_act = _form_field(ctx, s, field, candidates, form_act, we_defined)
                continue
        if s.is_heading or form_item:
            form_item, form_act = bool(s.is_heading and FORM_ITEM_HEADING.match(s.text)), None
            if form_item:
                continue
        if not s.is_heading and time_parent and _is_time_line(s.text):
            # "v. 48" on a line of its own in a timeline: the entries below it are read under it, those marked done
            # ("v. 47 (gjort)") as what has happened (GUIDELINES 4, block 65)
            line_done = _time_point_label(s.text)[1]
            heading = (DONE_PREFIX if line_done else "") + f"{time_parent} / {s.text.strip().lower()}"
            heading_num = item_num = None
            time_line = True
            continue
        point, done = _time_point_label(s.section)
        if point and not (PRESENT_POINT.match(s.section) and PAST_SECTION.search(time_parent)):
            if s.is_heading:
                if time_line:
                    heading, time_line = None, False  # a time heading ends the entries of a time line above
                continue  # the timeline goes on in its section
            if not time_line:
                s = Segment(s.start, s.end, s.text, (DONE_PREFIX if done else "")
                            + f"{heading or time_parent} / {s.section}".strip(" /"))
        elif s.is_heading:
            time_parent = s.section
            time_line = False
        dash_cells = [c.strip() for c in DASH_GAP.split(s.text.strip())] if dash_cols else [s.text]
        if dash_cols and not s.is_heading and CHILD_GOAL_ROW.match(s.text) and not any(dash_cells[1:]):
            continue  # "[BARN] ska få en bra start på gymnasiet." among the rows: the goal they serve
        if dash_cols and len(dash_cells) == len(dash_cols) and not s.is_heading:
            s = Segment(s.start, s.end, s.text, " ".join(dash_cols).lower())
            cell = dash_cells[next(i for i, c in enumerate(dash_cols) if RESPONSIBLE_HEADER.match(c.lower()))]
            candidates.append((s, _who_in_cell(ctx, cell, we_defined)))
            dash_rows.add(s)
            continue
        number = LINE_NUMBER.match(s.text)
        bare = s.text[number.end():] if number else s.text  # "6. Vad – Vem – När" is a dash header too
        head_cells = re.split(r"\s[–—-]\s", bare.strip())
        dash_cols = head_cells if len(head_cells) >= 2 and is_table_header(bare) and any(
            RESPONSIBLE_HEADER.match(c.lower()) for c in head_cells) and ACTIVITY_SECTION.search(bare) else \
            _heading_columns(bare)
        # tabs align columns in pasted text; outside a table they only space out a title or a field
        tabbed = "\t" in s.text and s.text.count("|") < 2
        sheet_cells = _sheet_cells(s.text)  # a spreadsheet exported with semicolons
        row_titles = sheet_cells if sheet_cells is not None else _tab_cells(bare) if tabbed else []
        sheet_head = _activity_sheet_header(row_titles)
        tab_head = tabbed and (_tab_header(bare) or sheet_head)
        row = _is_table_row(s.text) and not (tabbed and not header_cells and not tab_head) \
            or sheet_cells is not None and (sheet_head or bool(header_cells)) or _two_column_row(s.text, header_cells)
        # a spreadsheet's empty row (";;;;", a line of tabs) ends its table
        blank_row = bool(header_cells) and (sheet_cells is not None and not any(sheet_cells)
                                             or bool(SHEET_BLANK_ROW.search(ctx.text, prev_end, s.start))
                                             # an empty line ends a table of tabs: "Övrigt\t..." below is a field
                                             or tabbed and bool(EMPTY_LINE.search(ctx.text, prev_end, s.start)))
        # a Markdown table's header right after another table, an empty line between them, starts a new table
        # ("| Närvarande | ... |" / "" / "| Mål | Insats | Vem |"); in a grid table a separator only breaks rows
        new_table = row and prev_row and bool(EMPTY_LINE.search(ctx.text, prev_end, s.start)) \
            and _above_separator(ctx.text, s.end)
        prev_end = s.end
        row = row and not (blank_row and not sheet_head)
        if s.is_heading and not tab_head or not row or blank_row:
            resp_col, participants, header_cells, act_col, skip_table, activity_table = None, False, [], None, False, False
            status_col, sheet, agenda_table = None, False, False
            if blank_row and sheet_cells is not None:
                continue
        first_row, prev_row = row and not prev_row, row
        field = RESPONSIBLE_LINE.match(s.text)
        if field and OVERALL.search(field.group(1)):
            field = None  # "Ansvar: Habiliteringen är samordningsansvarig": the plan's coordinator, no action's
        if field and candidates and not ctx.text[candidates[-1][0].end:s.start].strip():
            if candidates[-1][1] != "agent":  # the field on the line after a form's "Insats:" line
                candidates[-1] = (candidates[-1][0], _who_in_cell(ctx, field.group(1).strip(" ."), we_defined))
            continue
        if s.is_heading and not tab_head or not row and _party_or_glossary_title(s.text):
            heading, heading_num, item_num, title_next = None, None, None, False
            agency, glossary = agency_heading(s.text), bool(GLOSSARY_HEADING.match(s.text))
            acts_heading = bool(s.is_heading and INTERVENTION_SECTION.search(s.text))
            glossary_num = int(number.group(1)) if glossary and number else None
            continue
        if glossary and not (number and glossary_num is not None and int(number.group(1)) == glossary_num + 1):
            continue
        glossary = False  # the numbered section after a numbered glossary ("9. Ord ..." / "10. Nästa gång")
        if _template_instruction(ctx, s):
            continue
        para = None if row else MINUTES_MARK.match(s.text)
        if para:  # "§ 7 Insatser", "§ 4 Insatser: Skolan utreder ...": the paragraph's title heads its lines
            title_m = _minutes_title(s.text, para.end())
            heading = title_m.group("title").strip().lower() if title_m else None
            heading_num, item_num, agency = None, None, False
            acts_heading = bool(heading and INTERVENTION_SECTION.search(heading))
            rest_at = title_m.end() if title_m else para.end()
            if not s.text[rest_at:].strip():
                continue
            s = Segment(s.start + rest_at, s.end, s.text[rest_at:], heading or s.section)
            number = LINE_NUMBER.match(s.text)
            bare = s.text[number.end():] if number else s.text
        if not row and law_point(s.text):  # "Del 2 – Vilka insatser respektive huvudman ansvarar för": a heading
            heading, heading_num, item_num, agency = s.text.strip(" .:").lower(), None, None, False
            continue
        if number and not row and SECTION_TITLE.fullmatch(bare):  # "4. Uppdrag.": a heading on its own
            heading, heading_num, item_num = bare.strip(" .:").lower(), int(number.group(1)), None
            agency = False
            continue
        slide = SLIDE_SECTION.match(s.text)
        if slide:  # "--- Bild 3 ---", "Slide 4: Mål": a new slide, its title the section
            title_next = not slide.group("title")
            heading, heading_num, item_num = (slide.group("title") or "").strip(" .:?").lower(), None, None
            agency = bool(slide.group("title")) and agency_heading(slide.group("title"))
            md_actions = False
            continue
        if title_next:
            title_next = False
            if len(s.text.split()) <= 8 and not re.search(r"[.!]\s*$|:\s*\S", s.text) and not LIST_ITEM.match(s.text) \
                    and not _is_table_row(s.text):
                heading, agency = s.text.strip(" ?:*#").lower(), agency_heading(s.text)
                md_actions = _opens_interventions(heading)
                continue
        markdown = None if NUMBER_COLUMN_HEADER.match(s.text) else MARKDOWN_HEADING.match(s.text) \
            or BOLD_HEADING.match(s.text)
        if markdown:  # "## Insatser fram till nästa uppf.", "**Insatser**": headings `segments` kept as text
            heading, heading_num, item_num = markdown.group(1).strip(" .:*").lower(), None, None
            agency = agency_heading(markdown.group(1))
            # its items are interventions even where the goal finder, reading the section before, took them for goals
            md_actions = _opens_interventions(heading)
            continue
        if not row and FORM_QUESTION.match(s.text) \
                and (not s.section or question_heads or INTERVENTION_SECTION.search(s.text)):
            # a form's question on a line of its own heads its answers ("Vem gör vad, och när?" opens the
            # interventions, "Vem håller ihop planen?" ends them), also below a label ("Delmål:" / "Vem gör vad?")
            heading, heading_num, item_num, agency = s.text.strip().lower(), None, None, False
            question_heads = True
            acts_heading = bool(INTERVENTION_SECTION.search(s.text))
            continue
        if not row and ADDENDUM_LABEL.match(s.text):
            # "Tillägg av [NAMN_1], kurator:": a writer's addendum on its own line ends the section above; what
            # follows is the addendum's prose, not the list it follows
            heading, heading_num, item_num, agency = "tillägg", None, None, False
            continue
        next_item = bool(number) and INTERVENTION_SECTION.search(heading or s.section) is not None \
            and _continues_numbered_list(ctx, s, number)
        pseudo = None if row or INLINE_ACTIVITIES.match(s.text) or next_item or after_row and _row_not_title(ctx, s) \
            else _pseudo_heading(ctx, s, bare_numbers=True) or _bulleted_title(ctx, s) or _follow_up_title(s)
        # a party heading a level of the interventions' outline ("2. IFO" over "2.1 Familjebehandling ..."): an item
        # of their list, which goes on under it, and responsible for the items under it (`_outline_levels`;
        # GUIDELINES 4, block 80)
        if pseudo is not None and not (number and INTERVENTION_SECTION.search(heading or s.section)
                                       and SUB_LEVEL_NUMBER.match(_next_line(ctx, s.end)) and agency_heading(pseudo)):
            heading, item_num, agency = pseudo, None, False
            heading_num = int(number.group(1)) if number else None
            continue
        if number and not row:
            n = int(number.group(1))
            if heading_num is not None and n > heading_num and item_num != n - 1:
                # the next numbered section ("8. Övrigt: ...", "8. Vi ses igen 28/11"), not an item
                label, _, rest = bare.partition(":")
                heading, heading_num, item_num, agency = label.strip().lower(), n, None, False
                if not rest.strip() and _word_count(bare) <= 6 and not re.search(r"[.!?]$", bare.strip()):
                    continue  # "5. Diskussion om ansvarsfördelning": a heading only
            else:
                item_num = n
        if heading is not None and not _INLINE_LABEL.match(s.text):
            s = Segment(s.start, s.end, s.text, heading)
        if row and tabbed and not header_cells:  # a header aligned with runs of tabs, not one tab per column
            tab_aligned = "\t\t" in s.text.strip()
        cells = (sheet_cells if sheet_cells is not None else _tab_cells(bare) if tabbed and tab_aligned
                 else _cells(s.text)) if row else []
        if row and header_cells and len(cells) < len(header_cells) and not tabbed and sheet_cells is None:
            cells = _open_row_cells(s.text, len(header_cells))
        row_cells = [c.strip(" *").rstrip(":").lower() for c in cells]
        if agenda_table and not first_row:
            pass  # "| 6. Vem gör vad | ... |" in an agenda: a point with its notes, no new header
        elif is_table_header(s.text) or (first_row and any(RESPONSIBLE_HEADER.match(c) for c in row_cells)) \
                or (first_row and NUMBER_COLUMN_HEADER.match(s.text)) \
                or ((first_row or new_table) and _above_separator(ctx.text, s.end)) \
                or (first_row and len(row_cells) >= 2 and any(ACTIVITY_HEADER_CELL.match(c) for c in row_cells)) \
                or tab_head or sheet_head or _grid_header(ctx, s) \
                or (first_row and PARTICIPANT_HEADER.search(s.text)
                    and any(c in PARTICIPANT_CELLS and c != "deltagare" for c in row_cells)):
            if re.search(r"[A-Za-zÅÄÖåäö]", s.text):
                header_cells, sheet = row_cells, sheet_head
                listing_seen = listing_seen or sheet
                resp_col = next((i for i, c in enumerate(header_cells)
                                 if RESPONSIBLE_HEADER.match(c) or sheet and SHEET_RESPONSIBLE.match(c.strip("."))), None)
                act_col = next((i for i, c in enumerate(header_cells) if ACTIVITY_HEADER_CELL.match(c)), None)
                participants = any(c in PARTICIPANT_CELLS for c in header_cells) \
                    or resp_col is None and act_col is None and any(CONTACT_HEADER_CELL.match(c) for c in header_cells)
                activity_table = resp_col is not None or act_col is not None
                status_col = next((i for i, c in enumerate(header_cells) if STATUS_HEADER_CELL.match(c)), None)
                agenda_table = len(header_cells) == 2 and bool(AGENDA_HEADER_CELL.match(header_cells[0])) \
                    and bool(NOTES_HEADER_CELL.match(header_cells[1]))
                # a goal table, also a goal scale's levels ("| Nivå | Beskrivning |"); a report on earlier
                # interventions ("| Insats | Status |") keeps its ongoing rows
                skip_table = any(CONTEXT_HEADER_CELL.match(c) or GOAL_LEVEL_HEADER.match(c) for c in header_cells) \
                    and not activity_table or any(SPEECH_HEADER_CELL.match(c) for c in header_cells)
                if len(header_cells) >= 2 and not any(header_cells[1:]) and not activity_table \
                        or len(header_cells) == 2 and not activity_table \
                        and (PARTICIPANT_LIST.match(header_cells[0]) or ROW_FIELD.match(header_cells[0])):
                    # "| Uppgift | |" over "| Plats | BUP |", "| Datum | ... |": a form's fields, as a blank header;
                    # also a form whose first field heads it ("| Närvarande | [VH1], ... |" over "| Läget | ... |")
                    skip_table = skip_table or not INTERVENTION_SECTION.search(s.section)
            elif (first_row or new_table) and not TABLE_SEPARATOR.match(s.text):
                # a blank header ("| | |") over a form's fields ("| Mötesdatum | 2 okt |") outside the interventions
                skip_table = not INTERVENTION_SECTION.search(s.section)
            continue
        # the status of an earlier action: its status cell in a table, or the line in a report on the earlier plan
        status = (cells[status_col] if status_col is not None and status_col < len(cells) else None) if row \
            else s.text
        ongoing = status is not None and bool(_search_ci(STATUS_ONGOING, status))
        past = (PAST_SECTION.search(s.section) or ENDED_SECTION.search(s.section)) \
            and not CURRENT_SECTION.search(s.section)
        if not row and not s.is_heading:
            goal_actions += _goal_line_actions(ctx, s, we_defined)
        if participants or skip_table or (s.start, s.end) in goal_lines and not (row and activity_table) \
                or row and resp_col is None and DATES_SECTION.search(s.section) and not INTERVENTION_SECTION.search(s.section) \
                and not (md_actions and heading is not None) \
                or _has_cue(s.text, WE_DEFINED_CUES) and _search_ci(WE_DEFINED, s.text) \
                and not _definition_in_paragraph(ctx, s) \
                or (act_col is not None and act_col < len(cells)
                    and (EMPTY_CELL.match(cells[act_col]) or CALENDAR_ONLY.match(cells[act_col]))
                    and (resp_col is None or len(cells) != len(header_cells) or EMPTY_CELL.match(cells[resp_col]))):
            continue  # also a row with no intervention ("| Fritid | | | |"), not one with a responsible
        if row and resp_col is not None and act_col != 0 and len(cells) == len(header_cells) and all(
                EMPTY_CELL.match(c) or NEED_HEADER_CELL.match(header_cells[i]) for i, c in enumerate(cells) if i > 0):
            continue  # a life area's row with only its need, or nothing ("| Identitet | | | |", "| Familj | Fungerar
            # bra. | | |"): no intervention (GUIDELINES 4, block 66: "ett tomt område visar ingenting")
        if row and agenda_table:
            # an agenda point's notes are interventions only under a point for them ("| 6. Vem gör vad | ... |");
            # a point without notes shows nothing (GUIDELINES 4, block 60)
            spans = _cell_spans(s.text)
            if len(spans) == 2 and INTERVENTION_SECTION.search(cells[0]) and not EMPTY_CELL.match(cells[1]):
                note = _row_cell(ctx, s, *spans[1])
                candidates.append((note, _who_in_line(ctx, note, we_defined)))
                kept.add(note)
            continue
        if row and status_col is not None and not ongoing and not EMPTY_CELL.match(status or "") \
                and (not sheet or STATUS_DONE.search(status or "")):
            continue  # done or struck ("Klart", "Stryks"): no current activity; a sheet's status also "ny", empty
        if sheet and act_col is not None and header_cells[act_col] == "vad" and act_col < len(cells) \
                and _row_kind(cells[act_col]) == "other":
            continue  # "7;Mål;...", "14;Uppf.;...": a row of another kind in a sheet whose "Vad" column labels rows
        if past and not ongoing or (BACKGROUND_SECTION.search(s.section) and not activity_table):
            continue
        if past or row and status_col is not None:
            carried.append((s.start, s.end))
        inline = _inline_activities_start(s.text)
        if inline is None and _semicolon_items(s, row):
            inline = 0  # "Insatser:" / "[NAMN_2] har samtal ...; EHT tar upp ...; IFO gör ...": its label on the line above
        if inline is not None:  # "9. Insatser: studiegång – [NAMN_2]; vila – Lena; medicinering – [NAMN_1]."
            items, at = s.text[inline:], s.start + inline
            for a, b in _inline_items(items):
                item = Segment(at + a, at + b, items[a:b], s.section)
                # an item that only refers elsewhere ("Insatser kommun: se nedan") is none (GUIDELINES 4, block 53)
                if re.search(r"\w", item.text) and not NO_INTERVENTION.match(item.text) \
                        and not REFERENCE_ONLY.match(item.text):
                    candidates.append((item, _who_in_line(ctx, item, we_defined)))
                    if FOLLOW_UP.search(item.text) and not PLAN_OR_MEETING.search(item.text):
                        kept.add(item)  # "Vi följer upp närvaron på fritids": an action's check, no follow-up
            continue
        list_item = _list_item(s.text)
        body = s.text[list_item.end():] if list_item else bare
        if NO_INTERVENTION.match(body) and (list_item or not re.search(r"\w", body)) or NONE_ANSWER.match(body) \
                or CALENDAR_ONLY.match(body):
            continue  # "-", "– (tas upp nästa gång)", "- ridklubben, ingen kontakt behövs"
        if not row and (RETRACTED_ITEM.search(body) or MEETING_CHORE.match(body) or OUTSIDE_PLAN.search(body)):
            continue  # a draft's item taken back ("– nej vänta, ... ta bort"), a chore about the meeting itself, or
            # something the line itself puts outside the plan ("..., ingår ej i SIP")
        in_section = bool(INTERVENTION_SECTION.search(s.section) or CONTINUED_SECTION.match(s.section)) \
            and s.section != title and not FOLLOW_UP_SECTION.match(s.section) \
            and not AGENDA_SECTION.search(s.section) \
            and not _goal_section(s.section) or agency or bool(past)  # not "Mål framåt"
        # "Insatser/ansvar:" / "BVC: [NAMN_1] gör hembesök": a party's line labelled with the party
        party_line = acts_heading and bool(s.section) and s.section != heading and agency_heading(s.section)
        in_section = in_section or party_line or law_point_at(ctx, s.start) == 2  # also under "Kommunen:"
        # a timeline's entries are its interventions, each read on its own (GUIDELINES 4, block 65)
        entry = not row and _timeline_plan(ctx) and bool(_entry_time_end(s.text))
        if entry and _timeline_non_action(ctx, s):
            continue
        in_section = in_section or entry
        item = row or list_item or number or SUB_ITEM.match(s.text) or OTHER_LABEL.match(body)
        pieces = [] if item else _clauses(ctx, s)  # an item's further sentences are its details
        if len(pieces) > 1:  # a paragraph: each statement on its own
            stated, in_prose = _paragraph_statements(ctx, pieces, in_section, agency, we_defined)
            candidates += stated
            paragraph.update(c for c, _ in stated)
            prose += in_prose
            continue
        if FOLLOW_UP_LINE.match(body[_time_label_end(body, 0):]) or _follow_up_statement(s):
            continue  # also "Uppdrogs åt [NAMN_2] att kalla till nästa sammanträde": the follow-up, no intervention
        if agency and OTHER_LABEL.match(body):
            continue  # "Mål: ..." in a party's section
        if not row and (_about_the_plan(s.text) or s.text.strip().lower() == title or s.text.rstrip().endswith(":")
                        or REFERENCE_ONLY.match(s.text) or DOCUMENT_FIELD.match(s.text) or DOCUMENT_TITLE.match(s.text)):
            continue  # who holds the plan, the consent, the title, a label ("Tillägg av ...:"), "Se vårdplanen"
        if not (in_section or row):
            if DISCUSSED.search(s.section):
                continue  # under "Diskuterades" or "Förslag": what was talked over, not decided (GUIDELINES 4, block 51)
            if ACTIVITY_LABEL.match(body):  # "- Insats: ..." under a life area ("Hälsa", "Utbildning")
                candidates.append((s, _who_in_line(ctx, s, we_defined)))
            elif (LOOSE_ITEM.match(s.text) and PRESENT_VERB.search(s.text) and _names_agent(ctx, s)
                    or ACTIVITY_VERB.search(s.text) and ctx.has_agent(s)) and not NOT_DECIDED.search(s.text) \
                    and not OTHER_LABEL.match(body) and not _unsettled_or_goal(s.text):
                # "- Vi ordnar ett besök i förskoleklassen": an agency in the line is no doer when "vi" acts
                # (GUIDELINES 4: "Vi" som ansvarig för en insats = partial)
                prose.append((s, "we" if _who_in_line(ctx, s, we_defined) == "we" else "agent"))
            elif LOOSE_ITEM.match(s.text) and _nominal_item(ctx, s, body):
                loose.append((s, "missing"))  # "- Inskolning på korttids, tre besök i april.": no one named
            elif LOOSE_ITEM.match(s.text) and VAGUE_DOER.match(body) and not NOT_DECIDED.search(body) \
                    and not NEGATED.search(body):
                loose.append((s, "we"))  # "- Någon kollar om ...": "någon" as the doer is like "vi"
            continue
        if DISCUSSED.search(s.text) and not row:
            continue  # "Det diskuterades om BUP ska ...": not decided
        if not row and SIGN_OFF_LINE.match(s.text):
            continue  # "/[NAMN_1], leg. psykolog", "Antecknat av [NAMN_1].", "s. 2/2": the note's signature or page
        if not row and not list_item and NEGATED.search(s.text) and law_point_at(ctx, s.start) == 2 \
                and not _search_ci(RESPONSIBLE_UNDECIDED, s.text):
            continue  # the law's point 2 in prose: "Gicks inte igenom", "X var inte med": nothing allotted
        if row and resp_col is not None:
            cell = cells[resp_col] if resp_col < len(cells) else ""
            who = _who_in_cell(ctx, cell, we_defined)
            if SEE_ABOVE_CELL.match(cell):  # "se ovan": the responsible of the row above, none if it named none
                who = candidates[-1][1] if candidates and _is_table_row(candidates[-1][0].text) else "missing"
        elif row:
            if s.text.strip().lower() == title:
                continue  # "SIP [BARN] 13 mån | 2024-06-11 | BVC": the document's title set out as a row
            who = _who_in_row(ctx, s, header_cells)
        else:
            who = _statement_who(ctx, s, we_defined, agency or party_line)
            if agency and not item and len(_sentences(s.text)) > 1 and not INTERVENTION_SECTION.search(s.section):
                paragraph.add(s)  # a party's section told in prose ("Soc" / "IFO fick in en orosanmälan ... ")
        candidates.append((s, who))
    # In a section that lists its interventions, other lines there ("Nästa uppföljning 23/1") are not ones.
    # A plan that lists its interventions as items or rows states none in the paragraphs of other sections.
    # A timeline's entries ("Mars: ...", "v. 37: ...") are its items. The earlier plan's ongoing actions count
    # when the revised plan lists no new or changed ones (which take them over).
    # a guardian's view written under the interventions ("Insatser:" / "Föräldrarna tycker att ...") is no
    # intervention (GUIDELINES 4, block 82: "innehållet bedöms efter vad det är, inte efter rubriken det står under")
    candidates = [(s, who) for s, who in candidates if _is_table_row(s.text) or not GUARDIAN_VIEW_STATEMENT.match(s.text)]
    status = [(s, who) for s, who in candidates if any(a <= s.start < b for a, b in carried)]
    candidates = [c for c in candidates if c not in status]
    rows = _unmarked_rows(ctx, candidates, paragraph) | dash_rows
    listed = {s.section for s, _ in candidates if _listed(s.text) or s in rows}
    # an intervention section that sets out its interventions one a line, unbulleted ("Åtgärder" / "Kontakt med
    # Första linjen." / "Samtal på elevhälsan."): the plan's list, as bullets are
    line_counts = Counter(s.section for s, _ in candidates if s not in paragraph and not _listed(s.text)
                          and INTERVENTION_SECTION.search(s.section))
    line_listed = {sec for sec, n in line_counts.items() if n >= 2}
    structured = [(s, who) for s, who in candidates
                  if _listed(s.text) or s in kept or s in rows
                  or (s.section not in listed and not FOLLOW_UP.search(s.text)
                      and not ((listed or line_listed - {s.section}) and s in paragraph))
                  or who == "missing" and _search_ci(RESPONSIBLE_UNDECIDED, s.text)]  # "Inte fördelat: skolskjuts"
    # a spreadsheet whose intervention rows are all empty, or an empty intervention section ("Insatser / vem gör
    # vad:" with nothing under it), lists none; the plan's other statements state none either
    # interventions written under the goal heading while the intervention section lists none of its own ("Mål:" /
    # "[NAMN_2] lägger in en paus efter lunch." ... "Insatser: se ovan"; GUIDELINES 4, block 82: "en insats under
    # "Mål" är en insats och inget mål")
    if goal_actions and all(REFERENCE_ONLY.match(LIST_ITEM.sub("", s.text, count=1)) for s, _ in structured):
        structured = []  # "Insatser" / "- se Mål": the section only refers to the actions under the goal heading
    return structured or status or goal_actions or ([] if listing_seen else prose + _unowned_bullets(ctx, prose, loose))


# Who wrote a note or plan ("Antecknat av", "Förda av", "Skrivet av", "Sammanställd av"): the sign-off lines below
# and the first-person writer's cues (WRITER_CUE) read the same words.
# A journal's "Signerad av [NAMN_1] (psykolog)" names the writer too (GUIDELINES 4, block 67: "den som signerar är
# skribenten").
WRITTEN_BY = (r"(?:skriv(?:et|en|it|na)|förda?|fört|antecknat|antecknad\w*|nedtecknat|signera[dt]|undertecknat|"
              r"sammanställ(?:t|d))\s+av")
# A section on how and when the interventions are followed up ("Hur och när åtgärderna följs upp och utvärderas",
# "Uppföljning av åtgärderna"): the plan's follow-up, not interventions, though it names them (GUIDELINES 4, block 68:
# "en tid då åtgärderna (planen som helhet) följs upp eller utvärderas är planens uppföljning").
FOLLOW_UP_SECTION = folded_re(r"^\W*(?:(?:hur|när)\b[^.\n]{0,40}?\b(?:följs|ska följas|utvärderas) (?:upp\b)?|"
                              r"uppföljning(?: och utvärdering)?(?: av (?:åtgärd|insats)\w*)?\W*$)", re.I)


def _follow_up_title(s: Segment) -> str | None:
    """A line of its own that heads the follow-up of the interventions ("Hur och när åtgärderna följs upp och
    utvärderas"), too long for `_pseudo_heading`: it ends the intervention section above it."""
    text = s.text.strip()
    if len(text) > 80 or text[-1:] in ".!?,;" or "|" in text or not FOLLOW_UP_SECTION.match(text):
        return None
    return text.strip(" :").lower()


# A note's sign-off or a page mark, no intervention: a journal's signature after a slash ("/[NAMN_1], leg. psykolog"),
# who wrote the note ("Antecknat av [NAMN_1].", "Förda av [NAMN_2], kurator") and a page number ("s. 2/2", "Sida 1 av 3").
SIGN_OFF_LINE = folded_re(r"^\s*(?:/\s*(?:\[[A-ZÅÄÖ_0-9]+\]|[A-ZÅÄÖ][a-zåäö]+)(?:\s*,[^;:]*)?|"
                          + WRITTEN_BY + r"\s*:?\s*"
                          r"(?:\[[A-ZÅÄÖ_0-9]+\]|[A-ZÅÄÖ][a-zåäö]+)(?:\s*,[^.;:]*)?\.?|"
                          r"(?:s\.|sid\.?|sida)\s*\d+\s*(?:/|av)\s*\d+)\s*$", re.I)


# A short title behind a bullet that a scan or a word processor put before each heading ("• Insatser / ansvar").
BULLETED_TITLE = re.compile(r"^\s*•\s*(?P<title>[^\W\d][^.!?:;]{0,40}?)\s*:?\s*$")


def _bulleted_title(ctx: Context, s: Segment) -> str | None:
    """The title of a line "• Mål" or "• Insatser / ansvar" that works as a heading: a section or goal word, on a
    line of its own, the next line no bullet."""
    m = BULLETED_TITLE.match(s.text)
    if m is None or _word_count(m.group("title")) > 4 or not (SECTION_WORD.match(m.group("title"))
                                                               or GOAL_HEADING.search(m.group("title"))):
        return None
    line_end = ctx.text.find("\n", s.end)
    nxt = ctx.text[line_end + 1:ctx.text.find("\n", line_end + 1)] if line_end >= 0 else ""
    return m.group("title").lower() if nxt.strip() and not LIST_ITEM.match(nxt) else None


# "någon" or "man" as the doer of a step ("- Någon kollar om ...", "- Någon från soc ringer mamma"): GUIDELINES 4,
# block 51: '"man" eller "någon" som ansvarig är som "vi" (partial)'.
VAGUE_DOER = re.compile(r"\s*(?:någon|man)\s+(?:\S+\s+){0,3}?(?:ska|kommer att|[a-zåäö]{2,}(?:ar|er|ör|år))\b", re.I)


def _nominal_item(ctx: Context, s: Segment, body: str) -> bool:
    """A list item that names an intervention as a noun phrase, with no verb, no field label and no one in it
    ("Inskolning på korttids, tre besök i april."); not one about the plan's follow-up or one that says something
    was not settled ("Någon ny tid för uppföljning bestämdes inte": the follow-up is no intervention, and what was
    not decided is none, GUIDELINES 4, block 51)."""
    return not (FIELD.match(body) or PRESENT_VERB.search(body) or FINITE_VERB.search(body)
                or PERSON_REF.search(body) or _names_agent(ctx, s) or NOT_DECIDED.search(body)
                or NEGATED.search(body) or _mentions_follow_up(body))


def _unowned_bullets(ctx: Context, prose: list[tuple[Segment, str]],
                     loose: list[tuple[Segment, str]]) -> list[tuple[Segment, str]]:
    """(bullet, who) for the bullets that name no one in a run of bullets where another bullet states an
    intervention and who does it ("- [NAMN_2] lånar ut bildmaterial." / "- Inskolning på korttids, tre besök."):
    the same list's interventions, without a responsible ("missing") or with "någon" as the doer ("we"). A lettered
    run ("a) [NAMN_2] lånar ut ..." / "b) Inskolning ...") is read as the bulleted one, as `LOOSE_ITEM` reads its
    items (GUIDELINES 4, block 50: the same item whichever marker)."""
    run, runs = 0, {}
    for ln in ctx.lines:
        run += not LOOSE_ITEM.match(ln.text)
        runs[ln.start] = run
    acting = {(runs.get(s.start), s.section) for s, _ in prose if LOOSE_ITEM.match(s.text)}
    return [(s, who) for s, who in loose if (runs.get(s.start), s.section) in acting]


def _unmarked_rows(ctx: Context, candidates: list[tuple[Segment, str]], paragraph: set[Segment]) -> set[Segment]:
    """The intervention lines that make a list written one item a line without markers: two or more lines of one
    intervention section, each a statement of its own (no prose paragraph) with no empty line between them
    ("Vem gör vad" / "[NAMN_2] bokar ..." / "Mentor [NAMN_3] gör ..."). They are the section's list as the same
    lines with dashes are, so the section's other paragraphs are no items of it (GUIDELINES 4, block 50: "en
    uppräkning i löptext är en uppräkning; ingenting blir bättre eller sämre av att layouten gått förlorad")."""
    rows: set[Segment] = set()
    run: list[Segment] = []  # the current run of lines, its first line right under the section's heading
    for s, _ in candidates:
        row = s not in paragraph and not _listed(s.text) and bool(INTERVENTION_SECTION.search(s.section))
        if row and run and run[-1].section == s.section and run[-1].end <= s.start \
                and "\n" in ctx.text[run[-1].end:s.start] and not EMPTY_LINE.search(ctx.text, run[-1].end, s.start):
            run.append(s)
            if len(run) >= 2:
                rows.update(run)
        else:
            run = [s] if row and _line_above(ctx, s.start).strip() \
                and _is_heading_line(_line_above(ctx, s.start)) is not None else []
    return rows


def _line_above(ctx: Context, start: int) -> str:
    """The text of the line above the line that holds offset start ("" on the first line)."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    if not line_start:
        return ""
    return ctx.text[ctx.text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]


def _listed(text: str) -> bool:
    """A list item, table row or timeline entry ("Mars: ...", "V. 5 – ..."), also a deep outline's sub-level item
    ("1.1 Behandlingssamtal en gång i veckan", GUIDELINES 4, block 80)."""
    return bool(LIST_ITEM.match(text) or _is_table_row(text) or _time_label_end(text, 0) or SUB_LEVEL_NUMBER.match(text))


# A deep outline's numbered sub-level at a line's start ("1.1 ", "2.3.1 "), not a clock time ("09.50 ").
SUB_LEVEL_NUMBER = re.compile(r"^\s*(?!\d{1,2}\.\d\d\s)\d{1,2}(?:\.\d{1,2})+\.?\s")


def activity_segments(ctx: Context) -> list[Segment]:
    """Lines that state an intervention: in an activity section, table rows, or action sentences."""
    return [s for s, _ in _activity_lines(ctx)]


def activity_has_agent(ctx: Context, seg: Segment) -> bool:
    """True when the activity line names who carries it out (a verksamhet, role or person; not just "vi")."""
    return any(s == seg and who == "agent" for s, who in _activity_lines(ctx))


# Behind in development ("sen i sin utveckling", "sen i talet"), not "sen i våras" (since last spring).
LATE_IN = r"sen i (?:sin |hans |hennes |hens )?(?:utveckling\w*|språk\w*|talet|motorik\w*|läsning\w*)"
# A concrete need: the child's situation or difficulty in everyday terms (GUIDELINES 3 and 4.1: "har svårt att
# komma iväg till skolan", "behöver hjälp att somna", frånvaro, sömn, utbrott, being left out, bodily symptoms, weight
# loss or a low growth curve "har gått ner 2 kg", "ligger under sin kurva" ...),
# not a sleep service named as a compound ("sömnsamtalen fortsätter", "sömnrådgivning", "sömnbedömning"): that is an
# intervention, as talk about the sleep is (`TALK_TOPIC`),
# wherever in the plan; also typed without å/ä/ö, except "våld" (folded it is "vald", chosen).
NEED_DIFFICULTY = folded_re(
    r"\b(?:har svårt (?:att|med|för|när|på)|svårt (?:att|med|för|är|när)|svårighet\w*|frånvar(?:o|on|ande)\w*|"
    r"(?:inte|aldrig|sällan) (?:kommer|går|orkar gå) (?:till|i) (?:skolan|förskolan)|stanna\w* hemma|"
    r"(?:kommer|kom|är|var) (?:ofta )?(?:för )?sent (?:till|i) (?:skolan|förskolan|lektion\w*)|sena ankomst\w*|"
    r"orolig\w*|oron\b|oro för|ångest\w*|panik\w*|rädd\w*|ledsen|ledsna|nedstämd\w*|arg\b|ilska|utbrott\w*|"
    r"bråk\w*|slagsmål\w*|(?:springer|sprang|rusar) (?:\w+ )?(?:iväg|ut|ifrån|därifrån|hemifrån)\b|rymmer|slår|sparkar|biter|skriker|knuff\w*|uteslu\w*|får inte vara med|(?:inte|aldrig) (?:har )?fått (?:delta|vara med|följa med)|illamående|kräk\w*|svull(?:en|et|na)\b|värk\w*|vaknar|somna\w*|sömn(?!dagbok|plan|samtal|rådgivning|bedömning|utredning|kartläggning|skola)\w*|"
    r"sover (?:dåligt|oroligt|lite|inte|på dagen|på dagarna|bort dagarna)|"
    # away from school or its lessons ("har varit borta från nästan alla lektioner"): absence in other words, not a
    # condition ("om [BARN] är borta från skolan")
    r"(?:har varit|hade varit|varit|är ofta|var ofta) borta från (?:\w+ ){0,2}(?:lektion\w*|skolan|undervisningen)|vaken (?:på|om) n(?:att|ätte)\w*|mardröm\w*|"
    r"äter (?:dåligt|inte|lite|bara)|vägrar|ont i|ont\b|trött\w*|ensam(?!kommande)\w*|mobb\w*|retad\w*|retas|"
    r"kränk\w*|utsatt\w*|självskad\w*|(?:skär|rispar|ristar|river) sig|skadar sig själv|droger|narkotika|alkohol|cannabis|hasch|stjäl|snatt\w*|brott\w*|"
    r"hot\w*|v[å]ld\w*|skolk(?!ör)\w*|kamp|kaos|klarar inte|vågar inte|inte orkar|orkar inte|tappat|tappar bort|"
    # the subordinate clause's order ("säger att hen inte vågar", "att hon inte klarar"), the past ("vågade inte",
    # "rymde två gånger"): the same difficulties (GUIDELINES 3)
    r"inte (?:vågar|vågade|klarar|klarade)\b|(?:vågade|klarade) inte\b|rymde|rymt|"
    # attendance counted ("har varit där 9 dagar av 52 möjliga", "kom 3 av 10 dagar"): an amount like "har varit
    # frånvarande 40 %" (GUIDELINES 3); not a goal's level ("ska ha varit ...")
    r"(?<!ska ha )(?<!ska )(?:varit|var|kom|kommit|gått|gick|närvarat|närvarade)\s+(?:\S+\s+){0,4}?\d+\s+(?:\w+\s+)?(?:av|utav)\s+\d+|"
    # smoking told of the child ("röker på helgerna", "jag röker för att kunna sova", "har rökt")
    r"röker\b|rökt\b|"
    # weight that does not come ("går långsamt upp i vikt", "har inte gått upp i vikt"), beside weight loss below
    r"(?:går|gått|gick)\s+(?:\w+\s+)?(?:långsamt|dåligt|för lite|knappt|inte)\s+upp\s+i\s+vikt|inte\s+(?:gått|går|gick)\s+upp\s+i\s+vikt|"
    r"glömmer (?:bort )?(?:läxor|böcker|saker|instruktion\w*|tider|schema\w*)|(?:läser|skriver) (?:mycket |väldigt )?(?:långsamt|sakta)|"
    r"missar (?:ofta |många |flera )?(?:läxor|lektion\w*|skoldag\w*|prov\w*|bussen|instruktion\w*)|"
    rf"försenad\w*|{LATE_IN}|språkstörning|ordförråd|behöver hjälp (?:att|när|vid|med(?! (?:en del|olika|vissa|många|allt|det|detta)\b))|"
    r"behöver (?:(?:också|även|fortsatt|mer|mycket|extra|kunna|få|öva på att|träna på att) )?(?:gå|komma|komma igång|träna|öva|äta|sova|"
    r"somna|lära sig|klara|hitta|läsa|skriva|prata|vänta|sitta|leka|röra sig|tid och|vuxenhjälp)\b|"
    r"jobbig\w*|stress\w*|värst|skräm(?!l)\w*|otrygg\w*|gråt\w*|krampanfall|anfall|smärt\w*|konflikt\w*|"
    r"isolera\w*|sitter (?:på sitt rum|hemma)|(?:för lite|inte|ner|ned) i vikt|undervikt\w*|övervikt\w*|"
    r"(?:ligger|låg|legat|väger|vägde) (?:\w+ )?under (?:sin |den )?(?:vikt|längd|tillväxt)?kurva\w*|viktnedgång\w*|"
    r"(?:gått|gick) (?:ner|ned) (?:\d|från (?:sin|den))|har tappat \d|"
    # speech that has not come and sound that is too much, as an observation tells them ("säger inga ord ännu", "har få
    # ord", "täcker för öronen"): what is hard now (GUIDELINES 4, block 71: observations are needs when they say what
    # is hard now)
    r"säger (?:nästan )?(?:inga|få|bara enstaka|enstaka) ord\b|(?:har|använder) (?:mycket |väldigt )?få ord\b|"
    r"(?:håller|täcker) (?:\S+ )?för öronen)",
    re.I)
# Difficulty words that name a worry or a condition without saying what it means in everyday life: on their
# own they make a need vague (GUIDELINES 3: "bara en diagnos utan vad den innebär i vardagen").
NEED_LABEL_WORD = folded_re(rf"(?:orolig\w*|oron|oro för|ångest\w*|droger|narkotika|försenad\w*|{LATE_IN}|språkstörning|svårighet\w*|våld\w*|"
                            r"\w+(?:problem|problemen|problematik|svårigheter)|\w*syndrom\w*)", re.I)  # "sömnproblem", "stressyndrom": a label
WORRY = folded_re(r"\b(?:oro\w*|rädd\w*)", re.I)
# A clinician's grade after a difficulty ("självskadebeteende av lindrig till måttlig grad", "ångest av måttlig grad"):
# assessment language, which names the difficulty without the child's daily life (GUIDELINES 4.1: vague).
SEVERITY_GRADE = folded_re(r"\w*\s+(?:av\s+)?(?:lindrig|måttlig|medelsvår|svår|allvarlig)\w*\s+(?:till\s+\w+\s+)?grad\b", re.I)
# Absence as a difficulty word ("frånvaro", "frånvarande"): concrete only with an amount (GUIDELINES 3: "har varit
# frånvarande 40 % sedan januari"); "Frånvaro har förekommit", "har hög frånvaro" say no more than that there is some.
ABSENCE_WORD = folded_re(r"frånvar\w*", re.I)
# How much or how often: a number, a share or a count in words ("40 %", "9 av 20 dagar", "varannan dag", "tre dagar");
# a year or a date ("hösten 2025", "sedan 3/9") is when, not how much, and a placeholder's digit ("[VH1]") is none.
ABSENCE_AMOUNT = folded_re(rf"(?<![\w/.-])(?!(?:19|20)\d\d\b)\d+(?![\d/-])|\bprocent\b|\bhälften\b|\bvarannan\b|\bvarje\b|\b{_ONE_TO_TEN}\s+(?:hela\s+)?"
                           r"(?:dagar|veckor|lektioner|gånger|förmiddagar|morgnar|måndagar|fredagar)s?\b", re.I)
# A line's list number ("1. ", "6.2 ", "b) "): it counts nothing, so it is no amount of absence ("1. [BARN] har haft mycket
# frånvaro sedan i våras" says no more than "har hög frånvaro").
ITEM_NUMBER_LEAD = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*[.):]|[a-z][.)])\s+")
# Uses of those words that are about routines or the meeting, not about the child; also the value phrase that says how
# the work is done ("utifrån barnets behov", "barnets behov står i centrum"), which names no need.
NOT_A_NEED = folded_re(r"\b(?:vid behov|orosanmäl\w*|orossamtal\w*|frånvaro(?:trapp|utredning|statistik|rapport|registrering|uppföljning|sammanställning|kartläggning)\w*|frånvaroanmälan|rutin\w* (?:vid|för) frånvaro|"
                        r"anmäl\w* frånvaro|frånvaro(?:n)? (?:anmäls|ska (?:rapporteras|registreras|anmälas))|"
                        r"vid frånvaro|frånvarande med förhinder|frånvarande:|ensam vårdnad\w*|"
                        r'(?:var|är|blev|blir|varit)\s+["”“]?en mardröm|'
                        r"behöver (?:inte |också |även )?(?:göras|fyllas i|skickas|signeras|undertecknas|uppdateras|"
                        r"vara ifyllda|(?:ett )?nytt samtycke|(?:en |den )?remiss(?:en)?\b)|"
                        r"behov av insats\w*|bedömning av (?:eventuellt )?behov\w*|"
                        r"(?:utifrån|efter) (?:barnets|elevens|ungdomens|hens|\[barn\]s|dennes|individens) (?:individuella |unika |egna )?behov|"
                        r"behov (?:står|sätts|ställs) i (?:centrum|fokus)|"
                        # a template's information on SIP and the law, about any child (GUIDELINES 4, block 52)
                        r"(?:när|om) (?:ett|en) (?:barn|elev|ungdom|person|individ|enskild)\w* (?:\w+ )?(?:har )?(?:behov|behöver)|"
                        r"(?:planen|sip\w*) ska (?:\w+ )?(?:beskriva|innehålla|omfatta|ange|redovisa)\b|"
                        r"(?:när|om) behoven? (?:förändras|ändras)|barnets behov(?:,| och) (?:vilka )?(?:insatser|mål)\b|"
                        # the writers' own uncertainty, no difficulty of the child ("det är svårt att veta hur det är")
                        # (also in the perfect: "Vh upplever att det varit svårt att veta vilken verksamhet som ansvarar")
                        r"(?:det (?:är|var|har varit|varit|blir|blev) (?:\w+ )?|(?<=[\"”“]))svårt att (?:veta|säga|bedöma|avgöra|förutse)|"
                        # information about absence passed between the agencies ("info om frånvaro delas ej")
                        r"(?:info\w*|uppgift\w*) om (?:\w+ )?frånvaro\w*|"
                        # a professional meeting the child on their own ("träffade kurator [NAMN_2] [BARN] ensam"): how the
                        # child's view was heard, no loneliness of the child
                        r"(?:träffa\w*|pratade|pratat|talade|talat|samtal\w*)\b[^.;\n]{0,40}?(?:\[BARN\]|barnet|eleven|ungdomen|hen|honom|henne) (?:ensam|enskilt)\b|"
                        # a needs point put off in shorthand ("behov? → nästa ggn", "Behov: tas nästa gång"), GUIDELINES 4
                        # (block 57: what only the writer could decode shows nothing)
                        r"behov\w*\s*[?:]+\s*(?:(?:→|->|[–-])\s*)?(?:tas (?:upp )?)?(?:nästa (?:ggn?|gång)|senare|återkommer)|"
                        # the speakers' own need in an inverted question or clause ("Behöver vi komma på fler möten?",
                        # "då behöver ni ringa"): GUIDELINES 4 (block 64), "jag" and "vi" in a line are the speaker
                        r"behöver (?:vi|ni)\b|"
                        # the feelings offered on picture cards or a scale ("bildkort (glad / ledsen / rädd / arg)"):
                        # the choices, not how the child feels
                        r"(?:glad|ledsen|rädd|arg|lugn|orolig)(?:\s*[/,]\s*(?:glad|ledsen|rädd|arg|lugn|orolig|trött|"
                        r"nöjd|besviken))+|"
                        # a need about the planning itself ("uttrycker ett behov av att vara delaktig i planeringen", "behov av
                        # transparens kring informationsöverföringen", "behov av att bli lyssnad på"): how the child wants the
                        # work done, not what the child needs in daily life (GUIDELINES 3: not_met is nothing on what the
                        # child needs; participation is `child_participation`'s)
                        r"behov av (?:\w+ ){0,2}?(?:delaktighet|transparens|insyn|inflytande|att (?:få )?(?:vara|bli|känna sig) "
                        r"(?:\w+ )?(?:delaktig|lyssnad|hörd|involverad|informerad|tagen på allvar)\w*)\b|"
                        # the meetings or the assessment as what is hard ("tycker möten är jobbiga", "orkar inte med fler
                        # tester"): the process, not the child's daily life (as a need about the planning, above)
                        r"(?:möten|mötena|mötet|tester|testerna|testningen|frågorna)\s+(?:är|var|blir|känns|kändes)\s+(?:\w+\s+)?"
                        r"(?:jobbig\w*|tröttsam\w*|stressig\w*)|(?:orkar inte|inte orkar)\s+(?:med\s+)?(?:fler\s+|flera\s+|alla\s+)?"
                        r"(?:möten|tester|frågor|utredning\w*)\b|"
                        # an infant's kicking or waving as movement ("sparkar med benen när pappa kommer in"), not violence
                        r"(?:sparkar|slår)\s+med\s+(?:benen|fötterna|armarna|händerna)|"
                        # the speaker's own grief ("det gör ont att se hur fort [BARN] växer"): an idiom for the adult's
                        # feeling, no pain of the child (GUIDELINES 4, block 66: the adults' situation is not the child's need)
                        r"gör ont att (?:se|höra|tänka|veta)\b|"
                        # the school's policy document ("enligt planen mot kränkande behandling")
                        r"plan(?:en)? mot (?:diskriminering och )?kränkande behandling|"
                        # an assessment's end as the time something is put off to ("Mål sätts när utredningen är klar",
                        # "Tas upp på nästa möte när socialtjänstens utredning är klar"): a point in time, no need of the
                        # child (GUIDELINES 4.1: a point put off shows nothing, as "se bilaga")
                        r"(?:när|tills|innan|efter att) (?:\w+:?s )?\w*utredning\w* (?:är|blir|blivit|har blivit) (?:klar|färdig)\w*|"
                        # a routine's condition, as "vid behov" ("ringer [VH1] samma dag om något oroar", "kontakt med
                        # elevhälsan vid oro"): when someone would call, no worry about this child (GUIDELINES 4.1: a plan
                        # that only tells the adults' interventions without saying for what shows no need)
                        r"vid (?:ny )?oro\b(?! för)|om (?:något|det|någon|ni|vi|man|personalen) (?:\w+ )?oroar\b)", re.I)
# "Behov: se bilaga/remissen/tidigare plan", "som förra planen", "se planen från 2024-12-04", in shorthand "se utr.",
# "se utredn.": the needs are only referred to elsewhere (GUIDELINES 4.1: not_met; block 57: an abbreviation a careful
# reader can tell counts).
NEED_REFERENCE = folded_re(r"\b(?:(?:se|enl(?:igt|\.)?|som(?: i)?|samma som|framgår (?:av|i)|beskrivs i|hänvisa\w* till|"
                            r"hänvisning\w* (?:(?:görs|sker) )?till|(?:det )?(?:står|finns) (?:beskriv\w+ )?i) "
                            r"(?:(?:den |det )?(?:\w+:?s |ursprungliga |gamla |första |senaste |gällande |befintliga )?)"
                            r"(?:bilaga\w*|remiss\w*|[\w-]*utredning\w*|[\w-]*utr(?:edn)?\.(?!\w)|[\w-]*utlåtande\w*|[\w-]*beslut\w*|"
                            r"journal\w*|kallelse\w*|anmälan\w*|tidigare\b|förra\b|föregående|epikris\w*|bifogad\w*|"
                            r"läkarintyg\w*|underlag\w*|\w+s utredning|planen\b|vårdplan\w*|behandlingsplan\w*|"
                            r"papper\w*|akten)|oförändra[dt]\w*)", re.I)
# A needs field or sentence that puts the description off until an assessment ("Behov: Utreds.", "Behov: under
# utredning", "kartläggning behövs innan behoven kan beskrivas närmare, varför ingen beskrivning görs"): like a reference
# to another document it shows nothing of what the child needs (GUIDELINES 4.1: "bara 'se bilaga/tidigare plan' eller
# inget").
# A needs field that writes out that it is empty or missing ("Barnets behov: ej ifyllt – underlaget saknas", "Behov: saknas",
# "Bakgrund / behov: inte klart", "Behov: —") shows nothing either (GUIDELINES 4, block 78: "ett fält med 'ej bestämt',
# 'saknas', 'inte klart' eller '—' visar ingenting").
NEED_DEFERRED = folded_re(r"^\W*(?:[^:\n]{1,30}:\s*)?(?:utreds|under utredning|kartläggs|ska utredas|ska kartläggas)\W*$|"
                          r"^\W*(?:[^:\n]{0,20}\b)?(?:behov\w*|bakgrund\w*)\s*:\s*(?:(?:ej|inte)\s+(?:ifyll\w*|klar\w*|bestäm\w*|"
                          r"beskriv\w*|gjor\w*|skriv\w*)|saknas|[-–—]+)(?:\W*$|\s*[-–—,;(]\s)|"
                          r"innan behoven kan beskrivas|(?:ingen|ngn|någon) beskrivning (?:inte )?(?:görs|ges|kan göras)", re.I)
NEED_DEFERRED_CUES = ("utred", "kartl", "behov", "bakgrund", "beskrivning")  # one in each match (`_has_cue`)
# The child, also as "du" in a plan written to the child and as "patienten" in a clinician's notes.
CHILD_REF = folded_re(r"(?<!\w)(?:\[BARN\]\w*|barnet|eleven|ungdomen|flickan|pojken|sonen|dottern|pat|patienten|hen|henom|hens|"
                       r"jag|mig|min|mitt|mina|du|dig|din|ditt|dina)(?!\w)", re.I)
FIRST_PERSON_REF = re.compile(r"(?<!\w)(?:jag|mig|min|mitt|mina)(?!\w)", re.I)


def _child_named(text: str, voice: _NeedVoice) -> bool:
    """The text names the child ("jag" only where the first person is the child)."""
    return any(voice.first_person_child or not FIRST_PERSON_REF.fullmatch(m.group(0)) for m in CHILD_REF.finditer(text))


THIRD_PERSON = re.compile(r"\b(?:han|hon|honom|henne|hans|hennes)\b", re.I)
# Worries and the school's assessment describe needs too (GUIDELINES 4.1: "Oro", "Det vi oroar oss för", "Kartläggning",
# "Pedagogisk bedömning").
NEED_SECTION = folded_re(r"\b(?:bakgr\w*|behov\w*|nuläge|läge\w*|aktuellt|situation(?:en)?|anledning|varför|om mig|barnets|"
                          r"ungdomens|elevens|kort om|anamnes|diagnos\w*|oro\w*|oroar|bekymmer|farhåg\w*|"
                          r"kartläggning\w*|pedagogisk bedömning|svårigheter|utmaningar|det som är svårt)\b", re.I)
# The label of a line that holds the needs ("Behov:", "Bakgr./behov:", "Varför vi träffas:", "1) Behov – ...").
NEED_LINE_LABEL = folded_re(r"^\s*(?:\d+[.)]\s*)?(?:[^:]{0,25}\b)?(?:bakgr\w*|behov\w*|anledning\w*|varför|nuläge\w*|"
                             r"läge\w*|diagnos\w*|anamnes\w*)\b[^:;\t]{0,30}?(?::|\s[–-]\s|\s+kolon\b|\s*[;\t])", re.I)  # "kolon": dictated
ADULT_REF = re.compile(r"\[(?!BARN\])[A-ZÅÄÖ]")
# A note that leaves out its subject, the child, and opens with the verb ("Somnar i klassrummet 2–3 ggr/v",
# "5. Har svårt med ordningsregler", "Raster: leker mest ensam", "Trött på förmiddagen", "Läser inte svenska än, har ont i
# magen flera morgnar i veckan", "Kan inte sova").
SUBJECT_DROPPED = re.compile(r"^\s*(?:(?:[-–•*]|\d{1,2}[.)])\s*)?(?:[^\W\d][\w/ ]{0,20}:\s*)?(?:har|är|blir|kommer|går|"
                             r"läser|skriver|pratar|talar|förstår|kan|vill|somnar|sover|vaknar|äter|vägrar|gråter|skriker|slår|springer|missar|tappar|orkar|vågar|"
                             r"klarar|känner|mår|leker|hamnar|trött|ledsen|orolig|rädd|arg)\b", re.I)
# Who a difficulty belongs to: the last person named before it in its sentence; a guardian in the genitive names the
# guardian too ("Mammas depression har blivit bättre, men hon är fortfarande trött").
NEED_HOLDER = folded_re(r"(?P<child>(?<!\w)(?:\[BARN\]\w*|barnet|eleven|ungdomen|flickan|pojken|sonen|dottern|hen|pat\b|patienten|"
                         r"henom|du|dig)(?!\w))|(?P<first>(?<!\w)(?:jag|mig)(?!\w))|(?P<we>(?<!\w)vi(?!\w))|(?P<adult>\b(?:vårdnadshavar(?:e|en|na)|mammas?|mammans?|pappas?|pappans?|"
                         r"förälder|föräldern|föräldrar(?:na)?|mor|far|styvpappa|styvmamma|(?:en|någon) vuxen)\b|\[(?!BARN\])[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\])|"
                         r"(?P<pronoun>\b(?:han|hon)\b)|(?P<family>\b(?:(?:hela\s+)?familjen|hushållet)\b)", re.I)
# A difficulty that the text says will not happen: reassurance to the child ("Ingen blir arg på dig", "Du ska inte
# behöva vara orolig"), no need.
DIFFICULTY_DENIED = re.compile(r"\b(?:(?:ingen|inget|inga)\s+(?:\w+\s+)?|(?:ska|behöver|behöva|kommer)\s+inte\s+(?:\w+\s+){0,2})$",
                               re.I)
# A person after a preposition or in the genitive is no subject ("sover i föräldrarnas säng", "hos mamma").
NOT_A_HOLDER = re.compile(r"\b(?:till|med|hos|av|från|för|om|åt|på|i|mot|bredvid|utan|efter)\s+$", re.I)
GUARDIAN_SECTION = re.compile(r"\b(?:vårdnadshavar\w*|föräld\w*|mamma\w*|pappa\w*|vh\w*|familj\w*)", re.I)
# Tiredness in a "när"-clause is an ordinary state that conditions something else, not a difficulty ("osäker på när
# [BARN] är trött", "sträckte armarna mot mamma när hen blev trött"); "är trött i skolan" stays a need.
ORDINARY_STATE = folded_re(r"trött\w*", re.I)
WHEN_CHILD_CLAUSE = folded_re(r"\b(?:när|ifall|om)\s+(?:\[BARN\]|barnet|eleven|ungdomen|hen|han|hon|jag|du|det)\s+(?:\S+\s+){0,2}$",
                              re.I)
# A feeling in a "när"- or "om"-clause is the condition of something else, not the difficulty ("söker sig till en vuxen
# när hen blir ledsen", "någon att gå till om hon blir ledsen", "ska ha en vuxen att gå till när det är jobbigt");
# "[BARN] blir ledsen när ..." stays a need, and so does what the child does (crying, hitting) in such a clause.
WHEN_STATE = folded_re(r"(?:trött|ledsen|ledsna|arg|rädd|orolig|jobbig|stressad|ont)\w*(?: i)?", re.I)
# The opening of such a clause up to the feeling: subject and at most a linking verb or degree word ("när hen blir ",
# "om jag får ", "när hen "), not a fronted clause and the main clause's verb ("När hen kommer gråter hen").
WHEN_FEELING_CLAUSE = folded_re(r"\b(?:när|ifall|om)\s+(?:\[BARN\]|barnet|eleven|ungdomen|hen|han|hon|jag|du|det)\s+"
                                r"(?:(?:blir|är|blev|var|varit|blivit|har|hade|känner|kände|får|fick|mår|sig|lite|mycket|"
                                r"väldigt|så|extra)\s+){0,3}"
                                # a second feeling joined to the first ("När [BARN] blir ledsen eller arg ...")
                                r"(?:(?:trött|ledsen|ledsna|arg|rädd|orolig|jobbig|stressad)\w*\s+(?:eller|och)\s+)?$",
                                re.I)
# "när"/"om" after a verb of noticing, telling or asking opens an indirect question, which tells the feeling
# ("Personalen ska förstå när jag blir rädd i hallen"): a need, not a condition.
TOLD_WHEN = folded_re(r"\b(?:förstå\w*|se|ser|märk\w*|känn\w* igen|upptäck\w*|veta|vet|visa\w*|berätta\w*|säg\w*|sa|"
                      r"fråga\w*|undr\w*)\s+(?:\S+\s+)?(?:när|om)\s+\S+\s+(?:\S+\s+){0,2}$", re.I)
# Falling asleep or waking told as the child's ordinary routine ("Jag somnar oftast vid sju", "jag vaknar ungefär halv
# sex", "somnar bäst om någon sitter bredvid mig", "jag somnar när pappa sjunger", "När jag vaknar på morgonen vill jag
# ...", "Vid vilan somnar [BARN] med nappen"): a description of everyday life, no difficulty (GUIDELINES 3: a concrete need is a difficulty or what the child
# needs help with, "behöver hjälp att somna"); with a sign of trouble in the sentence ("somnar oftast först efter
# midnatt", "vaknar flera gånger per natt", "somnar på lektionerna") it stays a need.
SLEEP_WORD = folded_re(r"somna[rt]?|somnade|vaknar|vaknade", re.I)
SLEEP_ROUTINE_AFTER = folded_re(r"\s+(?:(?:jag|hen|han|hon|\[BARN\])\s+)?(?:(?:oftast|för det mesta|vanligtvis|ungefär|runt|"
                                r"bäst|helst|gott|lätt|snabbt|"
                                # the next event of a narrative ("Hen somnade sedan i vagnen"), e.g. of the meeting
                                r"sedan|då)\b|när\s+(?:mamma|pappa|någon|en vuxen|\[VH\d?\])\s|"
                                r"med\s+(?:sin\s+|sitt\s+)?(?:napp\w*|gosedjur\w*|snutte\w*|nalle\w*))", re.I)
SLEEP_ROUTINE_BEFORE = folded_re(r"\b(?:när|tills|innan)\s+(?:\[BARN\]|barnet|hen|han|hon|jag|du)\s+$", re.I)
SLEEP_TROUBLE = folded_re(r"\b(?:sent|sena|sällan|först|inte|aldrig|svårt|svår|lång tid|bara|midnatt|natt\w*|nätter\w*|"
                          r"\d+\s*(?:ggr|gånger)|flera|tidigt|lektion\w*|klassrum\w*|skolan|gråt\w*|skrik\w*|rädd\w*|"
                          r"orolig\w*|mardröm\w*)\b", re.I)


def _sleep_routine(text: str, at: int, word: str, clause: str) -> bool:
    """The sleep word at offset `at` of the line tells the child's routine (`SLEEP_ROUTINE_AFTER` after it, or a "när"/
    "tills" clause of the child before it) and its sentence shows no trouble (`SLEEP_TROUBLE`)."""
    after = text[at + len(word):]
    sentence = " ".join(clause.split()[-3:] + [word]) + re.split(r"[.!?;]\s|[.!?;]$", after)[0]  # its own clause
    return ((bool(SLEEP_ROUTINE_AFTER.match(after)) or bool(SLEEP_ROUTINE_BEFORE.search(clause)))
            and not _search_ci(SLEEP_TROUBLE, sentence))


# Tiredness the text only says may come ("De dagarna kan hen vara extra trött"): an ordinary state, no difficulty.
MAY_BE_CLAUSE = folded_re(r"\bkan\s+(?:(?:\[BARN\]|barnet|eleven|hen|han|hon|jag|du)\s+)?(?:\S+\s+)?(?:vara|bli)\s+"
                          r"(?:\S+\s+)?$", re.I)
# How the case came in or the child was placed ("Ärendet aktualiserades genom en orosanmälan efter att [BARN] ...",
# "[BARN] placerades på HVB efter en period med ...", a clinician's "remitterades med frågeställning om ..."): what it
# tells is history or a question, not the child's needs now
# (GUIDELINES 3 and 4.1: only history = partial).
CASE_HISTORY = folded_re(r"\b(?:aktualiserades|aktualiserats|(?:anmälan|orosanmälan|underrättelse) inkom|inkom (?:en |ytterligare en )?"
                         r"(?:anmälan|orosanmälan)|placerades|omhändertogs|remitterades|remitterats|remissen inkom|"
                         r"(?:med |remissens )?frågeställning(?:en)? (?:om|kring|gällande|avseende))\b", re.I)
# That the child "has it hard" says there is a difficulty, not which ("[BARN] har det fortfarande jobbigt i skolan"):
# a vague need (GUIDELINES 3).
HAS_IT_HARD = folded_re(r"\b(?:har|hade)\s+(?:haft\s+)?det\s+(?:\w+\s+)?(?:(?:lite|ganska|väldigt|mycket|så)\s+)?$", re.I)
# A time or a place that "is hard" says where, not what ("[VH1]: Han säger att morgnarna är jobbiga", "Rasterna
# är jobbiga"): vague like "har det jobbigt" (GUIDELINES 3); "det är jobbigt när ..." says what.
HARD_WHERE = folded_re(r"\b(?:morgn\w*|morgonen|kvällar\w*|kvällen|nätter\w*|natten|raste\w*|lektion\w*|skolan|skoldag\w*|"
                       r"förskolan|fritids|hemma|helg\w*|måndag\w*|matsalen|lunch\w*|idrott\w*)\s+(?:är|var|blir|känns|"
                       r"kändes|har varit)\s+(?:(?:lite|ganska|väldigt|mycket|så|extra|mest|fortfarande|ofta)\s+)?$", re.I)
# Leaving a room now and then, in a "när"-clause of an arrangement ("vill välja vilken vuxen hon går till när hon
# behöver gå ut från lektionen"): a condition, not a described need.
NEEDS_TO_LEAVE = folded_re(r"behöver (?:\w+ )?(?:gå|komma) (?:ut|ifrån|iväg|därifrån|undan)\b", re.I)
# A difficulty in a sentence or clause that opens with "om"/"ifall" is a condition of a safety plan or an agreement (or
# what to do then), not the child's situation ("Om [BARN] inte kommer till skolan ringer ...", "- Om det blir bråk hemma och [BARN] känner sig rädd ...").
CONDITION_CLAUSE = folded_re(r"^\W*(?:[^\W\d][\w ]{0,25}:\s*)?(?:och\s+|men\s+|eller\s+)?(?:om|ifall)\s", re.I)
# A concession about what may come ("även om det blir svårt att komma dit", "också om det skulle bli jobbigt"): a
# difficulty the speaker supposes, not the child's situation now (GUIDELINES 3: needs_described reads what the child
# has difficulty with; "även om hen har svårt ..." with a present verb stays a described need).
SUPPOSED_CONCESSION = folded_re(r"^\W*(?:och\s+|men\s+)?(?:även|också|till och med)\s+om\s+(?:\S+\s+){0,3}?"
                                r"(?:blir|skulle|kommer att)\b", re.I)
# A difficulty in what someone wishes or fears the child will do is no description of the child's situation ("vill inte
# att [BARN] ska stanna hemma för hennes skull", "rädd att [BARN] ska tappa lusten", "rädd att [BARN] ska märka att hon
# är ledsen").
WISHED_CLAUSE = folded_re(r"\b(?:vill|ville|önskar|önskade|rädd|rädda)\s+(?:inte\s+)?att\s+(?:\[BARN\]|barnet|eleven|"
                          r"ungdomen|hen|han|hon)\s+(?:inte\s+)?(?:ska|skall|kommer att)\s+(?:\S+\s+){0,5}$", re.I)


# The legal process around an offence ("misstänkt för olaga hot", "anmäld för misshandel", "åtalsunderlåtelse för
# snatteriet", "greps för ringa narkotikabrott", "dömd till ungdomstjänst"): a difficulty word in its clause names the
# offence or the sanction, not what the young person needs (GUIDELINES 4, youth justice; 4.1: a plan only about the
# court process and the sanctions shows no need).
LEGAL_PROCESS_CLAUSE = folded_re(r"\b(?:misstänk\w*|brottsmisstank\w*|anmäld\w* för|polisanmäl\w*|dömd\w*|döms|dömdes|åtal\w*|"
                                 r"gripen|greps|anhållen|anhölls|häktad\w*|förhör\w*|lagförd\w*|ungdomstjänst\w*|"
                                 r"påföljd\w*|huvudförhandling\w*|rättegång\w*)\b", re.I)
# Difficulty words that name an offence ("olaga hot", "snatteri", "narkotikabrott", "kränkning"): in a sentence about
# the legal process they are the offence even in a later clause ("misstänkt misshandel + olaga hot, kränkn.anm pågår").
OFFENCE_WORD = folded_re(r"(?:hot|våld|brott|stjäl|snatt|kränk|droger|narkotika|cannabis|hasch)\w*", re.I)


# A difficulty the writers present as their guess ("[BARN] verkar tycka att det är jobbigt ..., men det är vår tolkning",
# "vi tänker att hen kanske har svårt ..."), or reported as unverified information ("med hänvisning till uppgifter om
# självskadande beteende"): a hedged need, no concrete description (GUIDELINES 4, block 51).
HEDGED_NEED = folded_re(r"\b(?:kanske|möjligen|möjligtvis|eventuellt|vår tolkning|vi uppfattar att|vi tror att|vi tänker att|"
                        r"verkar (?:\w+ )?tycka|uppgifter om)\b", re.I)
# A need area named as a bare noun after a preposition or "och" ("problem med sömnen", "rutiner kring sömn", "mat och
# sömn"): it says where, not what (GUIDELINES 3: vague); "Sömnen beskrivs som oregelbunden" describes it.
BARE_AREA_NOUN = folded_re(r"sömn(?:en)?", re.I)
AREA_NOUN_LEAD = folded_re(r"\b(?:om|med|kring|runt|för|av|och|gällande|avseende)\s+$", re.I)


# The end of a sentence, also inside a closing quote ("”Jag vill inte att pappa kommer.” ”När det är bråk hemma ...”"):
# a quoted sentence ends at its own stop, so a person named in it does not hold the next sentence's difficulty.
NEED_SENTENCE_END = re.compile(r"[.!?;][”\"'’»]?\s")


# What tiredness means in the child's day: what the child needs or does then ("blir trött efter lunch och behöver vila",
# "vill då helst sitta i knät", "ett lugnt rum kan behövas", "somnar på lektionerna").
TIREDNESS_MEANING = folded_re(r"\b(?:behöv\w*|då|vila\w*|somna\w*|sover|sova)\b", re.I)


def _bare_tiredness(s: Segment, at: int, before: str) -> bool:
    """The tiredness word at offset `at` of the segment stands in a sentence (`before` is its part up to the word) that
    says neither what the tiredness means in the child's day (`TIREDNESS_MEANING`) nor how often (`ABSENCE_AMOUNT`:
    "trött i skolan varje förmiddag"): "[BARN] är trött", "verkar trött när de ses", "är tröttare i år" name a state
    without its meaning in everyday life, a vague need (GUIDELINES 3: partial is vague, like a diagnosis without what
    it means in daily life)."""
    sentence = before + " " + NEED_SENTENCE_END.split(s.text[at:])[0]
    return not _search_ci(TIREDNESS_MEANING, sentence) and not _search_ci(ABSENCE_AMOUNT, sentence)


def _hedged_need(s: Segment, at: int, before: str) -> bool:
    """The sentence of the difficulty at offset `at` of the segment (`before` is its part up to the difficulty)
    gives it as the writers' guess (`HEDGED_NEED`)."""
    return bool(_search_ci(HEDGED_NEED, before + " " + NEED_SENTENCE_END.split(s.text[at:])[0]))


# Support asked for around a difficulty ("behöver stöd för att hantera sin ilska", "behöver hjälp kring konflikter"):
# "behöver stöd" with a topic, not what happens in the child's daily life (GUIDELINES 3: vague).
SUPPORT_AROUND = folded_re(r"\bbehöver (?:\w+ )?(?:stöd|hjälp) (?:(?:för|med) att hantera|att hantera|kring|runt|gällande|"
                           r"avseende|när det gäller) (?:(?:sin|sina|min|mina|hans|hennes|hens|\w+s) )?$", re.I)
# A risk the network assesses ("risken för fortsatt brottslighet är förhöjd", "risk för återfall i droger"): assessment
# language, which names the difficulty without the child's daily life (GUIDELINES 4.1: vague, like a severity grade).
RISK_OF = folded_re(r"\brisk(?:en)?\s+för\s+(?:\w+\s+){0,2}$", re.I)
# What a "har svårt med" is about when it is all of school or everything ("Jag har svårt med skolan", "har svårt med
# allt", "har fortsatt svårt med sömnen"): a difficulty with no content (GUIDELINES 3: vague, like "har det jobbigt i
# skolan").
WHOLE_DOMAIN = folded_re(r"\s*(?:skolan|förskolan|skolarbetet|skoldagen|skolgången|maten|sömnen|vardagen|allt|det mesta|mycket)\s*(?:[.!;,]|$|\s(?:och|men|sedan)\b)",
                         re.I)
# A difficulty that is the topic of talk or information ("vem i klassen som får veta om anfallen", "samtal om ilska
# och konflikter", "information om ångest", "tankar om sömnen", "Kontakt med Första linjen om [BARN]s sömn", "Möte mellan
# mentor och [VH1] om frånvaron"): what is talked or thought about, not the child's situation.
TALK_TOPIC = folded_re(r"\b(?:veta|vet|prata|pratar|samtal|samtalar|information|info|informera\w*|utbildning|tankar|funderingar|"
                       r"psykoedukation|(?:kontakt|möte|samtal)\s+(?:med|mellan)\s+(?:\S+\s+){1,4}?)\s*(?:om|kring)\s+"
                       r"(?:\S+\s+){0,2}$|"
                       # what the adults note or record ("noterar varje dag om [BARN] somnar i klassrummet"): a monitoring
                       # activity, whose object is no description of the child's situation
                       r"\b(?:noterar|noteras|registrerar|registreras|dokumenterar|dokumenteras|skriver upp)\s+(?:\S+\s+){0,3}?"
                       r"(?:om|hur ofta|när)\s+(?:\S+\s+){0,2}$", re.I)


# A difficulty that a goal says the child will manage without ("ska kunna ta emot ett nej utan att det blir bråk", "ska
# kunna vara ute på rasterna utan att bli utsatt"): the goal's level, a need read only out of the goal (GUIDELINES 4.1).
AVOIDED_IN_GOAL = folded_re(r"\b(?:ska|skall)\b[^.;]*\butan att\s+(?:\S+\s+){0,3}$", re.I)
# What an arrangement is made to prevent ("Mötet hålls efter skoldagens slut så att [BARN] inte missar lektioner",
# "för att hon inte ska bli trött"): a purpose, no difficulty the child has now (GUIDELINES 3: needs_described is
# the child's situation; block 91: long plans' practical notes).
AVOIDED_PURPOSE = folded_re(r"\b(?:så att|för att)\s+(?:\[BARN\]|barnet|eleven|ungdomen|hen|han|hon)\s+inte\s+"
                            r"(?:ska\s+|skall\s+|behöver\s+)?(?:\S+\s+){0,1}$", re.I)


def _search_ci(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for an re.IGNORECASE pattern, run on the lower-cased text where offsets allow (the
    match's offsets are the same; its text is lower-cased)."""
    low = lower_case_text(text)
    return pattern.search(text) if low is None else lower_case_variant(pattern).search(low)


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    """False only where the lower-cased text holds none of `cues`: lower-cased pieces of which every match of an
    re.IGNORECASE pattern holds one, so that the pattern need not be run (True where lower-casing moves offsets)."""
    low = lower_case_text(text)
    return low is None or any(cue in low for cue in cues)


def _finditer_lowered(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` as `_search_ci` runs `search`."""
    low = lower_case_text(text)
    return pattern.finditer(text) if low is None else lower_case_variant(pattern).finditer(low)


def _finditer_ci(pattern: re.Pattern[str], text: str, low: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, run on the lower-cased text when lower-casing keeps every offset."""
    return lower_case_variant(pattern).finditer(low) if len(low) == len(text) else pattern.finditer(text)


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


# Reported speech: a guardian's account of the child's situation ("Föräldrarna berättar att ...").
REPORTED = folded_re(r"\b(?:berättar|berättade|beskriver|beskrev|upplever|uppger|uppgav|säger|sa|sade|har sagt)\s+att\b", re.I)


def _need_about_child(s: Segment, at: int, voice: _NeedVoice | None = None, section: str | None = None) -> bool | None:
    """Whether the difficulty at offset `at` of the segment is the child's: True when the last person named
    before it in its sentence is the child, False when it is a guardian or another adult ("Mamma är orolig",
    "Hon är rädd att ..." under the parents' views), None when no person is named. `voice` says who "jag" is
    and where a speaker's label ends (the speaker names nobody in the sentence); `section` is the heading the
    segment stands under when a numbered line heads it ("7. Vad mamma säger"), else the segment's own. The whole
    family ("familjen") counts as the child's here, and `_family_need` makes the need vague."""
    voice = voice or _NeedVoice()
    before, holders = _need_holders(s, at, voice)
    adult_turn = voice.in_turn and not voice.first_person_child  # "vi" in an adult's turn: the speaker's side
    holders = [("child" if voice.first_person_child else "adult") if k == "first" else "adult" if k == "we" else k
               for k in holders if k != "we" or adult_turn]
    told = list(REPORTED.finditer(before))
    if (told and GUARDIAN.search(before, 0, told[-1].start())
            and not any(NEED_HOLDER.finditer(before, told[-1].end()))):
        return True  # "Föräldrarna berättar att måltiderna tar över en timme och att det blir gråt" (GUIDELINES 4.1)
    if not holders:
        return None
    if holders[-1] == "family":
        return True  # the family includes the child: a need, but the family's (`_family_need`)
    named = [k for k in holders if k not in ("pronoun", "family")]
    if holders[-1] == "pronoun" and not named:
        # "han"/"hon" alone: the child in a speaker's turn ("Pappa: Hon säger att ..."), a guardian under the
        # guardians' heading, otherwise the child
        return voice.in_turn or not GUARDIAN_SECTION.search(s.section if section is None else section)
    return named[-1] == "child"


def _family_need(s: Segment, at: int, voice: _NeedVoice) -> bool:
    """The difficulty at offset `at` of the segment is told of the whole family ("Familjen har haft en orolig tid",
    "Att familjen bor kvar i området där hoten har kommit"): the family's situation rather than the child's, so a
    vague need (GUIDELINES 3: "familjen behöver hjälp" = partial)."""
    holders = _need_holders(s, at, voice)[1]
    return bool(holders) and holders[-1] == "family"


def _need_holders(s: Segment, at: int, voice: _NeedVoice) -> tuple[str, list[str]]:
    """The sentence before the difficulty at offset `at` of the segment (from where the speaker's label ends), and
    the kind of each person named in it (`NEED_HOLDER`'s groups), in order."""
    before = NEED_SENTENCE_END.split(s.text[voice.body_at:at])[-1]
    return before, [m.lastgroup for m in NEED_HOLDER.finditer(before) if not NOT_A_HOLDER.search(before, 0, m.start())]


@dataclass(frozen=True)
class _NeedVoice:
    """Who speaks in a segment, for reading whose a difficulty is: "jag" is the child (the child's own plan or
    turn) or an adult (a plan the guardians wrote, an adult's turn in the minutes); `body_at` is where the text
    after a speaker's label ("Mamma:", "09.12 Skolan:") starts."""

    first_person_child: bool = True
    in_turn: bool = False
    body_at: int = 0
    guardian_turn: bool = False


# A plan written by the guardians (or another adult close to the child) in their own words: "jag"/"vi" are the
# adults ("Vår plan för [BARN]", "Skrivet av pappa ([VH2])", "Det här har vi, [VH2] och [VH1], skrivit",
# "jag ([NAMN_4], mormor)").
_AUTHOR_KIN = r"(?:mamma|pappa|föräldr\w*|vårdnadshavar\w*|mormor|morfar|farmor|farfar|\[VH\d?\])"
GUARDIAN_AUTHORED = folded_re(
    rf"\bvår plan för\b|\bvi som föräldrar\b|\b(?:skrivet|skriven|skrivit|skrev|skriver)\s+(?!under\b|på\b)(?:\S+\s+){{0,4}}?"
    rf"av\s+(?:oss\s+)?{_AUTHOR_KIN}|\b(?:vi|jag),?\s+\[VH\d?\]|\bjag\s+\((?:\[[A-Z_0-9]+\],?\s*)?{_AUTHOR_KIN}\)",
    re.I)
CHILD_SPEAKER = re.compile(r"(?<!\w)(?:\[BARN\]|barnet|eleven|ungdomen)(?!\w)", re.I)


def _mail_voice(ctx: Context, s: Segment) -> _NeedVoice | None:
    """In an e-mail thread "jag" is the mail's sender (`mail_sender`): the child only in the child's own mail
    (GUIDELINES 4: the thread is the plan); None outside a thread or before its first mail."""
    sender = mail_sender(ctx, s.start)
    return _NeedVoice(sender == "child") if sender is not None else None


def _need_voice(ctx: Context, s: Segment, adult_plan: bool) -> _NeedVoice:
    """The speaker of the segment's line when the line is a turn of the minutes (a `SPEAKER_LABEL` naming a
    person, a guardian, a role or an agency), the mail's sender in an e-mail thread, else the plan's own first
    person."""
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    m = SPEAKER_LABEL.match(ctx.text, line_at)
    if m and m.end() <= s.end:
        who = m.group("who")
        a, b = m.start("who"), m.end("who")
        person = (PERSON_REF.search(who) or GUARDIAN.fullmatch(who.split(" (")[0].strip())
                  or any(a <= x < b for x, _, _ in ctx.actors) or any(a <= x < b for x, _, _ in ctx.roles))
        if person and len(who.split()) <= 4 and not NEED_LINE_LABEL.match(who + ":"):
            child = bool(CHILD_SPEAKER.search(who)) and not GUARDIAN.search(who) and len(PERSON_REF.findall(who)) <= 1
            return _NeedVoice(child, True, max(0, m.end() - s.start),
                              bool(GUARDIAN.fullmatch(who.split(" (")[0].strip())))
    return _contribution_voice(ctx, s) or _mail_voice(ctx, s) or _NeedVoice(not adult_plan)


# The title of an agency's or a person's contribution to a compiled plan, framed by rules ("——— Mammas mejl ———",
# "=== Från BUP ===", "--- Skolan ---"): who wrote what follows.
CONTRIBUTION_TITLE = re.compile(r"^[ \t]*[-–—=_*#]{3,}[ \t]*(?P<who>[^-–—=_*#\s][^\n]{0,80}?)[ \t]*[-–—=_*#]{3,}[ \t]*$", re.M)


def _contribution_voice(ctx: Context, s: Segment) -> _NeedVoice | None:
    """In a plan compiled from contributions under framed titles (CONTRIBUTION_TITLE), "jag" and "vi" are the
    contribution's writer (GUIDELINES 4, block 81): the child only in the child's own contribution; None before the
    first title or in a plan without them."""
    titles = _cached(ctx, "contribution_titles",
                     lambda c: [(m.start(), m.group("who")) for m in CONTRIBUTION_TITLE.finditer(c.text)])
    i = bisect.bisect_right([a for a, _ in titles], s.start) - 1
    if i < 0:
        return None
    who = titles[i][1]
    guardian = bool(GUARDIAN.search(who))
    child = not guardian and bool(re.search(r"\[BARN\]|\bbarnet\b|\beleven\b|\bungdomen\b", who, re.I))
    return _NeedVoice(child, guardian_turn=guardian)


def _adults_need(s: Segment, needs: list[int], voice: _NeedVoice) -> bool:
    """Every need word in the segment is an adult's own ("[VH2] har svårt att komma ifrån jobbet",
    "[VH1] undrade om barnmedicin behöver vara med"); a guardian's worry is about the child (GUIDELINES 4.1:
    needs told by the guardians count)."""
    starts = needs[bisect.bisect_left(needs, s.start):bisect.bisect_left(needs, s.end)]
    return not WORRY.search(s.text) and all(_need_about_child(s, at - s.start, voice) is False for at in starts)


# A bracketed note that marks text left from an earlier plan as no longer valid ("[Text från föregående plan – stryk]",
# "[Från förra årets plan – gäller ej längre]", "[stryks]"), and the note that closes such a passage ("[Slut på text från
# föregående plan]"): GUIDELINES 4 (block 47), leftovers the text says no longer apply count for nothing.
LEFTOVER_MARK = folded_re(r"\[[^\[\]\n]{0,80}?\b(?:stryk\w*|gäller (?:ej|inte) längre|(?:ej|inte) längre aktuell\w*|"
                          r"inaktuell\w*)[^\[\]\n]{0,80}\]", re.I)
LEFTOVER_END = folded_re(r"\[\s*slut\b[^\[\]\n]{0,80}\]", re.I)


def _find_leftovers(ctx: Context) -> list[tuple[int, int]]:
    """(start, end) of each passage marked as left from an earlier plan (`LEFTOVER_MARK`): the rest of the marker's
    line; when the marker stands alone on its line, up to the closing note (`LEFTOVER_END`) or else the end of the
    paragraph."""
    text, spans = ctx.text, []
    for m in _finditer_lowered(LEFTOVER_MARK, text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        close = None if text[m.end():line_end].strip() else _search_ci(LEFTOVER_END, text[m.end():])
        if text[m.end():line_end].strip():
            end = line_end
        elif close is not None:
            end = m.end() + close.end()
        else:
            blank = text.find("\n\n", line_end)
            end = len(text) if blank < 0 else blank
        spans.append((m.start(), end))
    return spans


def _in_leftover(ctx: Context, s: Segment) -> bool:
    """The segment lies in a passage left from an earlier plan that the text marks as no longer valid."""
    return _in_spans_of(_cached(ctx, "leftovers", _find_leftovers), s.start)


# A heading for what has not worked, in a follow-up's review ("Gick mindre bra:", "Det som inte fungerar", "Vad har gått
# sämre"): what it lists are the child's difficulties now (GUIDELINES 3).
TROUBLE_SECTION = folded_re(r"\b(?:(?:gick|går|har gått|gått|fungerar|fungerade|fungerat) (?:mindre bra|sämre|dåligt|inte)|"
                            r"mindre bra|inte (?:fungerar|fungerat|fungerade|gick|gått)\b)", re.I)


def _is_need_context(s: Segment) -> bool:
    """The segment stands under a needs/background heading, a heading for what has not worked, or after a
    "Behov:"-like label."""
    return bool(NEED_SECTION.search(s.section) or TROUBLE_SECTION.search(s.section) or NEED_LINE_LABEL.match(s.text))


# A slide's marker in a deck exported to text ("Bild 4: Bakgrund", "Slide 2 – Nuläge", "--- Bild 3 ---" with the title
# on the next line): the slide's title heads its bullets and speaker notes.
SLIDE_MARKER = re.compile(r"^[ \t]*(?:-{2,}[ \t]*)?(?:bild|slide)[ \t]+\d{1,2}\b[ \t]*(?:[:.–-][ \t]*)?(?P<title>[^\n]*?)[ \t-]*$",
                          re.I | re.M)


def _find_slide_titles(ctx: Context) -> list[tuple[int, str]]:
    """(start, title) of each slide, in order; the title is the marker's own or the next line's."""
    slides = []
    for m in SLIDE_MARKER.finditer(ctx.text):
        title = m.group("title")
        if not title.strip():
            following = ctx.text[m.end():].lstrip("\n").split("\n", 1)[0]
            title = following
        slides.append((m.start(), title))
    return slides


def _title_of_slide(ctx: Context, s: Segment) -> str:
    """The title of the slide the segment is on, '' outside a slide deck."""
    slides = _cached(ctx, "slide_titles", _find_slide_titles)
    i = bisect.bisect_right([a for a, _ in slides], s.start) - 1
    return slides[i][1] if i >= 0 else ""


def _find_pseudo_sections(ctx: Context) -> dict[int, str]:
    """The title of the line that works as a heading (`_pseudo_heading`: "Del 1 – Nuläge och behov" in a sheet
    exported as text) over each later segment, up to the next heading, keyed by the segment's start."""
    titles, current = {}, None
    for s in ctx.segs:
        if s.is_heading:
            current = None
            continue
        pseudo = _pseudo_heading(ctx, s)
        if pseudo is not None:
            current = pseudo
        elif current is not None:
            titles[s.start] = current
    return titles


# A paragraph's number and title in minutes ("§ 5 Bakgrund", "§ 3. Aktuell situation", "§ 1 b Presentation", "§ 4
# Nuläge: [BARN] ..."): GUIDELINES 4 (block 63) reads the paragraphs as sections; `rest` is what follows the title on
# its line.
MINUTES_PARAGRAPH = re.compile(rf"^[ \t]*{PARAGRAPH_MARK}[ \t]*[.:]?[ \t]*(?P<title>[^\n.:!?]{{1,50}})(?P<rest>[^\n]*)",
                               re.I | re.M)


def _find_paragraph_titles(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, title) of each minutes paragraph's opening: `end` is the end of its line when the line holds the
    title only, else the end of the title."""
    found = []
    for m in MINUTES_PARAGRAPH.finditer(ctx.text):
        bare = not m.group("rest").strip(" \t.:")
        found.append((m.start(), m.end() if bare else m.end("title"), m.group("title").strip()))
    return found


def _paragraph_at(ctx: Context, s: Segment) -> tuple[int, int, str] | None:
    """The opening of the minutes paragraph the segment is in (None outside minutes)."""
    titles = _cached(ctx, "paragraph_titles", _find_paragraph_titles)
    i = bisect.bisect_right([a for a, _, _ in titles], s.start) - 1
    return titles[i] if i >= 0 else None


def _paragraph_title(ctx: Context, s: Segment) -> str:
    """The title of the minutes paragraph the segment is in ('' outside minutes)."""
    at = _paragraph_at(ctx, s)
    return at[2] if at else ""


def _paragraph_title_line(ctx: Context, s: Segment) -> bool:
    """The segment is a minutes paragraph's bare title line ("§ 5 Bakgrund och behov"): it names a topic only."""
    at = _paragraph_at(ctx, s)
    return at is not None and s.end <= at[1] and not ctx.text[s.end:at[1]].strip(" \t.:")


# A question that heads the needs in a plan written to the child ("Varför finns planen?", "Vad är svårt just nu?",
# "Hur är det nu?"): GUIDELINES 4 (block 62) reads the child-friendly headings as the plan's sections.
NEED_QUESTION = folded_re(r"\b(?:varför|svårt|svåra|jobbigt|jobbiga|tufft|hur är det|hur mår|vad har hänt|"
                          r"bekymr\w*|oro\w*)\b", re.I)


def _question_heading(ctx: Context, s: Segment) -> bool:
    """A short unnumbered question alone on its line, not a speaker's turn ("Vad är svårt just nu?", not "[VH2]:
    Behöver vi ...?" or a form's numbered prompt "1. Varför har vi det här mötet?"): a child-friendly section
    heading."""
    text = s.text.strip()
    if (not QUESTION_LINE.search(text) or ":" in text or len(text.split()) > 8 or not _starts_line(ctx, s)
            or not text[0].isalpha()):
        return False
    line_end = ctx.text.find("\n", s.end)
    return not ctx.text[s.end:line_end if line_end >= 0 else len(ctx.text)].strip()


def _find_question_titles(ctx: Context) -> dict[int, str]:
    """The question heading (`_question_heading`) over each later segment, up to the next heading or question
    heading, keyed by the segment's start."""
    titles, current = {}, None
    for s in ctx.segs:
        if s.is_heading:
            current = None
        elif _question_heading(ctx, s):
            current = s.text.strip()
        elif current is not None:
            titles[s.start] = current
    return titles


def _need_context(ctx: Context, s: Segment) -> bool:
    """`_is_need_context`, also under a label that opens the segment's line ("**Läget:** ... Skov sedan augusti"),
    a slide titled for the needs ("Bild 4: Bakgrund"), a line that works as a needs heading ("Del 1 – Nuläge"), a
    minutes paragraph titled for the needs ("§ 5 Bakgrund") or a question heading about them ("Vad är svårt?")."""
    if _is_need_context(s):
        return True
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    return (line_at < s.start and bool(NEED_LINE_LABEL.match(ctx.text[line_at:s.end]))
            or bool(NEED_SECTION.search(_title_of_slide(ctx, s)))
            or bool(NEED_SECTION.search(_cached(ctx, "pseudo_sections", _find_pseudo_sections).get(s.start, "")))
            or bool(NEED_SECTION.search(_paragraph_title(ctx, s)))
            or bool(_search_ci(NEED_QUESTION, _cached(ctx, "question_titles", _find_question_titles).get(s.start, ""))))


# A label left empty ("Behov: –", "Oro:").
EMPTY_LABEL = re.compile(r"^[^:]{1,40}:[\s–—-]*$")
# A label whose value is a form's placeholder or a note to fill it in later ("Barnets behov: [fyll i]", "Behov: Klicka
# här för att ange text", "Bakgrund: ??", "Behov: XX"): GUIDELINES 4, a placeholder shows nothing.
PLACEHOLDER_LABEL = folded_re(rf"^[^:]{{1,40}}:\s*(?:{PLACEHOLDER}|klicka här\b[^\n]*|fyll(?:s)? i\b[^\n]*|todo\b[^\n]*|"
                              r"\?+|xx+|…|\.{3})[\s.–—-]*$", re.I)
# The cells of a spreadsheet row exported as text: separated by semicolons, tabs or bars ("Område;Behov;Mål;Insats").
SHEET_CELL_SEP = re.compile(r"\s*[;\t|]\s*")
# A column title of such a sheet: one to three words without digits ("Område", "Klart senast", "Vem gör vad").
SHEET_TITLE_CELL = re.compile(r"^[^\W\d][^\W\d]*(?:[ /.-]+[^\W\d]+){0,2}\.?$")
# A form's row in a markdown table: a prompt cell and an answer cell ("| Det här är jobbigt för mig | ... |").
FORM_ROW = re.compile(r"^\s*\|(?P<prompt>[^|\n]+)\|[^|\n]*[^|\s][^|\n]*\|?\s*$")


def _form_prompt_end(text: str) -> int:
    """Where the answer starts in a two-cell form row (0 for other lines): the prompt names the topic; it is
    not the child's situation ("| Det här är jobbigt för mig | [BARN] uttrycker ett behov av struktur |")."""
    m = FORM_ROW.match(text)
    return m.end("prompt") if m and m.group("prompt").strip() else 0


def _needs_column_header(text: str) -> bool:
    """A spreadsheet's header row that names the needs column ("Område;Behov;Mål;Insats;Ansvarig;Klart senast"):
    three or more column titles, one of them a needs title (`NEED_SECTION`)."""
    cells = [c for c in SHEET_CELL_SEP.split(text.strip().strip("|")) if c]
    return (len(cells) >= 3 and all(SHEET_TITLE_CELL.match(c) for c in cells)
            and any(_search_ci(NEED_SECTION, c) and len(c.split()) <= 2 for c in cells))
# A markdown table's separator row ("|---|---|").
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _heading_like(ctx: Context, s: Segment) -> bool:
    """A section title, a table's header row or an empty label: it names a topic, it describes nothing."""
    if EMPTY_LABEL.match(s.text) or _search_ci(PLACEHOLDER_LABEL, s.text) or ":" not in s.text and _pseudo_heading(ctx, s) is not None:  # not "Diagnos: X"
        return True
    if _needs_column_header(s.text) or _paragraph_title_line(ctx, s):
        return True
    line_end = ctx.text.find("\n", s.end)
    return "|" in s.text and line_end >= 0 and bool(TABLE_RULE.match(ctx.text[line_end + 1:]))


# A sentence that opens with a place or a time ("På fritids blir det bråk vid hämtning", "I skolan ..."): the place
# is no agency subject doing something.
PLACE_LEAD = re.compile(r"^\s*(?:(?:[-–•*]|\d{1,2}[.)])\s*)?(?:[^\W\d][\w/ ]{0,20}:\s*)?(?:på|i|vid|hos|under|efter|inför)\s",
                        re.I)


def _need_agency(ctx: Context, s: Segment, body_at: int = 0) -> bool:
    """The line says what an agency or a professional does (then its difficulty words are no need of the child); a
    line that opens with a place or a time has its subject later. A speaker's label is no subject."""
    return not PLACE_LEAD.match(s.text[body_at:]) and _agency_subject(ctx, s, body_at)


# A clause of a speaker's turn that opens with the difficulty itself, a note without a subject ("Skolan: utbrott
# 2–3 ggr/vecka", "Familjehemmet: mardrömmar 3–4 nätter/vecka").
CLAUSE_OPENING = re.compile(r"^\s*(?:(?:[-–•*]|\d{1,2}[.)]|(?:kl\.?\s*)?\d{1,2}[.:]\d{2})\s*)?(?:och\s+)?$", re.I)


def _in_case_history(text: str, at: int) -> bool:
    """The difficulty at offset `at` stands in a sentence that tells how the case came in or the child was placed
    (`CASE_HISTORY`); the sentence may start on an earlier line (a scanned plan keeps its line breaks)."""
    sentence = re.split(r"[.!?;:]\s|\n\s*\n", text[max(0, at - 300):at])[-1]
    return bool(_search_ci(CASE_HISTORY, sentence))


# The parents disagree about the child ("Föräldrarna är inte överens om ...", "vårdnadstvist", "oense"): what one parent
# says of the child in their own turn is that parent's side, not a described need (GUIDELINES 4, block 56: one parent's
# account is a parent speaking).
PARENTS_DISAGREE = folded_re(r"\b(?:(?:är|var) inte (?:överens|eniga)|oense|oeniga|vårdnadstvist\w*|tvist om (?:vårdnad\w*|boende\w*|umgänge\w*)|"
                             r"tycker olika)\b", re.I)


# A section that lists only what already works or what the meeting praises ("Det här fungerar redan", "Det som
# fungerar", "Vi vill lyfta", "Det vi vill se mer av", "Elevens styrkor"): GUIDELINES 4 (block 70, solution-focused
# plans): "det som redan fungerar är inget behov, men det som ska bli bättre är det". A heading that also names the
# difficulties ("Styrkor och svårigheter", "Det som fungerar och inte fungerar") is a needs section as usual.
WORKING_SECTION = folded_re(r"^\W*(?:\d+[.)]?\s*)?(?:(?:det här|det som|detta) (?:redan )?(?:fungerar|går bra)\b|vi vill lyfta\b|"
                            r"det vi vill se mer av\b|(?:\w+s |sip – )?styrkor\b)", re.I)
WORKING_SECTION_NOT = folded_re(r"\b(?:svår\w*|behov\w*|oro\w*|utmaning\w*|hinder|problem\w*|inte|mindre bra|sämre)\b", re.I)


def _working_section(section: str) -> bool:
    """The section heading lists what already works (`WORKING_SECTION`) and names no difficulty."""
    return bool(_search_ci(WORKING_SECTION, section)) and not _search_ci(WORKING_SECTION_NOT, section)


# A form's printed instruction to the one who fills it in, as a labelled line ("Anvisning: Skriv målen så att ...", "Så
# fyller du i blanketten: skriv barnets behov ..."): the template's standard text, which shows nothing about this plan
# (GUIDELINES 4, block 52); its "barnets behov" names no need.
FORM_INSTRUCTION = re.compile(r"[ \t]*(?:anvisning(?:ar)?|instruktion(?:er)?|ifyllnadsanvisning(?:ar)?|"
                              r"så (?:fyller|fylls) (?:du|man)? ?i(?: \w+)?)[ \t]*:", re.I)


def _form_instruction(ctx: Context, s: Segment) -> bool:
    """The segment stands in a line that is a form's instruction (FORM_INSTRUCTION)."""
    return FORM_INSTRUCTION.match(ctx.text, ctx.text.rfind("\n", 0, s.start) + 1) is not None


def need_segments(ctx: Context) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """(concrete, vague, reference): segments describing the child's situation concretely; segments that only
    name a need vaguely (diagnosis, "behöver stöd", a worry without content); segments under a needs heading or
    label that refer the needs to another document.

    The patterns run once over the whole text (not once per segment) to keep the rules fast.
    """
    text = ctx.text
    low = text.lower()
    skip = [(m.start(), m.end()) for m in _finditer_ci(NOT_A_NEED, text, low)]
    skip_starts = [a for a, _ in skip]
    difficulty = [(m.start(), m.group(0)) for m in _finditer_ci(NEED_DIFFICULTY, text, low)
                  if not any(a <= m.start() < b for a, b in skip)]
    diff_starts = [a for a, _ in difficulty]
    ref_spans = [(m.start(), m.end()) for m in _finditer_ci(NEED_REFERENCE, text, low)]
    refs = [a for a, _ in ref_spans]
    # a need word inside a reference to another document ("jag hänvisar till socialtjänstens utredning") names that
    # document, not a need (GUIDELINES 4.1: a reference shows nothing)
    needs = [m.start() for m in _finditer_ci(NEED, text, low) if not any(a <= m.start() < b for a, b in ref_spans)]
    concrete, vague, reference = [], [], []
    adult_plan = bool(_search_ci(GUARDIAN_AUTHORED, text)) and not FIRST_PERSON_PLAN.search(text)
    disputed = bool(_search_ci(PARENTS_DISAGREE, text))
    pseudo_sections = _cached(ctx, "pseudo_sections", _find_pseudo_sections)
    for s in ctx.segs:
        if (s.is_heading or _template_instruction(ctx, s) or _in_leftover(ctx, s) or _paragraph_title_line(ctx, s)
                or _question_heading(ctx, s) or _form_instruction(ctx, s)):
            continue
        if (_any_in(refs, s.start, s.end)
                or _has_cue(s.text, NEED_DEFERRED_CUES) and _search_ci(NEED_DEFERRED, s.text)) and _need_context(ctx, s):
            reference.append(s)
            continue
        voice = _need_voice(ctx, s, adult_plan)
        # a numbered line that works as a heading ("7. Vad mamma säger") heads what follows it
        section = pseudo_sections.get(s.start, s.section)
        if _working_section(section):
            continue  # "Det här fungerar redan: [BARN] somnar i sin egen säng": what works is no need (block 70)
        t = s.text[voice.body_at:]
        agency = _need_agency(ctx, s, voice.body_at)
        i = bisect.bisect_left(diff_starts, s.start)
        kinds, denied = set(), False
        label_end = max(voice.body_at, _form_prompt_end(s.text))
        while i < len(difficulty) and difficulty[i][0] < s.end:
            at, word = difficulty[i]
            i += 1
            if at - s.start < label_end:
                continue  # in the speaker's label or a form's prompt
            sentence = NEED_SENTENCE_END.split(s.text[voice.body_at:at - s.start])[-1]
            clause = re.split(r",\s", sentence)[-1]
            if DIFFICULTY_DENIED.search(clause):
                denied = True
                continue
            leaving = bool(NEEDS_TO_LEAVE.match(s.text, at - s.start))
            feeling = (WHEN_STATE.fullmatch(word) and WHEN_FEELING_CLAUSE.search(clause)
                       and not TOLD_WHEN.search(clause))
            if ((ORDINARY_STATE.fullmatch(word) or leaving) and WHEN_CHILD_CLAUSE.search(clause) or feeling
                    or ORDINARY_STATE.fullmatch(word) and MAY_BE_CLAUSE.search(clause) or WISHED_CLAUSE.search(clause)
                    or AVOIDED_IN_GOAL.search(clause) or AVOIDED_PURPOSE.search(clause)
                    or LEGAL_PROCESS_CLAUSE.search(clause)
                    or CONDITION_CLAUSE.match(clause) or CONDITION_CLAUSE.match(sentence)
                    or SUPPOSED_CONCESSION.match(clause)
                    or OFFENCE_WORD.fullmatch(word) and LEGAL_PROCESS_CLAUSE.search(sentence)
                    or TALK_TOPIC.search(clause)
                    or SLEEP_WORD.fullmatch(word) and _sleep_routine(s.text, at - s.start, word, clause)):
                continue
            child = _need_about_child(s, at - s.start, voice, section)
            if child is None:
                # no person named before it: the child's when the line is about the child or under a needs heading,
                # or when the line drops its subject; in a speaker's turn a dropped subject is the speaker ("Mamma:
                # har gått från att oroa sig till att vara trött"), a note that opens with the difficulty is the child
                # ("Skolan: utbrott 2–3 ggr/vecka")
                if voice.in_turn and voice.first_person_child:
                    dropped = True  # the child's own turn ("[BARN]: Måndagar är värst.")
                elif voice.in_turn:
                    dropped = bool(CLAUSE_OPENING.match(clause)) or voice.first_person_child and bool(SUBJECT_DROPPED.match(t))
                else:
                    dropped = bool(SUBJECT_DROPPED.match(t)) and not GUARDIAN_SECTION.search(section)
                child = not agency and (_child_named(t, voice) or (not ADULT_REF.search(t) and not GUARDIAN.search(t)
                                         and (bool(THIRD_PERSON.search(t)) or _need_context(ctx, s) or dropped)))
            if child:
                vague_word = (NEED_LABEL_WORD.fullmatch(word) or _family_need(s, at - s.start, voice)
                              or ORDINARY_STATE.fullmatch(word) and _bare_tiredness(s, at - s.start, sentence)
                              or ABSENCE_WORD.fullmatch(word) and not _search_ci(ABSENCE_AMOUNT, ITEM_NUMBER_LEAD.sub("", t, count=1))
                              or _in_case_history(text, at)
                              or bool(SEVERITY_GRADE.match(s.text, at - s.start))
                              or bool(HAS_IT_HARD.search(clause) or HARD_WHERE.search(clause))
                              and word.lower().startswith("jobbig")
                              or bool(SUPPORT_AROUND.search(clause)) or bool(RISK_OF.search(clause))
                              or _hedged_need(s, at - s.start, sentence)
                              or bool(BARE_AREA_NOUN.fullmatch(word)) and bool(AREA_NOUN_LEAD.search(clause))
                              or word.lower().startswith(("har svårt", "svårt med", "behöver hjälp med"))
                              and bool(WHOLE_DOMAIN.match(s.text, at - s.start + len(word))))
                kinds.add("vague" if vague_word else "concrete")
        if "concrete" in kinds and voice.guardian_turn and disputed:
            vague.append(s)  # one parent's side in the parents' dispute ("Mamma: ... säger att [BARN] inte vill bo hos pappa")
        elif "concrete" in kinds:
            concrete.append(s)
        elif _heading_like(ctx, s):
            continue  # "3. DET VI OROAR OSS FÖR", "| Det som är bra | Det vi undrar över |", "Behov: –"
        elif kinds or (not denied and _any_in(needs, s.start + voice.body_at, s.end)
                       and not _any_in(skip_starts, s.start, s.end) and not agency and not _adults_need(s, needs, voice)):
            vague.append(s)
    return concrete, vague, reference



# An area of the child's everyday life or functioning that a goal or an intervention is about (GUIDELINES 4.1: when
# the plan does not describe the needs as the child's situation, goals and interventions that show which need areas
# the plan is about make needs_described partial: "[BARN] ska äta tillräckligt", "logoped för språket", "stöd för att
# komma till skolan"). Not the services' own work (samtal, utredning, läkarbesök, överlämning) or the meetings.
NEED_AREA = folded_re(
    r"\b(?:(?:skol)?närvaro\w*|närvara\b|närvarar\b|(?:skol)?frånvar\w*|skolgång\w*|komma (?:iväg )?till (?:skolan|förskolan)|studie(?:plan|gång|handledning|stöd)\w*|"
    r"läxhjälp|läxor|betyg\w*|åtgärdsprogram\w*|(?:extra )?anpassning\w* (?:i|av) (?:klassrummet|undervisningen|skolarbetet)|"
    r"anpassad\w* (?:studiegång|skolgång|schema|idrott|undervisning)|särskilt stöd|läs\w*(?: och |- och )skriv\w*|"
    r"lär(?:a|er) sig|utvecklas i|trivas|trivs|trygg\w*|otrygg\w*|säker\w* (?:hemma|i skolan)|skydd\w*|riskbedömning\w*|"
    r"språk\w*|talet|logoped\w*|kommunik\w*|tecken som stöd|takk|akk|bildstöd|bildschema\w*|svenska|modersmål\w*|"
    r"äta|äter|ätandet|maten|måltid\w*|\w*kost\b|vikt\w*|sond\w*|sömn\w*|sova|sover|somna\w*|vilan|vila efter|"
    r"kompis\w*|kamrat\w*|vänner|leka|leker|leken|lek med|fritiden?\b|fritidsaktivitet\w*|praktik\w*|sommarjobb\w*|feriearbete\w*|idrott\w*|sim(?:ning|skola\w*|lektion\w*)|"
    r"motorik\w*|sjukgymnast\w*|fysioterap\w*|arbetsterap\w*|hörsel\w*|syn(?:en|test|kontroll\w*|undersökning\w*)?\b|"
    r"blodsocker\w*|diabetes|epilepsi\w*|anfall\w*|mående|må (?:bra|bättre)|känslo\w*|självkänsla|ilska|utbrott\w*|"
    r"konflikt\w*|bråk\w*|ångest\w*|nedstämd\w*|självskad\w*|droger|drogtest\w*|urinprov\w*|alkohol|cannabis|"
    r"koncentration\w*|uppmärksamhet\w*|hygien\w*|toalett\w*|blöj\w*|påklädning\w*|självständig\w*|avlastning|"
    r"rymning\w*|kriminalitet|brott\w*)\b", re.I)


def need_area_lines(ctx: Context) -> list[Segment]:
    """Goals and interventions that show which areas of the child's life the plan is about: a goal framed from the
    child's life, or a goal or intervention that names a need area (`NEED_AREA`); a goal about following the plan
    or the meetings shows nothing."""
    found = []
    for s in ctx.goals:
        if (_generic_wellbeing_goal(s.text) or _in_leftover(ctx, s) or _search_ci(PLAN_ONLY_GOAL, s.text)
                or EMPTY_LABEL.match(s.text)):
            continue  # "[BARN] ska må bra", "[BARN] följer boendets schema", an empty "[BARN]s eget mål:": no need area
        if _search_ci(NEED_AREA, s.text) or goal_frame(ctx, s) == "child" or _child_as_relative(s.text):
            found.append(s)
    # an intervention the text leaves open ("ev anpassningar i idrotten", "kanske simskola") is none (GUIDELINES 4,
    # block 51: a proposal left open is no intervention), so it shows no need area either
    found += [s for s in activity_segments(ctx) if s not in found and not _in_leftover(ctx, s)
              and not TENTATIVE_TAIL.match(ITEM_MARK.sub("", s.text, count=1))
              and (_search_ci(NEED_AREA, ROUTINE_CHECKUP.sub(" ", PAPERWORK.sub(" ", s.text))) or _child_as_relative(s.text))]
    return found


# A list item's mark before its text ("– ", "3. ").
ITEM_MARK = re.compile(r"^\s*(?:[-–—•*]|\d{1,2}[.)])\s*")


# Support for the child as the relative of an ill or addicted parent ("anhöriggrupp", "anhörigstödet", "barn som
# anhörig", "gruppen för unga anhöriga"): a need area of the child's life (GUIDELINES 4.1).
RELATIVE_SUPPORT = folded_re(r"\b(?:anhörig(?:grupp|stöd|samtal)\w*|(?:barn|unga|ungdomar) som anhörig\w*|unga anhöriga)\b", re.I)


def _child_as_relative(text: str) -> bool:
    """The line names support for the child as a relative (`RELATIVE_SUPPORT`) and no guardian, whose own support it
    would be otherwise ("samtal mamma, anhörigstöd")."""
    return bool(_search_ci(RELATIVE_SUPPORT, text)) and not GUARDIAN.search(text)


# A routine health visit that every child gets ("5-årsbesöket med syn och hörsel", "hälsokontroll enl. basprogrammet",
# "4-årsbesök med syn- och hörselkontroll"): the services' routine, which shows no need area of this child (GUIDELINES 4.1).
ROUTINE_CHECKUP = folded_re(r"\b(?:\d{1,2}\s?-?\s?års\s?-?(?:besök|kontroll)\w*|hälsokontroll\w*|hälsobesök\w*|basprogram\w*)"
                            r"(?:\s+(?:med|inkl\.?|och)\s+(?:syn|hörsel)[\w-]*(?:\s+och\s+(?:syn|hörsel)\w*)?)?", re.I)
# A goal about the plan or the meetings, which shows no need ("[BARN] ska följa planen", "delta på mötena", "ska ha läst
# planen och sagt ok", "vara med på avstämningarna"; GUIDELINES 4.1: goals like "följa planen" show nothing).
PLAN_ONLY_GOAL = folded_re(r"\b(?:följa (?:planen|sip\w*|överenskommelse\w*)|(?:delta|vara med) (?:på|i|vid) (?:alla |samtliga )?(?:mötet|mötena|"
                           r"möten|sip\w*|avstämning\w*)|(?:läsa|läst|läser|gå igenom|gått igenom|godkänna|godkänt) (?:\w+ )?"
                           # also the plan's points ("Gå igenom förra planens punkter igen")
                           r"(?:planen|planens|sip\w*)\b|(?:följa|följer|vara med på|är med på|delta i|deltar i) (?:\w+s )?\w*schema\w*)",
                           re.I)
# Passing or compiling papers or figures between the agencies ("Överföring av betyg och dokumentation", "mejlar frånvaron
# till HVB", "sammanställer närvarouppgifter för höstterminen", "skickar mina betyg och omdömen"): the agencies'
# paperwork, which shows no need area (GUIDELINES 4.1).
PAPERWORK = folded_re(r"\b(?:överför\w*|sammanställ\w*|skick\w*|mejl\w*|mail\w*|rapporter\w*|vidarebefordr\w*)\b[^.;|\n]{0,25}?"
                      r"\b(?:betyg\w*|omdömen|dokumentation\w*|journal\w*|frånvaro\w*|närvaro\w*)", re.I)


# A goal any child is assumed to have, about well-being in general ("[BARN] ska må bra", "ska ha det bra hemma och i
# skolan", "ska trivas och ha roligt på förskolan", "ska känna sig trygg", "ska ha en bra vardag"): GUIDELINES 3 calls it
# "ett enda allmänt mål"; it shows no area of the child's life that the plan is about.
GENERIC_WELLBEING = folded_re(
    r"\b(?:må (?:bra|bättre)|mår bra|ha (?:det )?(?:bra|roligt|tryggt?|trygt)|ha (?:en |ett )?(?:bra|god|trygg\w*|"
    r"roli\w+)(?: och (?:trygg\w*|roli\w+|bra))? (?:vardag|dag|dagar|tid|skolgång|uppväxt)|ha roliga(?: och trygga)? dagar|"
    r"trivas|trivs|känna sig (?:trygg|glad|nöjd|hemma)|vara (?:trygg|glad|nöjd))\b", re.I)
# A vision in a management template's value words ("ges bästa möjliga förutsättningar att nå sin fulla potential",
# "utifrån ett helhetsperspektiv", "en meningsfull vardag", "med barnets bästa i fokus"): like a generic well-being
# goal it shows no area of the child's life (GUIDELINES 3: value words are no needs; a vision is no goal).
VALUE_VISION = folded_re(
    r"\b(?:(?:ges |få |ha |skapa\w* )?(?:de |goda |bästa |bättre )?(?:möjliga )?förutsättningar(?: (?:för|att|till))?|"
    r"(?:nå|uppnå|utveckla|förverkliga) (?:hela )?(?:sin|sina|hens|hans|hennes) (?:fulla )?(?:potential|förmågor)|"
    r"(?:utifrån|ur|med) (?:ett )?helhetsperspektiv|(?:med |utifrån )?barnets bästa(?: i fokus)?|"
    r"(?:en )?meningsfull(?:t|a)? (?:vardag|tillvaro)|livsglädje|framtidstro|gemensam riktning|samlad kraft)", re.I)
# The abstract nouns that such a vision lists ("trygghet, delaktighet och lärande"): no need area beside it.
VALUE_NOUNS = folded_re(r"\b(?:trygghet|delaktighet|lärande|självständighet|inflytande|tillit|öppenhet|glädje|"
                        r"utveckling|växande|hälsa|välmående|välbefinnande)\b", re.I)
# A goal's list number or letter ("6.1 ", "2. ", "a) ", "– ").
GOAL_NUMBERING = re.compile(r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-z])[.):]?\s+)?")
# Where a generic goal is set ("hemma och i skolan", "på förskolan", "på HVB-hemmet"), which adds no need area.
GENERIC_PLACE = folded_re(r"\b(?:hemma|(?:i|på|hos) (?:skolan|förskolan|fritids|fritiden|hemmet|[\w-]*hemmet|\[\w+\]))\b", re.I)


# A goal's lead-in label up to its colon ("Målet som vi kom överens om tillsammans med [BARN]: att ...").
GOAL_LEAD_LABEL = folded_re(r"^\W*(?:\d+[.)]\s*)?m[åa]l\w*\b[^:\n]{0,60}:\s*", re.I)


def _generic_wellbeing_goal(text: str) -> bool:
    """The goal only wishes the child well in general (`GENERIC_WELLBEING`, at most a place) or states a vision in
    value words (`VALUE_VISION`, `VALUE_NOUNS`), with no need area, no difficulty and no level or time (a number)
    beside it."""
    if re.search(r"\d", GOAL_NUMBERING.sub("", text, count=1)):
        return False
    if _search_ci(VALUE_VISION, text) or _search_ci(VALUE_NOUNS, text):
        text = VALUE_NOUNS.sub(" ", VALUE_VISION.sub(" ", text))
    elif not _search_ci(GENERIC_WELLBEING, text):
        return False
    rest = GENERIC_PLACE.sub(" ", GENERIC_WELLBEING.sub(" ", GOAL_LEAD_LABEL.sub("", text, count=1)))
    return not _search_ci(NEED_AREA, rest) and not _search_ci(NEED_DIFFICULTY, rest) and len(rest.split()) <= 12


# How many words of text under a background heading make a background (GUIDELINES 3: "en lång bakgrund").
BACKGROUND_MIN_WORDS = 25
# A heading or label for why the plan exists ("Bakgrund", "Varför SIP:", "Anledning till SIP").
BACKGROUND_TITLE = folded_re(r"^\W*(?:\d+[.)]?\s*)?(?:bakgr\w*|varför|anledning\w*|orsak\w*)\b", re.I)
BACKGROUND_LABEL = folded_re(r"^\s*(?:\d+[.)]\s*)?(?:bakgr\w*|varför|anledning\w*|orsak\w*)\b[^:;\t]{0,30}?[:;\t]\s*\S", re.I)


def background_lines(ctx: Context, reference: list[Segment]) -> list[Segment]:
    """The text under a background heading or label ("Varför SIP:", "Bakgrund"), other than a reference to
    another document or a title, when it runs to a background (`BACKGROUND_MIN_WORDS`): it says why the plan exists
    even where it names no need of the child (GUIDELINES 3 and 4.1: only history = partial)."""
    found = [s for s in ctx.segs if not s.is_heading and s not in reference
             and (BACKGROUND_TITLE.match(s.section) or BACKGROUND_LABEL.match(s.text))
             and not _heading_like(ctx, s) and not _template_instruction(ctx, s) and not _in_leftover(ctx, s)]
    return found if sum(_word_count(s.text) for s in found) >= BACKGROUND_MIN_WORDS else []


# A goal framework's field or scale step ("Specifikt:", "Mätbart:", "Baslinje:", "Utgångsläge:", "Läge i dag: −1", "Nivå 1 –
# där vi är nu:", "Steg 2:", a GAS table row "| −2 | ... |"): it holds the goal, its measure or its level.
GOAL_MODEL_FIELD = folded_re(r"^\W*(?:(?:specifikt|mätbart|accepterat|realistiskt|tidsatt|indikator\w*|baslinje|målvärde|"
                             r"mäts genom|utgångsläge\w*|läge (?:i dag|idag|nu)|nuläge på skalan|(?:nivå|steg)\s*\d)\b[^:\n]{0,30}:|"
                             r"\|\s*(?:[−+-]\s?[12]|0)\b[^|\n]{0,15}\|)", re.I)
# The title of a goal framework's scale or subgoal, on the line above its goal statement ("GAS-skala 1 – Kvällar och
# nätter", "Målstege", "Delmål A – kväll", "Långsiktigt mål").
GOAL_MODEL_TITLE = folded_re(r"^\W*(?:gas\b|gas-\w+|målskal\w*|målsteg\w*|måltrapp\w*|delmål\w*|långsiktig\w* mål\w*|"
                             r"kortsiktig\w* mål\w*|smart\b)", re.I)


def _in_goal_model(ctx: Context, s: Segment) -> bool:
    """The segment stands in a goal framework's field (`GOAL_MODEL_FIELD`) or is the statement right under a scale's or
    subgoal's title (`GOAL_MODEL_TITLE`): what it says of the child is the goal, its baseline or its level, so a need
    read from it shows only through the goal (GUIDELINES 4, block 54: a goal field shows what is written in it; 4.1:
    needs only readable from goals = partial)."""
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    if _search_ci(GOAL_MODEL_FIELD, ctx.text[line_at:s.end]):
        return True
    if line_at < 2 or ctx.text[line_at:s.start].strip():
        return False
    above = ctx.text[ctx.text.rfind("\n", 0, line_at - 1) + 1:line_at - 1]
    return bool(_search_ci(GOAL_MODEL_TITLE, above))


# A time in the past that dates a line of history ("hösten 2023", "i oktober", "vid 1,5-årskontrollen", "vid inskolningen"):
# with no verb or word of the present beside it the line tells what happened then (GUIDELINES 3 and 4.1: only history
# without the child's present need = partial; 4, block 61).
HISTORY_TIME = folded_re(rf"\b(?:(?:19|20)\d\d\b|(?:i|under|vid|efter|från|fram till) (?:{dates.MONTH_NAME})\b|"
                         r"vid (?:[\d,]+[- ]?(?:års|måna?d\w*)[\w-]*|inskolning\w*|\w+besöket))", re.I)
# The present beside a dated line ("har varit frånvarande 40 % sedan januari", "äter fortfarande bara ...", "är nu").
PRESENT_NOW = folded_re(r"\b(?:är|har|blir|behöver|kan|vill|mår|äter|sover|går|vägrar|visar|verkar|säger|berättar|fungerar|"
                        r"klarar|orkar|nu|numera|idag|i dag|fortfarande|nuläget|sedan|kvarstår)\b", re.I)

# The plan's own reason on a label ("Anledn. till SIP: orosanmälan fr skolan i jan efter att ..."): why this plan exists
# now, also when it is dated.
REASON_LABEL = folded_re(r"^\W*(?:anledn\w*|varför|orsak\w*)\.?\b[^:\n]{0,30}:", re.I)


def _history_line(s: Segment) -> bool:
    """The line is dated in the past (`HISTORY_TIME`) and says nothing in the present (`PRESENT_NOW`): it tells what
    happened to the child then, not what the child needs now."""
    return (bool(_search_ci(HISTORY_TIME, s.text)) and not _search_ci(PRESENT_NOW, s.text)
            and not _search_ci(REASON_LABEL, s.text))


def needs_described(ctx: Context) -> CriterionResult:
    concrete, vague, reference = need_segments(ctx)
    concrete = [s for s in concrete if not sibling_segment(ctx, s)]  # the sibling's needs (GUIDELINES 4, block 88)
    vague = [s for s in vague if not sibling_segment(ctx, s)]
    if concrete and all(_history_line(s) for s in concrete):
        # the difficulties are told only as dated history: "bara historik utan nuvarande behov" (GUIDELINES 4.1: partial)
        return _result("needs_described", "partial", 0.45, [_ev(s, "NEED") for s in concrete + vague],
                       "Barnets svårigheter beskrivs bara som historik (vad som hände då, med tid angiven); vad barnet "
                       "behöver nu beskrivs inte konkret.")
    framed = [s for s in concrete if _in_goal_model(ctx, s)]
    if framed and len(framed) == len(concrete):
        # the only concrete words stand in a goal framework's fields: the needs show only through the goals
        return _result("needs_described", "partial", 0.45, [_ev(s, "NEED") for s in framed + vague + reference],
                       "Behoven beskrivs inte som barnets situation; de går bara att läsa ut ur målmodellens fält "
                       "(mål, baslinje, skalsteg).")
    ctx.signals.update(need_segments=len(concrete) + len(vague), need_concrete=len(concrete),
                       need_reference=len(reference))
    # evidence: descriptions of the child first, lines that are also goals or activities last
    planned = set(ctx.goals) | set(activity_segments(ctx))
    concrete = sorted(concrete, key=lambda s: s in planned)
    goals = set(ctx.goals)
    services = vague and not concrete and all(s in planned and s not in goals and not WORRY.search(s.text) for s in vague)
    areas = need_area_lines(ctx) if services else None
    if areas is not None and not set(vague) & set(areas):
        # only the services' own work names a need word ("utredning enl. 11:1 fortsätter"): it shows no need area
        # (GUIDELINES 4.1: not_met when the plan only tells the adults' interventions without saying for what)
        vague = []
    if (concrete or vague) and all(s in planned for s in concrete + vague) \
            and (reference or not concrete or all(s in goals for s in concrete)):
        # "Behov: se vårdplan", or no need told as the child's situation, only a goal that is concrete ("[BARN] somnar
        # i egen säng 5 kvällar av 7"): the needs only read out of the goals or interventions (GUIDELINES 4.1: partial).
        # A table row's need cell stands in the row's intervention segment, and is a need told as it is.
        return _result("needs_described", "partial", 0.45, [_ev(s, "NEED") for s in concrete + vague + reference],
                       "Behoven beskrivs inte som barnets situation; de går bara att läsa ut ur målen eller insatserna.")
    if len(concrete) >= 2:
        return _result("needs_described", "met", 0.75, [_ev(s, "NEED") for s in concrete],
                       "Barnets behov beskrivs konkret (svårigheter eller situation i vardagen).")
    if concrete:
        return _result("needs_described", "met", 0.55, [_ev(s, "NEED") for s in concrete],
                       "Ett konkret behov beskrivs, men bara på ett ställe.")
    if vague:
        return _result("needs_described", "partial", 0.5, [_ev(s, "NEED") for s in vague],
                       "Behov nämns men beskrivs vagt (t.ex. bara en diagnos eller 'behöver stöd').")
    areas = need_area_lines(ctx) if areas is None else areas
    if areas:
        return _result("needs_described", "partial", 0.4, [_ev(s, "NEED") for s in areas + reference],
                       "Behoven beskrivs inte som barnets situation; de går bara att läsa ut ur målen eller insatserna.")
    background = background_lines(ctx, reference)
    if background:
        return _result("needs_described", "partial", 0.4, [_ev(s, "NEED") for s in background],
                       "Planen har en bakgrund som säger varför den finns, men inte vad barnet behöver nu.")
    if reference:
        return _result("needs_described", "not_met", 0.55, [_ev(s, "NEED") for s in reference],
                       "Behoven beskrivs inte i planen utan hänvisas till ett annat dokument, och inga mål eller "
                       "insatser visar vilka behovsområden (skola, sömn, mat, språk, trygghet …) planen gäller.")
    return _result("needs_described", "not_met", 0.6, [], "Letade efter beskrivna behov (svårigheter, frånvaro, sömn, "
                                                            "oro …) och efter mål eller insatser som visar vilka "
                                                            "behovsområden planen gäller, men hittade inga.")


# The child in a goal, also as the patient of health-care notes ("Pat. ska kunna ...", "patienten").
# In a plan written to the child, "du" is the child (GUIDELINES 3: goals about the child's everyday life).
GOAL_CHILD = rf"(?:{CHILD}|(?<!\w)(?:pat\.|patienten|du|dig)(?!\w))"
# A narrative lead-in that carries the goal in its att-clause ("Målsättningen på sikt är att ...", "Det första
# och mest angelägna målet är att ...", "Gemensamt mål vi enades om: att ...", "Därtill eftersträvas att ...").
GOAL_INTRO = re.compile(
    r"^(?:[^.\[]|\[\w+\]){0,60}?\b(?:(?:\w*m[åa]l(?:et|en)?|m[åa]ls[äa]ttning\w*|m[åa]lbild\w*|förhoppning\w*|ambition\w*)\b"
    r"(?:[^.\[]|\[\w+\]){0,50}?"
    r"(?:\b(?:är|blir|var)\b[^.\[:]{0,25}?|:\s*)|(?:eftersträvas|strävar (?:\w+ )?efter)\s+)att\s+", re.I)

# What an agency does (present tense, "ska"/"kommer att" + infinitive, or the s-passive): a "goal" saying this
# is an activity (GUIDELINES 3 and 4.1: "Mål: BUP gör utredning" is no goal).
GOAL_ACTION_VERB = re.compile(
    r"\b(?:(?:ska|skall|kommer att)\s+(?:\w+\s+)?)?(?:"
    r"utred(?:er|a|s)|utbild(?:ar|a|as)|genomför(?:a|s)?|gör(?:a|s)?|tar? fram|tas fram|erbjud(?:er|a|s)|ordna(?:r|s)?|"
    r"boka(?:r|s)?|kalla(?:r|s)?|ring(?:er|a)|träffa(?:r)?|ger|ge|påbörja(?:r|s)?|inför(?:a|s)?|följ(?:er|a|s) upp|"
    r"se(?:r)? över|ses över|sätt(?:er|a|s) upp|skriv(?:er|a|s)|kontakta(?:r|s)?|ansök(?:er|a)|informera(?:r|s)?|"
    r"upprätta(?:r|s)?|handled(?:er|a)|starta(?:r|s)?|bedöm(?:er|a|s)|bevilja(?:r|s)?|utse(?:r)?|utses|"
    r"rapportera(?:r|s)?|remittera(?:r|s)?|skicka(?:r|s)?|anmäl(?:er|a|s)|går igenom|gå igenom|gås igenom|"
    r"besök(?:er|a)|undersök(?:er|a|s)|utvärdera(?:r|s)?|går (?:en |på )?utbildning|gå (?:en )?utbildning|"
    r"fortsätt(?:er|a)|bjud(?:er|a|s) in|tar? ställning|tas ställning|följer|följs|kartlägg(?:er|s)|"
    r"planera(?:r|s)?|lägg(?:er|a|s) upp|slutför(?:a|s)?|återkoppla(?:r|s)?|fullfölj(?:er|a|s)|ta(?:r|s)? upp|"
    r"delta(?:r)? i|"
    # a decision on an intervention ("LSS-handläggaren fattar beslut om korttidsvistelse"), as "Soc ska bevilja"
    r"fatta(?:r)? (?:\w+ )?beslut|fattas (?:\w+ )?beslut|"
    r"stöttar|stödjer|hjälper|tar emot|väg(?:er|s))\b", re.I)  # the last only in the present: "BVC följer vikten" is done now
# An action item without a subject, opening with the verb ("Se över vikarierutin", "Informera klassen", "Ta fram
# en handlingsplan"): what the adults will do, as in a project's action list (GUIDELINES 4.1), not a goal; only
# verbs of the agencies' work, since a child's goal may also lack its subject ("Träffa kompisar", "Sova hemma").
ACTION_ITEM = re.compile(r"^\s*(?:att\s+)?(?:se över|ta fram|informera|boka|kalla|kontakta|upprätta|utreda|skicka|anpassa|"
                         r"remittera|anmäla|bjuda in|inhämta|sammanställa|planera|utse|kartlägga|utvärdera|ansöka|"
                         r"dokumentera|uppdatera|tillsätta|samla in|"
                         # the team's own to-dos, as an infinitive with no subject ("Gå igenom förra planens punkter",
                         # "Höra av sig om något ändras"; GUIDELINES 4.1: activities under "Mål" are no goals)
                         r"gå igenom|höra av sig|ringa|mejla|maila|följa upp|stämma av|"
                         # the papers of the case: gather them, write one, give information ("Samla papper från alla",
                         # "Skriva remiss", "Ge föräldrarna information före beslut")
                         r"samla (?:ihop )?(?:\w+ )?(?:papper\w*|underlag\w*|uppgifter\w*|dokument\w*|journal\w*)|"
                         r"skriva (?:en |ett )?(?:remiss\w*|ansökan|intyg\w*|utlåtande\w*|underlag\w*|\w*anmälan)|"
                         r"ge (?:\S+ ){0,2}?(?:information|info))\b", re.I)
# A project target that counts the agencies' own output, as a noun with a participle and no verb ("Nätverksmöten
# genomförda", "Pedagogisk kartläggning klar", "Underlag från BUP inhämtat"): a deliverable of the work, no goal for
# the child (GUIDELINES 4, block 46). With a time of its own ("Remiss till BUP skickad senast v. 10") it is a state an
# agency should reach by then (GUIDELINES 4.1, as "Skolan ska ha infört bildschema senast v. 39").
AGENCY_OUTPUT = re.compile(r"^\s*(?:att\s+)?(?!(?:är|ska|skall|har|blir|kan)\b)(?:[\w.:/-]+\s+){0,4}?"
                           r"(?:genomförd[aet]?|klar[at]?|upprättad?[et]?|inhämtad?[et]?|skickad?[et]?|levererad?[et]?|"
                           r"bokad?[et]?|påbörjad?[et]?|avslutad?[et]?|färdigställd[aet]?|tillsatt|utsedd[at]?)\b", re.I)
# A state an agency, a process or a document should reach ("Skolan ska ha infört ...", "Avtal undertecknat
# senast ...", "Utredningen är klar"): GUIDELINES 4.1, partial.
GOAL_AGENCY_STATE = re.compile(
    r"\b(?:(?:ska|skall) (?:ha|vara)|har|är|kan)\b"
    r"|\b\w+(?:at|ad|ade|ts|dd|tt|en|et)\b\s+(?:senast|före|innan|till|under|från|v\.|vecka)\b"
    r"|\b(?:klar|klart|på plats|fastställd\w*|genomförd\w*|undertecknad\w*|upprättad\w*)\b", re.I)
# What someone other than the child shall have done by the follow-up ("Fam.hemmet ska ha etablerat ...", "Försk.
# ska ha avslutat inskolningen"): with no child or guardian in the goal, a state an agency should reach (GUIDELINES
# 4.1); the supine of what services do, not of a change in the child ("HbA1c ska ha sjunkit", "ska ha minskat").
AGENCY_PERFECT = re.compile(r"\b(?:ska|skall) ha (?:etablerat|avslutat|infört|gjort|genomfört|slutfört|upprättat|utsett|"
                            r"ordnat|utrett|sett över|beviljat|kartlagt|utbildat|skickat|startat|påbörjat|inlett|bokat|"
                            r"erbjudit|fattat|utvärderat|tagit fram|tagit ställning|provat ut|tillsatt|anställt)\b", re.I)
# An intervention named as a noun ("Föräldrautbildning om diagnosen", "Samtal på BUP", "Ny tid för
# hörselkontroll", "Modersmålsundervisning ordnas 2 ggr/v", "Sömndagbok i två veckor", "Prova melatonin"): an
# activity, not a goal.
GOAL_AS_INTERVENTION = re.compile(
    r"^(?:(?:ny|nytt|nya|extra|fortsatt|utökad|utökat|regelbundn\w*|tät|anpassad|anpassat|anpassade|"
    r"\w+(?:fokuserad|inriktad|baserad))\s+)?"
    r"[\w-]*(?:samtal|utredning|bedömning|utbildning|kontroll|ansökan|stöd|handledning|översyn|träning|undersökning|"
    r"behandling|information|info|kontakt|remiss|anmälan|undervisning|hembesök|besök|skjuts|tid|grupp|start|schema|"
    # a specialist's consultation ("Konsultation om oron kring hemmet")
    r"konsultation|"
    r"kbt|terapi|psykoedukation|observation|vägledning|dagbok|medicin(?:ering)?|läkemedel|melatonin|"
    # advice, a run-through, a certificate, a fitting ("Kostråd till familjen", "Genomgång av akutplanen",
    # "Läkarintyg till skolan", "Fortsatt utprovning av melatonin"), an adapted diet ("Anpassad kost", not "frukost")
    r"råd|rådgivning|genomgång|intyg|utprovn(?:ing|\.)|(?<!fru)kost|"
    # the school's adjustments ("Anpassningar i klassrummet", "Extra anpassningar vid prov"): what the school does
    r"anpassning(?:ar(?:na)?)?|"
    # the school's decided arrangement of the child's studies ("Anpassad studiegång med förlängd tid för engelska 6")
    r"studiegång)(?:er|erna)?(?!\w)", re.I)  # a clinic's "Traumafokuserad KBT"
# A line under a goal that reports on the goal, not a goal ("Status: delvis uppnått", "Fortsätter.", "Nytt mål.",
# a protocol's "Delmålet avseende närvaro bedöms delvis uppnått.", a target's measure "Mäts av HVB i veckologgen.").
GOAL_STATUS = re.compile(r"^\W*(?:status\b|mäts\s+(?:av|genom|i|med|via)\b|(?:ej |inte |delvis )?uppnått|uppnåddes|delvis\b|fortsätter\b|kvarstår\b|behålls\b|"
                         r"nytt mål\W*$|tidigare mål\b|målet (?:finns kvar|kvarstår|är uppnått)|"
                         r"(?:del)?målet\b[^.]{0,60}?\b(?:bedöms|är|har)\s+(?:(?:delvis|inte|ej|helt)\s+)?(?:uppnått|nåtts))",
                         re.I)
# The agencies and adults (not the child, not the guardians) that can stand as a goal's subject.
GOAL_AGENCY_SUBJECT = re.compile(r"^(?:all |alla |de |den |ordinarie )*(?:personal\w*|vuxna|lärar\w*|pedagog\w*|"
                                 r"boendet|hemmet|familjehemme\w*|jourhemme\w*|hvb\w*|"
                                 # the school's or a service's work as the subject ("Undervisningen ska vara
                                 # bättre anpassad"): a state the service should reach (GUIDELINES 4.1)
                                 r"undervisning\w*|lärmiljö\w*|bemötande\w*|"
                                 r"vi|nätverket|samverkan\w*|verksamhet\w*|myndighet\w*|huvudm\w*|"
                                 r"sis|ungdomshem\w*|frivård\w*|kriminalvård\w*|åklagar\w*|tingsrätt\w*)\b", re.I)


# The child's wish that introduces what someone else shall do or be ("Jag vill att skolan anpassar läxorna",
# "[BARN] önskar att BUP och skolan pratar med varandra"): the subject of the att-clause decides the goal's kind.
CHILD_WISH_LEAD = re.compile(rf"^\s*{CHILD}\s+(?:vill|önskar|hoppas)\s+(?:också\s+)?att\s+", re.I)


# How the agencies work together, as a goal's subject ("Bättre samverkan mellan BUP och skolan", "Informationen
# mellan sjukvård och skola fungerar"): a state the agencies should reach, not the child's (GUIDELINES 4.1).
COOPERATION_STATE = re.compile(r"\s*(?:att\s+)?(?:(?:en|ett|bättre|bra|god|gott|fungerande|tätare|tydlig\w*)\s+)*"
                               r"(?:samverkan\w*|samarbete\w*|(?:informationen|kommunikationen|kontakten)\s+mellan)\b",
                               re.I)


# The agencies' own cooperation as a verb ("Samverka kring [BARN]", "Samarbetar med skolan"): an activity.
COOPERATION_ACT = re.compile(r"\s*(?:att\s+)?(?:samverka|samarbeta|samordna)r?\s+(?:kring|runt|om|med|mellan)\b", re.I)
# An agency that shall bring about the child's outcome ("Skolan ska se till att [BARN] har ...", "BUP ska få
# [BARN] att sova före kl 24"): for goals_present the goal is the child's outcome; child_goals still reads the
# agency as its subject.
AGENCY_BRINGS_CHILD = re.compile(rf"^\s*(?:\S+\s+){{1,3}}?(?:ska|skall)\s+(?:se till att|få)\s+{GOAL_CHILD}\s+"
                                 r"(?:att\s+)?\w+", re.I)
# Who receives what follows ("Familjehemmet får handledning", "Personalen ska få utbildning").
RECEIVES = re.compile(r"^\s*(?:att\s+)?(?:\S+\s+){1,3}?(?:ska\s+|skall\s+)?(?:få|får|erbjuds|ges)\s+(?:en\s+|ett\s+)?",
                      re.I)
# An agency that holds talks, contacts or meetings ("Soc har barnsamtal med [BARN]", "Familjehemmet och skolan har
# kontakt varannan vecka", "BVC ska ha tät kontakt med familjen"): what the agency does, an activity under "Mål"
# (GUIDELINES 4.1, "Mål: BUP gör utredning"); having a thing in place ("Skolan har bildstöd") is a state.
HOLDS_TALKS = re.compile(r"^\s*(?:att\s+)?(?:\S+\s+){1,4}?(?:har|(?:ska|skall)\s+ha)\s+"
                         r"(?:(?:en|ett|tät|täta|regelbundn\w*|fortsatt|löpande|nära)\s+)?"
                         r"\w*(?:samtal|kontakt|möten|träffar|avstämningar)\b", re.I)


# A guardian's own intervention in the present, listed among the goals ("Föräldrarna går föräldrakursen på
# socialtjänsten", "Mamma går i samtal på beroendemottagningen", "[VH1] träffar sin psykolog"): what the adults do
# now, an activity (GUIDELINES 4.1); a goal for the guardians ("ska ha gått alla träffarna", GUIDELINES 4.2) is not this.
# The same for the staff around the child ("All ordinarie personal på avdelningen går utbildning i insulinpump"): the
# staff's training, what the services do (GUIDELINES 4.1).
_STAFF_SUBJECT = r"(?:(?:all|samtlig|ordinarie|berörd)\s+){0,2}[\w-]*(?:personal(?:en)?|pedagogerna|lärarna|mentorerna)" \
                 r"(?:\s+(?:på|i|vid)\s+\S+)?"
GUARDIAN_ACTIVITY = re.compile(rf"^(?:att\s+)?(?:{_STAFF_SUBJECT}|{_GUARDIAN_NOUN}(?:\s+(?:och|o|&)\s+{_GUARDIAN_NOUN})?)\s+"
                               r"(?:(?:går|deltar|fortsätter|påbörjar|genomgår)\s+(?:\S+\s+){0,4}?"
                               r"\w*(?:kurs|utbildning|behandling|samtal|grupp|program|träff|mottagning)\w*|"
                               r"träffar\s+(?:sin|sina|en)\s+\w*(?:psykolog|kurator|terapeut|behandlare|läkare)|"
                               # trained in the passive, also abbreviated ("fsk-personalen utb. i akutmedicin av BUM")
                               r"(?:utbildas|utb\.)\s+(?:i|om|av)\b)", re.I)
# What an agency shall offer or create as a setting, not as a service ("Skolan ska erbjuda en trygg och inkluderande
# miljö", "... erbjuder en tillgänglig lärmiljö"): a state the agency should reach (GUIDELINES 4.1), not an activity.
AGENCY_SETTING = re.compile(r"\b(?:erbjud\w*|ge|ger|skapa\w*)\s+(?:\[\w+\]\s+)?(?:en\s+|ett\s+)?"
                            r"(?:[\w-]+,?\s+(?:och\s+)?){0,3}?\w*(?:miljö|klimat)\b", re.I)


# An agency that gives the child something, in the child's own goal list ("Att LSS ger mig en kontaktperson"): what
# the child should have, a state the agency should reach (GUIDELINES 4.1), as "[BARN] ska få en kontaktperson" is.
GIVES_THE_CHILD = re.compile(r"\b(?:ger|ge)\s+(?:mig|dig|\[BARN\])\s+(?:(?:en|ett)\s+\w+|"
                             r"(?:(?:det|rätt|bra|gott|goda|bättre|bästa|möjliga|tillräckligt|nödvändiga?)\s+)*"
                             r"(?:stöd|förutsättningar|trygghet|hjälp)\b)", re.I)


# A goal line that names, without a subject, an intervention to receive, start or try ("Få en bedömning av BUP",
# "Komma igång med föräldrastöd", "Påbörja samtal på BUP", "Prova melatonin"): what a service gives, an activity
# among the goals (GUIDELINES 4.1).
SUBJECTLESS_RECEIVES = re.compile(r"^\s*(?:att\s+)?(?:få|komma igång med|börja (?:med|i|på)|påbörja|starta|prova(?:\s+ut)?)\s+"
                                  r"(?:en\s+|ett\s+)?", re.I)


# The child let to attend a service ("Att jag ska få gå på BVC-kontroller", "[BARN] ska få träffa BUP för observation"):
# what the services give, an activity among the goals (GUIDELINES 4.1), when a service or an intervention follows.
CHILD_ATTENDS = re.compile(rf"^(?:att\s+)?{GOAL_CHILD}\s+(?:ska\s+|skall\s+)?(?:få|får)\s+(?:gå\s+(?:på|till|hos)|"
                           r"komma\s+(?:till|på)|träffa|besöka)\s+", re.I)


def _child_attends_service(ctx: Context, s: Segment, text: str, body_at: int) -> bool:
    """The goal (`text`, from offset body_at in `s`) lets the child attend a service (CHILD_ATTENDS): an agency
    right after the verb, or an intervention named as a noun."""
    m = CHILD_ATTENDS.match(text)
    if not m:
        return False
    at = s.start + body_at + m.end()
    return GOAL_AS_INTERVENTION.match(text[m.end():]) is not None or any(at <= x < at + 3 for x, _, _ in ctx.actors)


def _subjectless_intervention(text: str) -> bool:
    """The goal line receives or starts an intervention named as a noun, with no subject (SUBJECTLESS_RECEIVES)."""
    m = SUBJECTLESS_RECEIVES.match(text)
    return bool(m and GOAL_AS_INTERVENTION.match(text[m.end():]))


def _receives_intervention(text: str) -> bool:
    """The subject receives an intervention named as a noun ("Familjehemmet får handledning")."""
    m = RECEIVES.match(text)
    return bool(m and GOAL_AS_INTERVENTION.match(text[m.end():]))


def _agency_subject(ctx: Context, s: Segment, body_at: int) -> bool:
    """True when the words from body_at on start with an agency, a role or a professional as subject (not the
    child or a guardian)."""
    body = s.text[body_at:]
    # the subject: up to three words, ending before a preposition ("Samtal på BUP" has no agency subject)
    head = re.match(r"\s*(?:att\s+)?((?:(?!(?:på|i|med|om|för|till|av|hos|från|vid|inför)\s)\S+\s+){0,2}\S+)", body)
    if not head or re.search(GOAL_CHILD, head.group(1), re.I) or GUARDIAN.search(head.group(1)):
        return False
    a, b = s.start + body_at + head.start(1), s.start + body_at + head.end(1)
    return (any(a <= x < b for x, _, _ in ctx.actors) or any(a <= x < b for x, _, _ in ctx.roles)
            or bool(AGENT_PLACEHOLDER.match(head.group(1))) or bool(GOAL_AGENCY_SUBJECT.match(head.group(1))))


# The verb of a relative clause in a goal's subject ("Alla vuxna som träffar mig ska ha läst min plan"): it tells who
# the subject is, not what the goal says the subject does.
RELATIVE_CLAUSE_VERB = re.compile(r"\bsom\s+\w+", re.I)


def _agency_output(text: str) -> bool:
    """A target that names a deliverable of the agencies' work, with no verb and no time (AGENCY_OUTPUT), not the
    child."""
    m = AGENCY_OUTPUT.match(text)
    return bool(m) and not re.search(GOAL_CHILD, text, re.I) and not is_measurable(text) \
        and not re.search(r"\b(?:är|ska|skall|har|blir|kan|vara|ha)\b", text[:m.end()], re.I)


# A goal's subject that is a compound of a service and a role or the staff ("LSS-handläggaren", "BUP-psykologen",
# "fsk-personalen"): `find_roles` reads no role inside a hyphenated word, but the subject is a professional all the same.
COMPOUND_ROLE_HEAD = re.compile(r"^\s*(?:att\s+)?[\w.]+-(?P<tail>[^\W\d]+)(?!\S)")


def _compound_role_subject(text: str) -> bool:
    """The goal's first word is a hyphenated compound whose last part is a role (`find_roles`) or the staff
    (`GOAL_AGENCY_SUBJECT`): an agency's professional as subject, so "LSS-handläggaren utreder avlösarservice" is an
    activity, as "Soc utreder" (GUIDELINES 4.1: activities under "Mål" are no goals)."""
    m = COMPOUND_ROLE_HEAD.match(text)
    if not m:
        return False
    tail = m.group("tail")
    return any(a == 0 and b == len(tail) for a, b, _ in find_roles(tail)) or bool(GOAL_AGENCY_SUBJECT.match(tail))


# A goal's second att-clause ("Att vidtagna insatser samordnas och att barnets välbefinnande därmed tillgodoses") and a
# passive state it ends in ("tillgodoses", "säkerställs", "tryggas"): an intervention's passive in the first clause does
# not make the whole goal an activity when the second states what is to be reached for the child; the whole is a state
# the agencies should bring about (GUIDELINES 4.1; block 72: nominalised goals are goals as usual, how they are framed is
# open in 4.2, so they are not read as the child's).
SECOND_ATT_CLAUSE = re.compile(r"(?:,\s*|\s)(?:och|o|samt)\s+att\s+", re.I)
GOAL_AGENCY_STATE_END = re.compile(r"\b(?:tillgodoses|tillgodosett|tillgodosedda?|säkerställs|säkras|tryggas|"
                                   r"garanteras|uppnås|främjas|stärks|förbättras)\W*$", re.I)


# A subject other than the child that "ska ha" been done in the passive, or "ska ha kommit till stånd" ("En långsiktig
# boendelösning för modern och barnet ska ha utretts", "Erforderlig hälsokontroll av barnet ska ha kommit till stånd"):
# a state the services should reach, also when the child is named inside the subject (GUIDELINES 4.1: "Skolan ska ha
# infört bildschema senast v. 39"; 4, block 72: official passives and nominalisations are read for what they say).
SUPINE_PASSIVE_STATE = re.compile(rf"^(?!(?:att\s+)?{GOAL_CHILD})(?:(?!\b(?:ska|skall)\b)[^,.;:]){{1,80}}?"
                                  r"\b(?:ska|skall)\s+(?:\w+\s+)?ha\s+(?:(?!(?:halver|minsk|ök|förbättr|försämr|fördubbl|"
                                  r"sänk|höj)ats\b)\w{3,}ts|kommit till stånd)\b", re.I)
# (A measure that "ska ha halverats" or "minskats" is a change in what is measured, not a service's doing.)


# A symbol or emoji that stands as a list item's bullet ("🎯 [BARN] går ut på rasten", "➡️ [BARN] äter lunch", "✅ ..."):
# arrows, dingbats, pictographs and the variation selector and joiner that follow them (GUIDELINES 4, block 75: a symbol
# counts for what a careful reader understands it to stand for; before a goal it is a bullet).
SYMBOL_BULLET = r"[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+\s*"


# A run of spaces between two words: what `planqa.readable` leaves where an HTML tag or entity, or an invisible
# character, stood inside a line ("Hämtning      från       fritids ses över"); a browser shows one space (GUIDELINES 4,
# block 79: read the text as a browser shows it), and the goal patterns match words one space apart.
SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def _single_spaced(text: str) -> str:
    """`text` with each run of spaces between two words as one space (SPACE_RUN); for pattern checks only, as the
    offsets change."""
    return SPACE_RUN.sub(" ", text) if "  " in text else text


def _suffix_at(text: str, body: str) -> int:
    """Where in `text` the suffix starts that `body` was read from, when `body` is that suffix with its runs of
    spaces made single (`_single_spaced`): the position with as many characters other than a space after it."""
    if text.endswith(body):
        return len(text) - len(body)
    left = len(body) - body.count(" ")
    i = len(text)
    while i > 0 and left > 0:
        i -= 1
        left -= text[i] != " "
    return i


# An intervention named as a noun with the child as its object and no verb of its own ("Samtal med [BARN] varje
# vecka", "Bedömning av [BARN]s mående"): what a service does, not what is to be different for the child (GUIDELINES
# 4.1: activities under "Mål" are no goals; mixed with real goals the list is partial).
INTERVENTION_FOR_CHILD = re.compile(rf"\W*(?:{GOAL_AS_INTERVENTION.pattern})\s+(?:med|för|till|åt|av|kring)\s+{GOAL_CHILD}",
                                    re.I)
# A verb or a purpose that makes such a line say what is to change ("Stöd till [BARN] så att hen kommer till skolan").
GOAL_OWN_VERB = re.compile(r"\b(?:ska|skall|är|blir|har|kan|får|vill|så att|för att)\b", re.I)
# "Det ska (alltid) finnas (minst en utbildad) vuxen/personal ...": staff that a service is to have in place, a state
# the agency should reach, not the child's (GUIDELINES 4.1: "Skolan ska ha infört bildschema senast v. 39").
STAFF_PRESENCE = re.compile(r"\W*det\s+(?:ska|skall)\s+(?:\w+\s+){0,2}?finnas\s+(?:[\w-]+\s+){0,4}?"
                            r"(?:vuxen|vuxna|personal\w*|pedagog\w*|assistent\w*|resursperson\w*|person)\b", re.I)
# A goal's subject that is the staff counted or taken as a group ("Alla fem i personalgruppen ska ha utbildning",
# "Alla i arbetslaget ska känna till akutplanen"): professionals as subject, as "All personal" (GOAL_AGENCY_SUBJECT).
STAFF_GROUP_SUBJECT = re.compile(r"\W*(?:att\s+)?(?:all[ae]?|de)\s+(?:\w+\s+)?(?:i|på|inom)\s+"
                                 r"(?:personal\w*|arbetslag\w*)\b", re.I)


def goal_kind(ctx: Context, s: Segment) -> str:
    """"activity" (what an agency will do), "agency" (a state an agency or a process should reach) or "child"
    (what should be different for the child); GUIDELINES 4.1."""
    text = re.sub(rf"^\s*(?:m[åa]l\w*\s*\d*\s*:|[a-zA-Z][.)]|[–—]|{SYMBOL_BULLET})\s*", "", _strip_label(s.text),
                  flags=re.I)  # "a) ", "– ", "🎯 "
    text = GOAL_INTRO.sub("", GOAL_LABEL.sub("", text, count=1), count=1)  # "Skolan: ...", "Målet är att ..."
    text = CHILD_WISH_LEAD.sub("", text, count=1)  # "Jag vill att skolan anpassar läxorna": the wish's subject
    body_at = len(s.text) - len(text) if s.text.endswith(text) else 0
    raw, text = text, _single_spaced(text)  # the offsets of `raw` in `s` are kept for the checks that read the context
    if COOPERATION_STATE.match(text):
        return "agency"  # "Bättre samverkan mellan BUP och skolan kring [BARN]"
    if COOPERATION_ACT.match(text) or ACTION_ITEM.match(text):
        return "activity"  # "Samverka kring [BARN]", "Se över vikarierutin"
    if _agency_output(text):
        return "activity"  # "Nätverksmöten genomförda"
    if INTERVENTION_FOR_CHILD.match(text) and not GOAL_OWN_VERB.search(text):
        return "activity"  # "Samtal med [BARN] varje vecka"
    if STAFF_PRESENCE.match(text) and not re.search(GOAL_CHILD, text, re.I):
        return "agency"  # "Det ska alltid finnas minst en utbildad vuxen på plats vid lunchen"
    if AGENCY_BRINGS_CHILD.match(text):
        return "child"  # "Skolan ska se till att [BARN] har minst 75 % närvaro": the outcome is the child's
    second = SECOND_ATT_CLAUSE.search(text)
    if second and SERVICE_PASSIVE_GOAL.match(text) and not is_measurable(text) \
            and GOAL_AGENCY_STATE_END.search(text[second.end():]):
        return "agency"  # "Att insatserna samordnas och att barnets välbefinnande därmed tillgodoses"
    if (SERVICE_PASSIVE_GOAL.match(text) or MODAL_SERVICE_PASSIVE.match(text)) and not is_measurable(text) \
            or GUARDIAN_ACTIVITY.match(text) \
            or _subjectless_intervention(text) or _child_attends_service(ctx, s, raw, body_at):
        return "activity"  # "En kartläggning av [BARN]s behov genomförs.", "Föräldrarna går föräldrakursen"
    if GOAL_AS_INTERVENTION.match(text) and re.search(r"\s[–—-]\s*\S", text) and ctx.has_agent(s) \
            and not re.search(r"\b(?:ska|skall|är|blir|vara)\b", text, re.I):
        return "activity"  # "Genomgång av akutplanen med personalen som har [BARN] – [NAMN_1], BUM": an owned intervention
    if SUPINE_PASSIVE_STATE.match(text):
        return "agency"  # "Erforderlig hälsokontroll av barnet ska ha kommit till stånd inom BVC"
    agency_subject = _agency_subject(ctx, s, body_at) or _compound_role_subject(text) \
        or bool(STAFF_GROUP_SUBJECT.match(text))
    if re.search(GOAL_CHILD, text, re.I) and not agency_subject:
        return "child"
    words = text.split()
    early = " ".join(words[:6])
    if agency_subject:
        verb = GOAL_ACTION_VERB.search(RELATIVE_CLAUSE_VERB.sub(lambda m: " " * len(m.group()), early))
        state = GOAL_AGENCY_STATE.search(early)
        if verb and not (state and state.start() <= verb.start()) and not AGENCY_SETTING.search(text) \
                and not GIVES_THE_CHILD.search(early) \
                or _receives_intervention(text) or HOLDS_TALKS.match(text):
            return "activity"
        return "agency"
    if GOAL_ACTION_VERB.search(early) and re.search(r"(?:^|\s)(?:[–—-]|ansvarig:)\s*\S", text) and ctx.has_agent(s):
        return "activity"  # "Genomgång av akutplanen – [NAMN_1], BUM"
    if GOAL_AS_INTERVENTION.match(text) and not GOAL_AGENCY_STATE.search(early):
        return "activity"
    if GOAL_AGENCY_STATE.search(early) and not re.search(GOAL_CHILD, text, re.I) and not GUARDIAN.search(early):
        if re.search(r"\b(?:klar|klart|på plats|fastställd\w*|genomförd\w*|undertecknad\w*|upprättad\w*)\b"
                     r"|\b\w+(?:at|ad|ts|tt)\s+(?:senast|före|innan)\b", early, re.I) or AGENCY_PERFECT.search(early):
            return "agency"  # also "Fam.hemmet ska ha etablerat fasta kvällsrutiner" (a subject not known as an agency)
    if (ARRANGEMENT_STATE.search(text) or DONE_BY_DEADLINE.search(text)) and not re.search(GOAL_CHILD, text, re.I) \
            and not GUARDIAN.search(text) and not MEASURE_CHANGE.search(text) and not WORKS_STATE.search(text):
        # a state an arrangement should reach, with no child in it ("Boendefrågan ska vara löst med ett långsiktigt
        # kontrakt", "Förskoleplaceringen ska vara ordnad"): GUIDELINES 4.1, not the child's goal (as `goal_frame`)
        return "agency"
    return "activity" if _owned_goal(ctx, s, text) else "child"


# "ska fungera", "ska finnas": how something in the child's day works ("Läxorna ska fungera bättre"), left to the
# child's reading in `goal_kind`.
WORKS_STATE = re.compile(r"\b(?:ska|skall)\s+(?:fungera|finnas)\b", re.I)
# A participle with its deadline, also with its agent between ("anpassad studiegång beslutad av rektor före sportlovet"):
# a state to reach by then (GUIDELINES 4.1).
DONE_BY_DEADLINE = re.compile(r"\b\w+(?:ad|at|ade|ts|erad|förd|fört|förda|gjord|gjort)\s+(?:av\s+\S+\s+)?"
                              r"(?:senast|före|innan)\b", re.I)


def _owned_goal(ctx: Context, s: Segment, text: str) -> bool:
    """A goal cell of a table whose rows name a responsible but no intervention ("| Mål | Ansvarig | När |"), that
    is not about the child and not a state to reach ("... ska ..."): what the row's responsible does, an activity
    ("Blodsockret kollas före idrotten", "Korttidsvistelse två helger per månad"; GUIDELINES 4: the column headers
    say what the cells are; 4.1: activities under "Mål" are no goals)."""
    return s.start in _cached(ctx, "table_goals", _table_goals)[3] and not re.search(GOAL_CHILD, text, re.I) \
        and not re.search(r"\b(?:ska|skall)\b", text, re.I)


def goal_kinds(ctx: Context) -> dict[Segment, str]:
    """`goal_kind` of each of the plan's goals, computed once per context (read-only)."""
    return _cached(ctx, "goal_kinds", lambda c: {s: goal_kind(c, s) for s in c.goals})


def _child_goal_per_area(ctx: Context, n_agency: int) -> bool:
    """At least two goals framed from the child's life (`goal_frame`), and no fewer than the goals that an agency
    should reach: the goals cover the child's need areas, the agencies' states come on top (GUIDELINES 3 "minst ett
    mål per huvudsakligt behovsområde"; 4.1 makes goals that are only agency states partial)."""
    child = sum(goal_frame(ctx, s) == "child" for s in ctx.goals)
    return child >= 2 and child >= n_agency


def goals_present(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    kinds = goal_kinds(ctx)
    activities = [s for s in goals if kinds[s] == "activity"]
    agency = [s for s in goals if kinds[s] != "child"]
    ctx.signals.update(goal_segments=len(goals), goal_segments_agency=len(agency))
    ev = [_ev(s, "GOAL") for s in goals]
    if goals and len(activities) == len(goals):
        return _result("goals_present", "not_met", 0.6, ev, "Under målen står bara aktiviteter (vad verksamheterna "
                                                             "ska göra), inga mål för barnet.")
    if activities or goals and len(agency) >= 0.4 * len(goals) and not _child_goal_per_area(ctx, len(agency)):
        return _result("goals_present", "partial", 0.55, ev, "Målen beskriver ofta vad verksamheterna ska göra "
                                                              "eller nå, inte vad som ska bli annorlunda för barnet.")
    gaps = goal_gaps(ctx)
    if goals and gaps:
        return _result("goals_present", "partial", 0.55, ev + [_ev(s, "GOAL_GAP") for s in gaps],
                       f"Planen anger {len(goals)} mål, men {len(gaps)} målrad(er) är tomma eller saknar mål.")
    # an area table's need areas with interventions but no goal (GUIDELINES 3: "behovsområden utan mål"), when they
    # are half as many as those with a goal or more: one minor area left without a goal keeps the main areas covered
    missing, covered = goalless_areas(ctx)
    if goals and missing and 2 * missing >= covered:
        return _result("goals_present", "partial", 0.55, ev, f"Planen anger mål för {covered} behovsområden, men "
                                                              f"{missing} behovsområden har insatser utan mål.")
    if len(goals) >= 3:
        return _result("goals_present", "met", 0.65, ev, f"Planen anger {len(goals)} mål.")
    if len(goals) == 2:
        return _result("goals_present", "partial", 0.5, ev, "Planen anger bara två mål; troligen saknar några "
                                                             "behovsområden mål.")
    if goals:
        return _result("goals_present", "partial", 0.55, ev, "Planen anger bara ett mål.")
    return _result("goals_present", "not_met", 0.7, [], "Letade efter mål (rubriken Mål/Delmål, 'målet är att', "
                                                          "'ska kunna') men hittade inga.")


# A reference to a law's chapter and section ("enligt 6 kap. 10 § skollagen", "9 § 6 LSS", "4 kap. 1 § SoL"): its
# numbers are no level of a goal.
LAW_REFERENCE = re.compile(r"\b(?:\d{1,2}\s*kap\.?\s*)?\d{1,2}\s*[a-z]?\s*§(?:\s*\d{1,2}(?:\s*(?:st|p)\.?)?)?(?!\w)|"
                           r"\b\d{1,2}\s*kap\.?(?!\w)")


# A numbered step's label before its goal ("Steg 2:", "Fas 1 –"): the step's number, as "Delmål 2:", is no level.
GOAL_STEP_LABEL = re.compile(r"^\W*(?:steg|fas|etapp)\s*\d{1,2}\s*[:.)–-]\s*", re.I)


def is_measurable(text: str) -> bool:
    """A goal with a level, frequency or time frame; the goal's own number ("Delmål 2:", "1.", "Steg 2:"), person
    placeholders ("[NAMN_1]") and law references ("enligt 6 kap. 10 § skollagen") do not count as a level."""
    body = LAW_REFERENCE.sub(" ", re.sub(r"\[[^\]]*\]", "", GOAL_STEP_LABEL.sub("", _strip_label(text), count=1)))
    return bool(MEASURABLE.search(body))


def goal_measurable(ctx: Context, s: Segment) -> bool:
    """`is_measurable` for one of the plan's goals, with its table row's level or time-frame cells ("| [BARN] tar
    själv blodsocker före lunch | varje skoldag, från v. 6 |") and its framework fields (`goal_fields`); beside an activity in the goal column ("| Samtal på
    BUP | april |") the time dates the activity."""
    level = "" if goal_kinds(ctx)[s] == "activity" else \
        f"{_cached(ctx, 'table_goals', _table_goals)[2].get(s.start, '')} {goal_fields(ctx).get(s.start, '')}"
    return is_measurable(f"{s.text} {level}" if level.strip() else s.text)


# The share of measurable goals that makes "de flesta målen är mätbara" (GUIDELINES 3: met): three of four or more. Two
# of three, one goal left with no level or time ("[BARN] ska må bättre" beside two measured goals), is "några mål
# mätbara, andra inte" (partial).
EVALUABLE_MET_SHARE = 0.75


def goals_evaluable(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    measurable = [s for s in goals if goal_measurable(ctx, s)]
    ctx.signals["goals_measurable"] = len(measurable)
    if not goals:
        return _result("goals_evaluable", "not_met", 0.75, [], "Inga mål finns att följa upp.")
    if goals_present(ctx).verdict == "not_met":  # only activities under the goals (GUIDELINES 4.1)
        return _result("goals_evaluable", "not_met", 0.65, [_ev(s, "GOAL") for s in goals],
                       "Letade efter mål att följa upp men under målen står bara aktiviteter.")
    share = len(measurable) / len(goals)
    ev = [_ev(s, "GOAL") for s in measurable or goals]
    if share >= EVALUABLE_MET_SHARE:
        return _result("goals_evaluable", "met", 0.65, ev, f"{len(measurable)} av {len(goals)} mål har nivå, "
                                                           "frekvens eller tidsram.")
    kinds = goal_kinds(ctx)
    if any(kinds[s] != "activity" for s in measurable):
        return _result("goals_evaluable", "partial", 0.55, ev, f"Bara {len(measurable)} av {len(goals)} mål "
                                                               "går att mäta.")
    if measurable:  # an activity among the goals is no goal (GUIDELINES 4.1): its time ("varannan vecka") measures none
        return _result("goals_evaluable", "not_met", 0.55, ev, "Bara aktiviteter bland målen har en tid eller "
                                                               "frekvens; målen själva saknar nivå eller tidsram.")
    return _result("goals_evaluable", "not_met", 0.6, ev, "Målen saknar nivå, frekvens eller tidsram.")



# --- Two-column forms read out column by column (GUIDELINES 4, block 77) ---------------------------------------------
# "läs som en noggrann läsare som parar ihop kolumnerna: går ordningen att följa (lika många rader i samma ordning,
# eller ledtexten upprepad) hör ansvarig, datum och svar till sin rad; går det inte att avgöra vilken insats en
# ansvarig hör till, är insatsen utan angiven ansvarig (`responsibility_per_action` partial); en ledtext vars svar
# inte finns i den andra kolumnen är ett tomt fält". A form's left column comes first as a run of bare field labels
# ("Mötesdatum", "Samordningsansvarig", "Vem kallar"), then the right column as a run of values in the same order.

# A form's field label word (the run of labels must be mostly these).
# The labels count in the words coordinators also write for them (GUIDELINES 3: the label does not make or unmake
# what the field says): "Målsättning"/"Målbild"/"Vad vill vi uppnå" for "Mål", "Åtgärd"/"Stödinsats" for "Insats",
# "Huvudansvarig" for "Samordningsansvarig", "Utvärdering" for "Uppföljning", "Medverkande" for "Deltagare".
FORM_LABEL_WORD = folded_re(r"\b(?:datum|mötesdatum|upprättad|avser|barn\w*|ålder|namn|deltagare|närvarande|"
                            r"medverkande|behov\w*|(?:del)?mål(?:en|et)?|målsättning\w*|målbild\w*|vad vill vi uppnå|"
                            r"goals?|(?:stöd)?insats\w*|åtgärd\w*|aktivitet\w*|(?:huvud)?ansvar\w*|samordn\w*|"
                            r"uppföljning\w*|utvärdering\w*|nästa\s+(?:möte|uppföljning\w*)|kallar|"
                            r"sammankallande|samtycke\w*|plats|underskrift\w*|övrigt|synpunkt\w*|uppfattning|bakgrund|"
                            r"vårdnadshavar\w*|föräldrar\w*|fungerar|svårt)\b", re.I)
# A value that says a field was left open ("Ej utsedd än", "?", "–", "Inte bestämt").
OPEN_VALUE = folded_re(r"^\W*$|^\W*(?:ej|inte|ingen|oklart|vet ej)\b", re.I)
# A field label that asks for a date, for a party (who is responsible, coordinates, calls), for an intervention.
DATE_LABEL = folded_re(r"^\W*(?:datum|mötesdatum|upprättad|ort och datum)\W*$", re.I)
# A party field also as "Ansvar", "Huvudansvarig" or "Ansvarig för planen" (the tool's and coordinators' synonyms).
PARTY_LABEL = folded_re(r"^\W*(?:(?:\w+\s+)?(?:huvud)?ansvarig\w*(?:\s+\w+)?|ansvar|(?:huvud)?ansvarig för (?:hela )?"
                        r"(?:planen|sip\S*)|samordn\w*(?:\s+\w+)?|sammankallande|vem kallar|"
                        r"kallar till (?:uppföljning|nästa möte))\W*$", re.I)
ACTION_LABEL = folded_re(r"^\W*(?:(?:stöd)?insats|(?:stöd)?insatser|aktivitet|åtgärd|åtgärder|vad görs)\W*(?:\d{1,2}\W*)?(?:/\s*ansvarig\W*)?$", re.I)
COLUMN_CONSENT_LABEL = folded_re(r"^\W*samtycke\w*(?:\s+till\s+(?:samverkan|sip|informationsutbyte))?\W*$", re.I)
# A label whose field may hold several lines ("Mål", "Insatser"), unless the form repeats it per line.
LIST_LABEL = folded_re(r"^\W*(?:(?:del)?mål(?:en)?|målsättning(?:ar)?|målbild|vad vill vi uppnå|(?:stöd)?insatser|"
                       r"aktiviteter|åtgärder|vad görs)\W*$", re.I)
COLUMN_LABEL_MAX_WORDS = 7
COLUMN_MIN_LABELS = 4  # fewer bare labels in a row are ordinary empty fields, not a column read out


def _column_label(text: str) -> bool:
    """A bare field label of a form read column by column: short, no placeholder, no sentence, no inline value,
    no list item, no page header or form title."""
    t = text.strip()
    return bool(t) and len(t) <= 60 and _word_count(t) <= COLUMN_LABEL_MAX_WORDS and not PERSON_REF.search(t) \
        and not re.search(r"[.!]$|[|\t]|:\s*\S|^\W*\[[ xX✓]\]|[☐☑☒]|^[–•*-]|^\d{1,2}[.)]\s|\d{3}|\s{3}", t) \
        and not PAGE_HEADER.search(t) \
        and not re.search(r"\b(?:blankett|samordnad individuell plan)\b", t, re.I)


def _skipped_line(text: str) -> bool:
    """A page header or a form's running title between the values (no value of any field)."""
    return bool(PAGE_HEADER.search(text) or re.search(r"\bblankett\b|^\W*samordnad individuell plan\b", text, re.I))


def _bare_party(ctx: Context, a: int, b: int) -> bool:
    """The line names a party and little else ("Socialtjänsten, [NAMN_1] socialsekreterare", "Skolan, rektor
    och elevhälsan"): the answer to a "Ansvarig" field, no intervention."""
    spans = [(s, e) for s, e, _ in ctx.parties if a <= s < b] \
        + [(m.start() + a, m.end() + a) for m in PERSON_REF.finditer(ctx.text[a:b])]
    if not spans:
        return False
    rest = list(ctx.text[a:b])
    for s, e in spans:
        rest[s - a:min(e, b) - a] = " " * (min(e, b) - s)
    left = re.sub(r"\b(?:och|samt|på|i|hos|genom|via)\b", " ", "".join(rest), flags=re.I)
    return len(re.findall(r"[^\W\d_]{2,}", left)) <= 1


def _answers_label(ctx: Context, label: str, a: int, b: int) -> bool:
    """The value line [a, b) can answer the label: a date field a date, a party field a party (or nothing), an
    intervention field no bare party, a consent field consent."""
    value = ctx.text[a:b]
    if DATE_LABEL.match(label):
        return any(a <= m.start < b for m in ctx.date_mentions)
    if PARTY_LABEL.match(label):
        return bool(OPEN_VALUE.match(value) or _bare_party(ctx, a, b) or FU_CONVENER.search(value))
    if ACTION_LABEL.match(label):
        return not _bare_party(ctx, a, b)
    if COLUMN_CONSENT_LABEL.match(label):  # consent in a word or in other words ("Finns", "Mamma har skrivit under")
        return bool(OPEN_VALUE.match(value) or re.search(r"samtyck|^\W*(?:ja|nej)\b", value, re.I)
                    or CONSENT_VALUE.match(value) or _search_ci(CONSENT_ACT, value))
    return True


def column_pairs(ctx: Context) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((label start, end), (value start, end)) for each field of a form read out column by column (GUIDELINES 4,
    block 77): a run of bare field labels, then a run of values. With as many values as labels they pair in
    order; otherwise from each end as long as each value answers its label (`_answers_label`), and a value the
    two ends give different labels stays unpaired."""
    return _cached(ctx, "_column_pairs", _find_column_pairs)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the text, empty lines included."""
    spans, pos = [], 0
    for ln in text.split("\n"):
        spans.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    return spans


def _dated_line(ctx: Context, a: int, b: int) -> bool:
    """The line [a, b) holds a date mention."""
    return any(a <= m.start < b for m in ctx.date_mentions)


def _find_column_pairs(ctx: Context) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    lines = _line_spans(ctx.text)
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    i = 0
    while i < len(lines):
        text = ctx.text[lines[i][0]:lines[i][1]]
        if not _column_label(text):
            i += 1
            continue
        labels, j = [], i
        while j < len(lines):
            t = ctx.text[lines[j][0]:lines[j][1]]
            if _column_label(t) and not _dated_line(ctx, *lines[j]):
                labels.append(lines[j])
            elif not t.strip() or not _skipped_line(t):
                break  # the labels stand on consecutive lines
            j += 1
        words = sum(bool(FORM_LABEL_WORD.search(ctx.text[a:b])) for a, b in labels)
        if len(labels) < COLUMN_MIN_LABELS or words < max(3, len(labels) / 2):
            i = max(j, i + 1)
            continue
        values: list[tuple[int, int]] = []
        slots: list[tuple[int, int]] = []  # the blank lines between values
        blank: tuple[int, int] | None = None
        new_page = False
        while j < len(lines):
            t = ctx.text[lines[j][0]:lines[j][1]]
            # a line with a date is a value, never a label ("12/5, BVC kallar" answers "Uppföljning"); the colon of a
            # date's ordinal or a clock time ("Den 6:e november 2025", "kl 14:00") labels no field
            if re.match(r"^\s*[^\s:][^:\n]{0,40}:(?![ae]\b|\d)\s*\S|.*[|\t]|.*:\s*$", t) or _column_label(t) \
                    and not _dated_line(ctx, *lines[j]) and (FORM_LABEL_WORD.search(t) and len(values) >= len(labels)
                    or new_page and not _bare_party(ctx, *lines[j]) and not OPEN_VALUE.match(t)):
                break  # a field (with its value or without), a table row, the next run of labels, or a new page's title
            if t.strip():
                new_page = _skipped_line(t)
                if not new_page:
                    slots += [blank] if blank and values else []
                    values.append(lines[j])
                blank = None
            else:
                blank = lines[j]
            j += 1
        slots += values
        # a blank line between two values is an empty field when it makes the columns as long as each other
        out += _pair_columns(ctx, labels, sorted(slots) if len(slots) == len(labels) else values)
        i = max(j, i + 1)
    return out


def _pair_columns(ctx: Context, labels: list[tuple[int, int]], values: list[tuple[int, int]]
                  ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    if len(labels) == len(values) and all(_answers_label(ctx, ctx.text[a:b], *v) for (a, b), v in zip(labels, values)):
        return list(zip(labels, values))
    names = [ctx.text[a:b].strip().lower() for a, b in labels]
    several = {lab for k, lab in enumerate(labels)  # a list label: one count knows one end of its values only
               if LIST_LABEL.match(names[k]) and names[k] not in names[k - 1:k] + names[k + 1:k + 2]}
    given: dict[tuple[int, int], set[tuple[int, int]]] = {}
    first: set[tuple[int, int]] = set()  # the labels the forward count paired
    for ls, vs, forward in ((labels, values, True), (labels[::-1], values[::-1], False)):
        for lab, val in zip(ls, vs):
            # counted from the end, a list label's last value is known (the one before the next field's), its first
            # is not: it takes that last value unless the forward count gave it its first
            if not forward and lab in several and lab in first \
                    or not _answers_label(ctx, ctx.text[lab[0]:lab[1]], *val):
                break
            given.setdefault(val, set()).add(lab)
            first |= {lab} if forward else set()
            if lab in several:
                break
    once = [(next(iter(labs)), val) for val, labs in given.items() if len(labs) == 1]
    count = Counter(lab for lab, _ in once)
    return sorted((lab, val) for lab, val in once if count[lab] == 1)  # one value per label


@dataclass
class PairedForm:
    """A form read column by column, rewritten with each label on the line above its value (`column_pairs`), its
    context, and the way back to the plan's offsets: (start in the rewritten text, start in the plan, length)."""

    ctx: Context
    chunks: list[tuple[int, int, int]]
    labels: frozenset[int] = frozenset()  # the plan offsets of the moved labels

    def to_plan(self, e: Evidence, text: str) -> Evidence:
        """The evidence at the plan's offsets: the part on the plan's own lines (`plan_span`: a field's value, not
        its moved label); evidence on a moved label alone points at the label where it stands."""
        span = self.plan_span(e.start, e.end)
        if span is not None:
            return e.model_copy(update={"start": span[0], "end": span[1], "text": text[span[0]:span[1]]})
        i = bisect.bisect_right([c[0] for c in self.chunks], e.start) - 1
        new, old, n = self.chunks[max(i, 0)]
        start = old + min(max(e.start - new, 0), n)
        end = old + min(max(e.end - new, 0), n)
        return e.model_copy(update={"start": start, "end": max(end, start), "text": text[start:max(end, start)]})

    def plan_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The part of the rewritten text's [start, end) that stands on the plan's own lines, at the plan's offsets
        (a moved label and the ": " after it left out); None when all of it is a moved label."""
        i = max(bisect.bisect_right([c[0] for c in self.chunks], start) - 1, 0)
        parts: list[tuple[int, int]] = []
        for new, old, n in self.chunks[i:]:
            if new >= end:
                break
            if n and old not in self.labels and new + n > start:
                parts.append((old + max(start - new, 0), old + min(end - new, n)))
        return (parts[0][0], parts[-1][1]) if parts else None

    def goals(self, plan: Context) -> list[Segment]:
        """The goals the paired text holds (`Context.goals`), at the plan's offsets: a goal after its moved label
        ("Mål 1: [BARN] ...") is its value where the plan has it."""
        out: list[Segment] = []
        for g in self.ctx.goals:
            span = self.plan_span(g.start, g.end)
            if span is not None:
                seg = Segment(span[0], span[1], plan.text[span[0]:span[1]], g.section)
                if seg.text.strip() and seg not in out:
                    out.append(seg)
        return out


def paired_form(ctx: Context) -> PairedForm | None:
    """The plan with its column-read form paired (`column_pairs`), or None when it has no such form."""
    return _cached(ctx, "_paired_form", _find_paired_form)


def _find_paired_form(ctx: Context) -> PairedForm | None:
    if vars(ctx).get("_is_paired") or not ctx.text.count("\n") > COLUMN_MIN_LABELS * 2:
        return None
    pairs = column_pairs(ctx)
    if not pairs:
        return None
    label_of = {v: lab for lab, v in pairs}
    moved = {lab for lab, _ in pairs}
    spans = _line_spans(ctx.text)
    parts: list[str] = []
    chunks: list[tuple[int, int, int]] = []
    size = 0

    def put(a: int, b: int, text: str) -> None:
        nonlocal size
        chunks.append((size, a, b - a))
        parts.append(text)
        size += len(text)

    for k, span in enumerate(spans):
        if span in moved:
            continue
        if span in label_of:
            a, b = label_of[span]
            after = next((sp for sp in spans[k + 1:] if ctx.text[sp[0]:sp[1]].strip()
                          and not _skipped_line(ctx.text[sp[0]:sp[1]])), None)
            if after is None or after in label_of or after in moved:
                # a field with one value reads as "Label: value"; a label over several lines as their heading. A
                # label for both ("Insats 1 / ansvarig") says the value gives both: the value must name the party.
                label = re.sub(r"\s*/\s*ansvarig\w*\s*$", "", ctx.text[a:b].rstrip(": \t"), flags=re.I)
                put(a, a + len(label), label)
                put(b, b, ": ")
            else:
                put(a, b + 1, ctx.text[a:b] + "\n")
        put(span[0], span[1] + 1, ctx.text[span[0]:span[1]] + "\n")
    paired = build_context("".join(parts))
    vars(paired)["_is_paired"] = True
    return PairedForm(paired, chunks, frozenset(a for a, _ in moved))


def on_paired_form(rule: Callable[[Context], CriterionResult]) -> Callable[[Context], CriterionResult]:
    """The rule read on the form's paired text when the plan is a form read column by column (GUIDELINES 4, block
    77), its evidence pointing into the plan."""
    def read(ctx: Context) -> CriterionResult:
        form = paired_form(ctx)
        if form is None:
            return rule(ctx)
        result = rule(form.ctx)
        ctx.signals.update(form.ctx.signals)
        return result.model_copy(update={"evidence": [form.to_plan(e, ctx.text) for e in result.evidence]})
    read.__name__, read.__doc__ = rule.__name__, rule.__doc__
    return read


# A field answered only with a question mark or a dash ("?", "–"): nobody given.
OPEN_ANSWER = re.compile(r"^\W*$")
# The title of a column of responsible parties on a line of its own ("Ansvarig", "Ansvariga", "Vem").
RESPONSIBLE_TITLE = folded_re(r"^\W*(?:ansvarig[ae]?|ansvar|vem|vem gör vad)\W*$", re.I)


def _responsible_column(ctx: Context, acts: list[Segment]) -> list[Segment]:
    """The lines of a column of responsible parties read out after the interventions' column (GUIDELINES 4, block
    77): two lines or more in a row, each a bare party (`_bare_party`) or an open answer ("?"), after the first
    intervention and either in an intervention's own section or under an "Ansvarig" title."""
    if not acts:
        return []
    sections = {s.section for s in acts}
    run: list[Segment] = []
    titled = False
    for ln in ctx.lines:
        if ln.end <= acts[0].start or _skipped_line(ln.text):
            continue
        # a party alone on its line: no time, no field label, no table or spreadsheet row ("Tandläkare: 5/11")
        party = _bare_party(ctx, ln.start, ln.end) and not re.search(r"\d|[:;|\t]", PERSON_REF.sub("", ln.text)) \
            or bool(run) and OPEN_ANSWER.match(ln.text)
        if party and (titled or run or ln.section in sections) and not any(a.start < ln.end and ln.start < a.end
                                                                            for a in acts):
            run.append(ln)
            continue
        if len(run) >= 2 and any(not OPEN_ANSWER.match(r.text) for r in run):
            return run
        run, titled = [], bool(RESPONSIBLE_TITLE.match(ln.text))
    return run if len(run) >= 2 and any(not OPEN_ANSWER.match(r.text) for r in run) else []

# The plan says that who does what was left undecided ("Vem som gör vad bestämdes inte på mötet", "Vi kom inte fram
# till vem som gör vad", "vem som gör vad får mejlas ut i efterhand"): no intervention has an agreed responsible, whatever
# parties the plan mentions elsewhere (GUIDELINES 4, block 78: what was expressly not decided does not count).
WHO_DOES_WHAT_UNDECIDED = folded_re(r"\bvem som (?:gör|ska göra) vad\s+(?:bestämdes|beslutades|fördelades|"
                                    r"klargjordes|hann(?:s)?)\s+(?:\w+\s+)?(?:inte|ej)\b|"
                                    r"\b(?:(?:kom|kommer)\s+(?:vi|de|dom|ni|mötet|man)|(?:vi|de|dom|ni|mötet|man)\s+(?:kom|kommer))"
                                    r"\s+(?:\w+\s+)?(?:inte|ej)\s+fram\s+"
                                    r"till\s+vem\s+som\s+gör\s+vad\b|"
                                    r"\bvem som gör vad\s+(?:får|ska|måste)\s+(?:vi\s+)?(?:mejlas|mailas|skickas|tas|ta)\s+"
                                    r"(?:ut\s+)?(?:i\s+efterhand|senare|om)\b", re.I)


def responsibility_per_action(ctx: Context) -> CriterionResult:
    # the law's point 1 lists the interventions needed and point 4 the coordinator; point 2 says who does what
    # (GUIDELINES 4, block 59)
    lines = [(s, who) for s, who in _activity_lines(ctx) if law_point_at(ctx, s.start) not in (1, 4)]
    acts = [s for s, _ in lines]
    with_agent = [s for s, who in lines if who == "agent"]
    only_we = [s for s, who in lines if who == "we"]
    ctx.signals.update(activities=len(acts), activities_with_agent=len(with_agent), activities_we=len(only_we))
    if not acts:
        return _result("responsibility_per_action", "not_met", 0.6, [], "Letade efter insatser med ansvarig "
                                                                          "men hittade inga insatser.")
    undecided = WHO_DOES_WHAT_UNDECIDED.search(ctx.text) if "vem som" in ctx.text.lower() else None
    if undecided:
        return _result("responsibility_per_action", "not_met", 0.55, [_ev(s, "ACTIVITY") for s in acts],
                       "Planen säger att det inte bestämdes vem som gör vad; ingen insats har en ansvarig.")
    missing = [s for s, who in lines if who != "agent"]
    column = _responsible_column(ctx, acts) if not with_agent and not only_we else []
    if column:
        # the responsible parties in a column of their own (GUIDELINES 4, block 77): as many as the interventions,
        # in the same order, each has its party; otherwise it cannot be told whose is whose (partial)
        paired = len(column) == len(acts) and not any(OPEN_ANSWER.match(ln.text) for ln in column)
        return _result("responsibility_per_action", "met" if paired else "partial", 0.55,
                       [_ev(s, "ACTIVITY") for s in acts + column],
                       f"De ansvariga står i en egen kolumn ({len(column)} för {len(acts)} insatser)"
                       + (", i samma ordning som insatserna." if paired else
                          "; det går inte att avgöra vilken ansvarig som hör till vilken insats."))
    if not missing:
        return _result("responsibility_per_action", "met", 0.7, [_ev(s, "ACTIVITY") for s in acts],
                       f"Alla {len(acts)} insatser anger vem som utför dem.")
    if with_agent or only_we:
        return _result("responsibility_per_action", "partial", 0.55, [_ev(s, "ACTIVITY") for s in missing],
                       f"{len(missing)} av {len(acts)} insatser saknar tydlig ansvarig"
                       + (" (bara 'vi'/'man')." if only_we and len(only_we) == len(missing) else "."))
    return _result("responsibility_per_action", "not_met", 0.6, [_ev(s, "ACTIVITY") for s in missing],
                   "Ingen insats anger vem som utför den.")


# The overall responsibility discussed but not given to anyone ("Samordningsansvarig: ej utsedd", "bestämdes inte").
OVERALL_UNDECIDED = folded_re(r"\b(?:(?:inte|ej) (?:\w+ )?(?:bestämt|bestämd|utsedd|utsett|utsetts|klart|löst|beslutat|"
                               r"fördelat|fördelats|vald|valts|behandla\w*|avgjort|avgjorts|avgöras|spikat)|"
                               r"bestämdes inte|bestämde (?:vi|de|dom|man|mötet|ni) inte|(?:inget|ingenting) (?:bestäms|bestämdes|beslutas|beslutades)|"
                               r"(?:inte|ej) (?:att )?(?:\w+ )?tar (?:på (?:oss|sig) )?(?:samordning\w*|\w*ansvar\w*)|"
                               r"(?:måste|får) vi prata om|vet (?:vi|de|man) inte|(?:vi|de|man) vet inte|ingen vet|utses (?:på|vid) nästa|kunde inte|ingen kunde|tas upp (?:vid|på) nästa|"
                               r"behandlades inte|diskuterades vilken|vem som ska (?:vara|ha)|oklart|återkommer|"
                               r"ingen (?:är )?(?:utsedd|utsågs)|ingen (?:\w+ ){0,2}(?:är |har blivit )?(?:utsedd|utsetts|vald|valts|bestämd)|ingen (?:f\.\s?n\.\s|för närvarande\s|just nu\s)?har (?:\w+ )?\w*ansvar\w*|(?:inte|ej) fastställ\w*|bestämmer (?:det |detta )?(?:på|vid) "
                               r"nästa|ingen (?:verksamhet )?åtog sig|ingen (?:har )?(?:\w+ )?(?:tagit|tar|tog) på sig|fördela (?:\w+ )?ansvar\w*|"
                               r"vem som ska (?:samordna|hålla i)|diskuterades inte|togs inte upp|(?:ej|inte) aktuellt)\b", re.I)
# A coordinator of an earlier plan, or one who has left ("Samordningsansvarig i den förra planen var [NAMN_1], som har
# slutat"): nobody who holds this plan.
# Also an earlier plan named by its date ("I planen från april var BVC samordningsansvarig genom dåvarande
# sjuksköterska"): long plans' background (GUIDELINES 4, block 91: earlier plans are not this plan's).
FORMER_COORDINATOR = folded_re(r"\b(?:i|enl(?:igt|\.)?|se) (?:den )?(?:förra|föregående|tidigare|gamla) (?:plan\w*|sip\w*)|"
                               r"\b(?:i|enl(?:igt|\.)?) (?:sip-?)?planen från (?:i )?(?:januari|februari|mars|april|maj|juni|juli|"
                               r"augusti|september|oktober|november|december|förra|i fjol|\d)|"
                               r"\bhar slutat\b|\bslutade\b|\bdåvarande\b", re.I)
# A coordination line that gives nobody for this plan (GUIDELINES 4): a reference back without content
# ("Samordningsansvar: som tidigare", "Samordning: oförändrat"), or a template's general text on the role ("Den som är
# samordningsansvarig ansvarar för ...", "Samordningsansvarig huvudman utses vid första mötet").
OVERALL_NO_CONTENT = folded_re(r"^\W*(?:\d{1,2}[.)]\s*)?[^:\n]{1,50}:\s*(?:som (?:tidigare|förut|innan|vanligt|sist|förra gången)|"
                               r"oförändrat?|samma som (?:tidigare|förut|innan|sist)|(?:inte|ej) (?:diskuterat|diskuterats|berört|berörts))\W*$|"
                               # the law's point 4 answered "Ej diskuterat.": nothing said (GUIDELINES 4, block 59)
                               r"^\W*(?:inte|ej) (?:diskuterat|diskuterats|berört|berörts)\W*$|"
                               r"^\W*den som (?:är|blir|utses till|har uppdraget som) \w*(?:samordn|ansvarig)|"
                               r"^\W*(?:en |den )?samordn\w*(?: huvudman| person)? (?:utses|väljs|ska utses|ska väljas)\b"
                               r"(?! (?:på|vid) nästa)|"
                               # the role alone with its duty, nobody named ("Samordningsansvarig ansvarar för att kalla")
                               r"^\W*(?:den )?(?:samordnar(?:e|en)|samordningsansvarig[ae]?)(?: (?:huvudman|person|verksamhet)\w*)? "
                               r"(?:ansvarar|ska|skall|kallar)\b(?![^.\n]*\[NAMN)", re.I)
# An undecided coordination that still names its likely holder ("troligen blir det vi på soc", "BUP eller soc?").
OVERALL_TENTATIVE = re.compile(r"\?|\beller\b|\b(?:troligen|troligtvis|förmodligen|kanske|antagligen|preliminärt|"
                               r"kan (?:gå över|bli|komma att))\b", re.I)
# A coordinator named only provisionally ("troligen LSS-handläggaren", "skolan, tills vidare", "tillfälligt"):
# partial (GUIDELINES 4.1).
OVERALL_PROVISIONAL = folded_re(r"\b(?:troligen|troligtvis|förmodligen|kanske|antagligen|preliminär\w*|tillfällig\w*|"
                                r"tills vidare|ska bekräftas|(?:inte|ej) bekräftat)\b", re.I)
# Two principals "share" it: ambiguous, partial (GUIDELINES 4).
OVERALL_SHARED = folded_re(r"\b(?:dela(?:r)? (?:(?:alltjämt|fortsatt|fortfarande|även|också|nu|tills vidare) )?"
                            r"(?:på )?(?:ansvar\w*|samordning\w*|planen|ownership)|(?:samordning\w*|ansvar\w*|ownership):? "
                            r"(?:delas|är delat)|håller ihop (?:planen|sip\w*)|gemensamt ansvar|delat ansvar|"
                            r"samordnar (?:tillsammans|gemensamt)|(?:samordning\w*|ansvar\w*) delar [^.]{1,40}? på\b)", re.I)
# A responsibility shared by everyone or by nobody named ("Samtliga aktörer tar ett gemensamt ansvar", "Ett gemensamt
# ansvar för de minsta"): no responsible party (GUIDELINES 3: "alla" is not one).
EVERYONE_SHARES = re.compile(r"\b(?:samtliga|alla|vi|nätverket|berörda)\b|^\W*(?:ett\s+)?(?:gemensamt|delat)\s+ansvar",
                             re.I)
# In a line that names the coordinator: words that make it joint or uncertain ("soc o HVB delar", "förskolan/hab?").
# A slash between two names also between placeholders ("[NAMN_1]/[NAMN_2]").
OVERALL_JOINT = re.compile(r"\b(?:delar|delas|tillsammans|gemensamt|gemensam)\b|\?|(?:[^\W\d]\]?|\d\])\s*/\s*\[?[^\W\d]")
# A line labelled as the plan's coordination outside the intervention list ("Samordning: IFO", "3. ansvar: soc o
# HVB delar", "Ansvar för planen: ..."); in an intervention section "Ansvar:" is an action's responsible instead.
OVERALL_FIELD = folded_re(r"^\s*(?:\d{1,2}[.)]\s*)?(?:samordn\w*\.?|ansvar(?:ig)?(?: för (?:hela )?(?:planen|sip\w*))?|"
                           r"ansvarig huvudman)\s*:", re.I)
# A field labelled with the coordination itself ("Samordn.: soc o skolan delar", "Samordningsansvar: ..."): the plan's,
# also below the interventions, unlike an action's "Ansvar:".
COORDINATION_FIELD = folded_re(r"^\s*samordn\w*\.?\s*:", re.I)
# A heading that is the coordination word alone ("Samordning", "SAMORDN.", also where a shorthand note's full stop
# kept it from being read as a heading): the line under it gives the coordinator.
COORDINATION_HEADING = folded_re(r"^\W*(?:\d{1,2}[.)]\s*)?samordn(?:ing|\.)?\W*$", re.I)
# A spreadsheet's row that gives the plan's coordination in its first cell ("Samordning;\"soc eller HVB?\";;",
# "Samordning\tlogoped och skolan delar"), and that cell with its separator.
SHEET_OVERALL_FIELD = folded_re(r"^\s*(?:samordn\w*\.?|huvudansvar\w*(?: för (?:hela )?(?:planen|sip\w*))?|"
                                 r"ansvar för (?:hela )?(?:planen|sip\w*)|ansvarig huvudman)\s*(?:\t+|;)\s*\S", re.I)
SHEET_LABEL = re.compile(r"^[^\t;]{1,50}(?:\t+|;)")
# Who called or chaired this meeting, or holds the contacts together: the overall responsibility only implied
# (GUIDELINES 4.1: "Sammankallande: [NAMN_1] (BVC)" is partial), also abbreviated ("Sammank.:", "Sammankall.:").
MEETING_LEAD = folded_re(r"\b(?:(?:mötes)?ordförande|ordf(?=\.)|sammankallande|sammank(?:all)?(?=\.)|"
                          r"sammankallat av|kalla[dt] av|kallelse(?:n)? (?:skickad|skickades|gick ut)(?: ut)? av|(?<!ej )(?<!inte )(?:(?<=\w )kallade|(?:hade|har) kallat)(?=\s*(?:[.,]|$))|"
                          rf"(?:på|efter) {ELIDED_COMPOUND}\S+?(?::s|s) initiativ|(?:samman)?kalla(?:de|t) till (?:mötet|detta|det här|"
                          r"dagens)|(?:samman)?kallades av|leddes av|ledde (?:mötet|dagens möte)|hade bjudit in|"
                          r"(?:skrev|skickade(?: ut)?) kallelsen|tog initiativ(?:et)? till (?:mötet|detta|det här|dagens)|upprätta(?:d|s|des) av|leder arbetet med planen|"
                          r"håller (?:i|ihop) (?:mötena|kontakterna|arbetet|det här)|mötesledare\w*|"
                          r"(?:höll|hållit) i (?:mötet|mötena|dagens möte)|öppnade mötet|"
                          r"(?:mötet|sip-mötet|sip:en|sipen) (?:hölls|kom till) på initiativ av|initiera(?:d|t|des) av|kontakt(?:person)? för (?:hela )?(?:planen|sip)|"
                          r"(?:planen|dokumentet|sip:en) (?:hålls uppdaterad|hålls uppdaterat|uppdateras) av)\b", re.I)
# A fast pre-check for MEETING_LEAD.
_LEAD_WORDS = re.compile(r"ordf|sammank|kall|led[de]|ledare|bjudit|upprätta|håller|höll|hållit|öppnade|initi|"
                         r"kontakt|uppdater", re.I)
# A party that only wrote the plan down or holds the child's placement ("Planen sammanställd av [NAMN_1],
# socialsekreterare", "Soc ansvarar för placeringen"): the coordinator only implied (overall_responsibility partial),
# and as an implied coordinator assumed to lead the follow-up (follow_up_responsible partial; GUIDELINES 4.1,
# decided 2026-11-25).
PLAN_HOLDER_HINT = folded_re(r"\b(?:sammanställ(?:d|t|des)\s+av|"
                             # "Placerande nämnd: socialtjänsten, handläggare [NAMN_2]": as "ansvarar för placeringen"
                             r"placerande\s+(?:nämnd|socialtjänst|kommun|förvaltning|enhet)\w*\s*:|"
                             # the case officer in the document's header ("Handläggare: [NAMN_1], socialsekreterare")
                             r"^[\W\d]*handläggare\s*:|"
                             r"ansv(?:ar\w*|\.)?\s+för\s+(?:[^.\n]{0,30}?\s)?placering\w*|(?:ärendet\s+)?handläggs\s+av|"
                             r"har\s+hand\s+om\s+(?:\S+\s+){0,2}?(?:ärende|placering)\w*)", re.I)
# A first name as the subject right before a verb ("Carina kallar"), but not a pronoun or a sentence's first word
# that is no name, nor a form field's question word ("Vem kallar: ...", the field label of block 83's templates).
FIRST_NAME_SUBJECT = re.compile(r"(?<![\w\[])(?!(?:Vi|Man|Alla|Ni|De|Dom|Det|Den|Denna|Detta|Som|Och|Då|Sedan|Ingen|Vem|"
                                r"Någon|Kallelse\w*|Planen|Mötet|Nästa|Uppf\w*)\b)[A-ZÅÄÖ][a-zåäö]+\s+$")


@dataclass
class OverallStatements:
    """What a plan says about its overall responsibility, sorted by how clearly it names someone."""

    named: list[Segment]  # a coordinator with a verksamhet, role or person
    shared: list[Segment]  # shared between principals, or uncertain ("förskolan/hab?")
    undecided: list[Segment]  # discussed, nobody given it
    tentative: list[Segment]  # not decided, but its likely holders named ("BUP eller soc?")
    implied: list[Segment]  # a coordination word without anyone, or who called/chaired the meeting


# A heading of one of the law's four points (SoL 2 kap. 7 §, HSL 16 kap. 4 §: "1. Vilka insatser behövs", "Del 2 – Vilka
# insatser respektive huvudman ansvarar för", "3. Åtgärder av andra än kommunen eller regionen", "(4) Övergripande
# ansvar", "Punkt 4 – Vilken huvudman som har det övergripande ansvaret"), alone on its line; read like any heading
# (GUIDELINES 4, block 59).
LAW_POINT = folded_re(r"^\W*(?:(?:punkt|del)\s+)?\(?([1-4])\s*[.)]?\s*(?:[–—:-]\s*)?(?:"
                      r"(?:vilka\s+)?insatser\s+(?:som\s+)?(?:behövs|respektive\s+huvudm\w+\s+(?:ska\s+)?"
                      r"(?:ansvara|ansvarar|svara|svarar)\s+för)|"
                      r"(?:vilka\s+)?åtgärder\s+(?:som\s+vidtas\s+)?av\s+(?:någon\s+)?(?:annan|andra)|"
                      r"(?:vilken\s+(?:av\s+)?)?(?:huvudm\w+\s+(?:som\s+)?(?:har|ska\s+ha|med)\s+(?:det\s+)?)?"
                      r"övergripande\s+ansvar\w*)[^:\n]{0,50}?[\s.:?]*$", re.I)


def law_point(text: str) -> int | None:
    """The number of the law's point that the line heads (`LAW_POINT`), else None."""
    m = _search_ci(LAW_POINT, text)
    return int(m.group(1)) if m else None


# A principal's own heading inside the law's point 2 ("Kommunen:", "Regionen (BUP)", "Kommunen (socialtjänst, skola)"):
# the point goes on under it.
PRINCIPAL_HEADING = folded_re(r"^\W*(?:kommunen|regionen)\b[^:.\n]{0,50}:?\s*$", re.I)


def law_point_spans(ctx: Context) -> list[tuple[int, int, int]]:
    """(start, end, point) of each of the law's points in a plan set out by them (`LAW_POINT`; at least points 1
    and 2): from its heading to the next point's heading or the next other heading."""
    return _cached(ctx, "_law_point_spans", _find_law_point_spans)


def _find_law_point_spans(ctx: Context) -> list[tuple[int, int, int]]:
    if "huvudm" not in ctx.text.lower():
        return []  # point 2 names the principals
    headings = {s.start for s in ctx.segs if s.is_heading}
    out: list[tuple[int, int, int]] = []
    current: tuple[int, int] | None = None  # (start, point)
    for ln in ctx.lines:
        n = law_point(ln.text) if not _is_table_row(ln.text) else None
        if current and (n or ln.start in headings and not PRINCIPAL_HEADING.match(ln.text)):
            out.append((current[0], ln.start, current[1]))
            current = None
        if n:
            current = (ln.start, n)
    if current:
        out.append((current[0], len(ctx.text), current[1]))
    points = {p for _, _, p in out}
    return out if {1, 2} <= points else []


def law_point_at(ctx: Context, pos: int) -> int | None:
    """The law's point the position lies under (`law_point_spans`), else None."""
    return next((p for a, b, p in law_point_spans(ctx) if a <= pos < b), None)


# What may follow the coordination word in a label ("6. Huvudansvarig för planen", "Samordningsansvarig person").
LABEL_TAIL = folded_re(r"\s*(?:för\s+(?:hela\s+)?(?:planen|sip\S*)|person|huvudman|verksamhet)?\s*:?\s*$", re.I)


def _label_only(pattern: re.Pattern[str], text: str) -> bool:
    """True when a segment is only the pattern's label ("Samordningsansvarig:", "L. Samordningsansvar",
    "6. Huvudansvarig för planen")."""
    rest = re.sub(r"^\s*(?:\d{1,2}|[A-Z])[.)]", "", pattern.sub("", SPOKEN_OR_SLIDE_LEAD.sub("", text, count=1), count=1))
    return not re.search(r"[A-Za-zÅÄÖåäö\[]", rest) or bool(LABEL_TAIL.fullmatch(rest))


# What opens a heading in a dictated plan or a slide deck exported to text ("Rubrik samordningsansvarig.",
# "Slide 10: Samordningsansvarig", "Bild 4 – Ansvar").
SPOKEN_OR_SLIDE_LEAD = re.compile(r"^\s*(?:rubrik\s+|(?:slide|bild)\s+\d{1,2}\s*(?:[:.–-]\s*)?)", re.I)


# A bracketed line right under a numbered template heading is also a template's instruction (TEMPLATE_INSTRUCTION):
# nobody is named and nobody calls in it.
BRACKETED_LINE = followup.BRACKETED_LINE
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+\S[^.:]{0,70}[?:]?\s*$")


# A form's own guidance on how to fill it in, not in brackets ("Anvisning: Skriv målen så att ...", "Så fyller du i
# blanketten: ...", "Fylls i av samordnaren under eller efter mötet."): no content of the plan (GUIDELINES 4, block 77:
# a form's text that is not the answer of a field).
FORM_GUIDANCE = folded_re(r"^\W*(?:anvisning(?:ar)?\s*:|instruktion(?:er)?\s*:|så fyller (?:du|ni) i\b|"
                          r"fylls i (?:av|under|efter)\b)", re.I)
# The heading of a form's printed information page on SIP in general ("Information till den enskilde", "Information
# om samordnad individuell plan", "Sekretess och personuppgifter"): the law and the form's text, not this plan's.
INFO_PAGE_HEADING = folded_re(r"^\W*(?:information\s+(?:till\s+den\s+enskilde|om\s+(?:samordnad\s+individuell\s+plan|"
                              r"sip)\b)|sekretess\s+och\s+personuppgifter)\W*$", re.I)


def instruction_spans(lines: list[Segment]) -> list[tuple[int, int]]:
    """(start, end) of each template instruction line among a plan's lines, also a form's unbracketed guidance
    (`FORM_GUIDANCE`) and the lines of its general information page (`INFO_PAGE_HEADING`, up to the next other
    heading: a short line that is no sentence)."""
    out, previous = [], ""
    info = False
    for ln in lines:
        t = ln.text.strip()
        if INFO_PAGE_HEADING.match(t):
            info = True
        elif info and t and _word_count(t) <= 4 and not re.search(r"[.:]$|^[–•*-]", t):
            info = False  # "Sändlista", "Underskrifter": the next part of the form
        if info or TEMPLATE_INSTRUCTION.match(ln.text) or FORM_GUIDANCE.match(ln.text) \
                or BRACKETED_LINE.match(ln.text) and NUMBERED_HEADING.match(previous):
            out.append((ln.start, ln.end))
        if ln.text.strip():
            previous = ln.text
    return out


def _is_instruction(ctx: Context, s: Segment) -> bool:
    """The segment lies in a template's instruction line (`instruction_spans`, also a bracketed line under a
    numbered heading)."""
    return _in_spans_of(ctx.instructions, s.start)


def _joint(ctx: Context, s: Segment) -> bool:
    """Two principals given the coordination together ("IFO och elevhälsan", "förskolan/hab?", "delar"); a slash
    in the field's label or in a parenthesis joins no principals ("Samordningsansvarig huvudman/person: ...",
    "BUP, [NAMN_1] (kurator/behandlare)"), nor one between initials and their agency ("KL/soc")."""
    value = re.sub(r"\([^()]*\)", " ", re.sub(r"^[^:]{1,50}:", "", initials.agency_slash_spaced(s.text), count=1))
    if OVERALL_JOINT.search(value) or "?" in s.text:
        return True
    names = sorted((a, b, n) for a, b, n in ctx.actors if s.start <= a < s.end)
    return any(n1 != n2 and re.fullmatch(r"\s*(?:och|o|samt|&|,)\s*", ctx.text[b1:a2])
               for (_, b1, n1), (a2, _, n2) in zip(names, names[1:]))


# An agency and a title in one word ("LSS-handläggaren", "BVC-sköterskan"): a named role.
AGENCY_TITLE = re.compile(r"(?<![\w-])([\wåäöÅÄÖ]+)-[a-zåäö]{4,}")


def _names_someone(ctx: Context, s: Segment) -> bool:
    """An actor, role or person placeholder (not the child) in the segment, or a first name after its label."""
    return ctx.has_agent(s) or bool(re.search(r":\s*(?:\w+\s+)?[A-ZÅÄÖ][a-zåäö]+\b", s.text)) \
        or any(normalise_actor(m.group(1)) for m in AGENCY_TITLE.finditer(s.text))


def _names_party(ctx: Context, s: Segment) -> bool:
    """A verksamhet or a role in the segment (a person placeholder alone is no party)."""
    return any(s.start <= a < s.end for a, _, _ in ctx.parties)  # also a local unit's name (GUIDELINES 4, block 85)


def _checklist_line(ctx: Context, s: Segment) -> Segment | None:
    """The segment's line when the whole line is a ticked checklist of bare claims (`CHECKLIST_CLAIM`), else None."""
    if not CHECKLIST_CLAIM.fullmatch(s.text):
        return None
    line = next((ln for ln in ctx.lines if ln.start <= s.start < ln.end), s)
    return line if CHECKLIST_CLAIM.fullmatch(line.text) else None


def _cached(ctx: Context, name: str, compute: Callable[[Context], T]) -> T:
    """compute(ctx), computed once per context (several criteria read the same statements)."""
    found = vars(ctx)
    if name not in found:
        found[name] = compute(ctx)
    return found[name]


def overall_statements(ctx: Context) -> OverallStatements:
    """Sort the segments about the plan's overall responsibility: an "OVERALL" word ("samordningsansvarig",
    "håller i planen"), a coordination field ("Samordning: ...") outside the interventions, or the line after
    such a heading or label ("Samordningsansvarig" / "[NAMN_2], kurator"). An empty field says nothing."""
    return _cached(ctx, "_overall_statements", _overall_statements)


# The coordination guessed at without the word "ansvar" ("Samordning troligen soc, ska bekräftas", "samordningen blir
# kanske BUP"): a tentative coordinator (GUIDELINES 4.1).
COORDINATION_GUESS = folded_re(r"\bsamordning(?:en)?\s+(?:(?:blir|är|hamnar)\s+(?:hos\s+)?)?(?:troligen|troligtvis|"
                               r"förmodligen|kanske|antagligen|preliminärt)\b", re.I)


# The first-person writer holds the plan ("Jag är samordningsansvarig", "det är jag som håller i den", "Samordnings-
# ansvarig: jag, [NAMN_1], kurator"): named when the plan says who writes it (`writer_named`), else like "vi".
WRITER_HOLDS = folded_re(r"\bjag\s+(?:är|blir)\s+(?:\w+\s+)?(?:samordn\w*|planeringsansvarig|huvudansvarig)|"
                         r"\bdet är jag som\b|\bjag\s+(?:håller|har hand om)\s+(?:i|ihop)\s+(?:planen|sip\w*)|"
                         r"^[^:\n]{1,50}:\s*jag\b", re.I)


# A heading that is only the meeting's convener or chair ("Sammankallande", "Ordförande"), its person on the next line.
MEETING_LEAD_LABEL = folded_re(r"^\W*(?:sammankallande|mötesordförande|ordförande)\W*$", re.I)
# The first-person writer as the one who called or chaired ("Jag kallade till detta möte").
FIRST_PERSON = re.compile(r"\bjag\b", re.I)


def _lead_named(ctx: Context, s: Segment, lead_label: Segment | None) -> bool:
    """Who called or chaired this meeting, named (GUIDELINES 4.1: "Sammankallande: [NAMN_1] (BVC)" is partial): in
    a `MEETING_LEAD` statement that names someone or the plan's named writer as "jag" (GUIDELINES 4, block 58), or
    on the line under a "Sammankallande" heading (a journal's keyword heading, GUIDELINES 4, block 67)."""
    if lead_label is not None and ctx.text.count("\n", lead_label.end, s.start) == 1:
        return _names_someone(ctx, s)
    return bool(_search_ci(_LEAD_WORDS, s.text) and MEETING_LEAD.search(s.text)
                and (_names_someone(ctx, s) or FIRST_PERSON.search(s.text) and writer_named(ctx)))


# An action's "Ansvar:" field, as "Ansvarig:" is ("Insats 1: Praktikplats ..." / "Ansvar: [NAMN_3], Arbetsförmedlingen":
# GUIDELINES 3, responsibility_per_action, each intervention's responsible; not the plan's coordination).
ACTION_RESPONSIBLE_FIELD = folded_re(r"^\s*ansvar(?:ig)?\s*:", re.I)
# An intervention's own label at its line's start ("Insats 2: ...", "Åtgärd:", "- Stödinsats 1: ...").
ACTION_LINE_LABEL = re.compile(r"^\s*(?:[-–•*]\s*)?(?P<label>[^:\n]{1,30}):")


# A line that opens with a bare responsibility field ("Ansvar: ...", "Ansvarig: ...").
RESPONSIBLE_FIELD_LINE = folded_re(r"^[ \t]*ansvar(?:ig)?[ \t]*:", re.I | re.M)


def _repeated_responsible_field(ctx: Context) -> bool:
    """The plan has a bare "Ansvar(ig):" field on more than one line: a field repeated per intervention (a form's
    "Insats: / Ansvarig:" pairs, also read out column by column, GUIDELINES 4 block 77), each an action's responsible,
    not the plan's one coordinator."""
    return _cached(ctx, "_repeated_responsible", lambda c: len(RESPONSIBLE_FIELD_LINE.findall(c.text)) > 1)


def _after_action_line(ctx: Context, s: Segment) -> bool:
    """The line right above `s` (no blank line between) is an intervention labelled as one ("Insats 1: ...")."""
    if ctx.text.rfind("\n", 0, s.start) <= 0:
        return False
    m = ACTION_LINE_LABEL.match(_line_above(ctx, s.start))
    return bool(m) and bool(INTERVENTION_SECTION.search(m.group("label")))


def _overall_statements(ctx: Context) -> OverallStatements:
    out = OverallStatements([], [], [], [], [])
    label: Segment | None = None
    lead_label: Segment | None = None  # the last "Sammankallande" heading
    for s in ctx.segs:
        if _is_instruction(ctx, s):
            continue  # the template's "(Ange huvudman och samordningsansvarig person)": the label's value follows
        if _checklist_line(ctx, s):
            continue  # "☐ Samordningsansvarig utsedd" in a checklist: a claim, nobody named (GUIDELINES 4)
        overall = _has_cue(s.text, OVERALL_CUES) and _search_ci(OVERALL, s.text)
        # a field that opens its line, not an action's "Ansvar: förskolan." after it in a list item
        field_line = (OVERALL_FIELD.match(s.text) and not _is_table_row(s.text) or SHEET_OVERALL_FIELD.match(s.text)) \
            and (not INTERVENTION_SECTION.search(s.section) or COORDINATION_FIELD.match(s.text)) and _starts_line(ctx, s) \
            and not (ACTION_RESPONSIBLE_FIELD.match(s.text) and (_after_action_line(ctx, s)
                                                                  or _repeated_responsible_field(ctx)))
        if label is not None and not overall and OVERALL_UNDECIDED.search(s.text) and len(s.text) < 60 \
                and not FOLLOW_UP_FIELD.match(s.text):
            statement = s  # "Huvudansvar för planen" / "Ingen utsedd": the label's value, short enough to pass for a heading
        elif label is not None and not s.is_heading and s.section == label.section \
                and not overall and not field_line and not SECTION_WORD.match(s.text) \
                and not EMPTY_LABEL.match(s.text) and not _next_numbered(label.text, s.text) \
                and not EDITOR_NOTE.match(s.text) and not FOLLOW_UP_FIELD.match(s.text) and re.search(r"\w", s.text):
            statement = s  # the value on the line after a "Samordningsansvarig" heading or label (a frame's
            # "└───┘" under a boxed heading, no word in it, is none)
        elif label is not None and s.is_heading and law_point(label.text) == 4 and _word_count(s.text) <= 6:
            statement = s  # the law's point 4 / "Kommunen": its short value, taken for a heading
        elif s.is_heading or COORDINATION_HEADING.match(s.text) \
                or overall and (_label_only(OVERALL, s.text) or law_point(s.text) == 4
                                or WHO_QUESTION.match(s.text) and _ends_line(ctx, s)):
            label = s if overall or COORDINATION_HEADING.match(s.text) else None
            lead_label = s if MEETING_LEAD_LABEL.match(s.text) else None
            continue
        elif overall or field_line or _search_ci(OVERALL_SHARED, s.text) or _search_ci(COORDINATION_GUESS, s.text):
            statement = s
        else:
            label = None
            if _lead_named(ctx, s, lead_label) or _search_ci(PLAN_HOLDER_HINT, s.text) and _names_party(ctx, s):
                out.implied.append(s)
            lead_label = None
            continue
        label = None
        if _search_ci(FORMER_COORDINATOR, statement.text) or _search_ci(OVERALL_NO_CONTENT, statement.text):
            continue
        # the value of a "Label: value" line, or of a spreadsheet's "Samordning;value;;" row
        value = SHEET_LABEL.sub("", statement.text, count=1).strip(' ;\t"') if SHEET_OVERALL_FIELD.match(
            statement.text) else re.sub(r"^[^:]{1,50}:\s", "", statement.text)
        if OVERALL_UNDECIDED.search(statement.text):
            # candidates named but not settled ("barnmottagningen eller förskolan? (ej bestämt)"): ambiguous
            # the rest of its line may name them ("Samordning: oklart. Soc har haft det, men det kan gå över …")
            line = next((ln for ln in ctx.lines if ln.start <= statement.start < ln.end), statement)
            tentative = OVERALL_TENTATIVE.search(line.text) and ctx.has_agent(line)
            (out.tentative if tentative else out.undecided).append(statement)
        elif EMPTY_CELL.match(UNCHECKED_BOX.sub("", OUTLINE_MARK_LEAD.sub("", value + " ", count=1))):
            continue  # also a form's unchecked options ("|_| kommun |_| region [ej ifyllt]"), or an outline's
            # sub-level with nothing on it ("6. Samordningsansvar" / "6.1"; GUIDELINES 4, block 80: "en nivå med
            # bara en rubrik och inget under visar ingenting")
        elif _search_ci(WRITER_HOLDS, statement.text) \
                and (writer_named(ctx) or not _party_beside_duty(ctx, statement, statement.start, statement.end)):
            # "Jag är samordningsansvarig och håller ihop kontakterna mellan ...": the writer, named when the plan
            # says who writes it, else like "vi" (GUIDELINES 4, block 58)
            (out.named if writer_named(ctx) else out.implied).append(statement)
        elif OVERALL_SHARED.search(statement.text) or _joint(ctx, statement):
            if not _names_someone(ctx, statement) and EVERYONE_SHARES.search(statement.text):
                continue  # "Samtliga aktörer tar ett gemensamt ansvar": a value word, nobody given the plan
            out.shared.append(statement)
        elif _search_ci(OVERALL_PROVISIONAL, statement.text) and _names_someone(ctx, statement):
            out.tentative.append(statement)
        elif not _names_someone(ctx, statement) or _principal_only(value) \
                or ctx.codes and initials.unexplained_only(value, ctx.explained_codes) \
                or (MEETING_LEAD.search(value) or FU_CONVENER.search(value)) \
                and not OVERALL.search(value) and not _coordinator_then_convener(ctx, statement, value):
            # "Samordning: [NAMN_1] är sammankallande"; initials nothing explains ("Samordningsansvarig: AK") are a
            # person without role or agency (GUIDELINES 3: partial; 4, block 89)
            out.implied.append(statement)
        else:
            out.named.append(statement)
    return out


# A coordination field's value that is only the principal(s), ticked boxes aside ("Samordningsansvarig huvudman:
# ☒ Kommun", "Huvudman: regionen"): GUIDELINES 4, block 59: 'bara "kommunen" eller "regionen" säger inte vem som
# håller i planen: partial'; block 83: a ticked option reads as the field's value.
PRINCIPAL_ONLY = folded_re(r"^(?:[\W_]|[xX](?=\])|och\b|kommun(?:en)?\b|region(?:en)?\b|landstinget\b)*$", re.I)


def _principal_only(value: str) -> bool:
    """The field's value names nothing but a principal (kommun, region), with or without ticked boxes."""
    return bool(re.search(r"[a-zåäö]", value, re.I)) and bool(PRINCIPAL_ONLY.match(value))


# A line that is all one bracketed note with words ("[Ändringar i efterhand: ...]", "[handskrivet: ...]"), not a
# person placeholder ("[NAMN_1]"): no value of the label above it.
EDITOR_NOTE = re.compile(r"^\s*\[(?![A-ZÅÄÖ0-9_]+\])[^\n]*\]\s*$")


def _ends_line(ctx: Context, s: Segment) -> bool:
    """Nothing but spaces after the segment on its line (a question whose answer is on the next line)."""
    end = ctx.text.find("\n", s.end)
    return not ctx.text[s.end:end if end >= 0 else len(ctx.text)].strip()


def _next_numbered(label: str, text: str) -> bool:
    """The text opens the numbered section after the label's ("3. Samordningsansvarig:" then "4. Anledning
    till SIP"): the label's field is empty."""
    a, b = LINE_NUMBER.match(label), LINE_NUMBER.match(text)
    return bool(a and b and int(b.group(1)) == int(a.group(1)) + 1)


def _coordinator_then_convener(ctx: Context, s: Segment, value: str) -> bool:
    """A coordination label whose value names someone before saying that they also call the meetings
    ("Samordningsansvarig: [NAMN_2], socialtjänsten, som också kallar till uppföljning")."""
    at = len(s.text) - len(value)
    lead = MEETING_LEAD.search(value) or FU_CONVENER.search(value)
    return bool(OVERALL.search(s.text[:at]) and lead and re.search(r",\s*som\s+(?:\w+\s+)?$", value[:lead.start()])
                and _agent_in(ctx, s.text, s.start, at, at + lead.start()))


def overall_responsibility(ctx: Context) -> CriterionResult:
    """met: a coordinator is named; partial: shared or only implied (who calls the follow-up or chaired the
    meeting); not_met: nothing, or the plan says that nobody has it (GUIDELINES 3, 4 and 4.1)."""
    st = overall_statements(ctx)
    callers = [s for s, who in follow_up_conveners(ctx) if who == "named"]  # "vi kallar" implies nobody
    ctx.signals.update(overall_named=len(st.named) + len(st.shared) + len(st.tentative) + len(st.implied),
                       overall_with_agent=len(st.named),
                       conveners=len(callers), overall_undecided=len(st.undecided), overall_shared=len(st.shared))
    if st.named:
        return _result("overall_responsibility", "met", 0.75, [_ev(s, "COORDINATOR") for s in st.named],
                       "Samordningsansvarig anges.")
    if st.shared or st.tentative:
        return _result("overall_responsibility", "partial", 0.6,
                       [_ev(s, "COORDINATOR") for s in st.shared + st.tentative],
                       "Flera verksamheter delar det övergripande ansvaret, eller det är osäkert vem som har det.")
    if st.undecided:
        return _result("overall_responsibility", "not_met", 0.65, [_ev(s, "COORDINATOR") for s in st.undecided],
                       "Samordningsansvaret nämns men är inte bestämt.")
    if st.implied or callers:
        return _result("overall_responsibility", "partial", 0.5,
                       [_ev(s, "COORDINATOR") for s in st.implied + callers],
                       "Det övergripande ansvaret är bara underförstått (vem som kallar eller ledde mötet).")
    return _result("overall_responsibility", "not_met", 0.7, [], "Letade efter samordningsansvarig/"
                                                                   "planeringsansvarig men hittade ingen.")


# A worker meeting the child ("[NAMN_4] ses m [BARN] varannan vecka"): an intervention, not the plan's follow-up.
CHILD_CONTACT = folded_re(rf"\b(?:ses|träffas|hörs)\s+(?:med|m\.?)\s+{_PARTICIPANT}", re.I)


# A sentence that points back at the meeting just named ("Det blir i slutet av april.", "Mötet hålls efter lovet.").
MEETING_ANAPHOR = folded_re(r"^\W*(?:det|mötet|det mötet|den)\s+(?:blir|hålls|sker|bokas|ligger|planeras)\b", re.I)


# A time that has passed by its own words ("i somras", "i höstas", "i fredags", "i går"): never the next follow-up.
PAST_TIME = folded_re(r"^i\s+(?:våras|höstas|somras|vintras|påskas|julas|går|förrgår|fjol|(?:mån|tis|ons|tors|fre|lör|sön)dags)$",
                      re.I)
# The words before a time that something started from ("SIP från mars", "sedan augusti"): not the next follow-up.
SINCE_BEFORE = re.compile(r"\b(?:från|sedan|sen)\s+$", re.I)
# Where a sentence or clause ends, also as a dictated plan writes it out ("... kallar punkt", "nytt stycke").
SPOKEN_BREAK = folded_re(r"[.!?;,]\s|\n|\s(?:och|men|samt)\s|\b(?:punkt|nytt stycke|ny rad)\b", re.I)


def _in_cue_clause(text: str, s: Segment, m: dates.DateMention) -> bool:
    """The time is in the same clause as a follow-up word of its segment ("Vi ses igen efter jullovet"), not in
    another clause ("Klassresan är i maj, och [NAMN_2] tar upp det på nästa möte")."""
    for cue in FOLLOW_UP.finditer(s.text):
        c0, c1 = s.start + cue.start(), s.start + cue.end()
        lo, hi = (c1, m.start) if m.start >= c1 else (m.end, c0)
        if lo >= hi or not SPOKEN_BREAK.search(text, lo, hi):
            return True
    return False


# A field for a time ("Tidpunkt: i vår", "Datum: tisdag 3/3", "När: efter lovet").
TIME_FIELD = folded_re(r"^\s*(?:datum|tidpunkt|tid|när|vecka)\s*:", re.I)


def _follow_up_time_field(ctx: Context, i: int) -> bool:
    """Segment i is a time field on the line right under a follow-up title that is no heading ("10. Ny
    uppföljning" / "Tidpunkt: i vår")."""
    if i == 0 or not TIME_FIELD.match(ctx.segs[i].text):
        return False
    title = ctx.segs[i - 1]
    return ctx.text.count("\n", title.end, ctx.segs[i].start) == 1 \
        and bool(FOLLOW_UP_LINE.match(LINE_NUMBER.sub("", title.text, count=1)))


def _follow_up_time(ctx: Context, s: Segment, m: dates.DateMention, by_label: bool) -> bool:
    """A vague time in a follow-up mention: anywhere under a follow-up label or in the sentence that points back at
    it, else in the clause that says follow-up. A time passed by its own words ("i somras") or one that something
    started from ("SIP från mars") never counts."""
    return s.start <= m.start < s.end and not PAST_TIME.match(m.text) \
        and not SINCE_BEFORE.search(ctx.text, max(s.start, m.start - 10), m.start) \
        and (by_label or _in_cue_clause(ctx.text, s, m))


OUTLINE_LOOKBACK = 6  # lines read back for a line's outline levels above it


# An outline's Roman numeral or letter before a title ("V. UPPFÖLJNING", "B. Vem kallar").
OUTLINE_LETTER = re.compile(r"^\s*(?:[IVX]{1,4}|[A-Za-z])[.)]\s+")


def _under_follow_up_level(ctx: Context, pos: int) -> bool:
    """The line at pos stands on a sub-level of a follow-up title in a deep outline ("7. Nästa uppföljning" /
    "7.1 När" / "7.1.1 Efter sommarlovet"; "8 Uppföljning" / "<tab>a) i höst"): a date or a convener on a sub-level
    belongs to the item above it (GUIDELINES 4, block 80). Reads back over the levels above it, no empty line
    between, to a follow-up title of a few words."""
    start = ctx.text.rfind("\n", 0, pos) + 1
    level = _line_depth(ctx.text[start:ctx.text.find("\n", start) % (len(ctx.text) + 1)])
    for _ in range(OUTLINE_LOOKBACK):
        if start == 0:
            return False
        above_start = ctx.text.rfind("\n", 0, start - 1) + 1
        above = ctx.text[above_start:start - 1]
        if not above.strip():
            return False
        above_level = _line_depth(above)
        if above_level[0] < level[0] or above_level[0] == level[0] and 0 < above_level[1] < level[1]:
            title = OUTLINE_LETTER.sub("", OUTLINE_NUMBER.sub("", LINE_NUMBER.sub("", above, 1), 1), 1)
            if len(above.split()) <= 5 and FOLLOW_UP_LINE.match(title):
                return True
            level = above_level
        start = above_start
    return False


# A follow-up line that leaves its time open between the times it names ("Uppföljning: skolan skrev 3/12, logopeden
# föreslår efter jul. Vi hann inte bestämma vilket."): two times without a decision are an unclear time (GUIDELINES 4,
# block 81: "två olika uppföljningsdatum utan beslut är `follow_up_date` partial").
TIME_LEFT_OPEN = folded_re(r"\b(?:hann|kunde)\s+(?:vi\s+|de\s+|man\s+)?(?:inte|ej)\s+(?:\w+\s+)?(?:bestämma|besluta|enas)|"
                           r"(?:inte|ej)\s+(?:\w+\s+)?(?:bestämt|beslutat|bestämts|beslutats)\s+(?:vilket|vilken|vilket datum|"
                           r"vilken tid|när)\b", re.I)


def _time_left_open(ctx: Context, m: dates.DateMention) -> bool:
    """The line of a follow-up time says its time was left open (`TIME_LEFT_OPEN`)."""
    start = ctx.text.rfind("\n", 0, m.start) + 1
    end = ctx.text.find("\n", m.end)
    return bool(TIME_LEFT_OPEN.search(ctx.text, start, end if end >= 0 else len(ctx.text)))


def follow_up_date(ctx: Context) -> CriterionResult:
    ctx.signals.update(follow_up_concrete=len(ctx.follow_up_concrete), follow_up_vague=len(ctx.follow_up_vague))
    if ctx.follow_up_concrete and all(_time_left_open(ctx, m) for m in ctx.follow_up_concrete):
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in ctx.follow_up_concrete]
        return _result("follow_up_date", "partial", 0.55, ev, "Uppföljningens tid är inte bestämd mellan de tider "
                                                              "som nämns.")
    if ctx.follow_up_concrete:  # also a day and month whose year the plan leaves open ("tisdag 9/4 kl 10")
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in ctx.follow_up_concrete]
        when = ctx.follow_up_iso or [m.text for m in ctx.follow_up_concrete]
        return _result("follow_up_date", "met", 0.8, ev, "Uppföljning: " + ", ".join(when) + ".")
    if ctx.follow_up_vague:
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in ctx.follow_up_vague]
        return _result("follow_up_date", "partial", 0.65, ev, "Tiden för uppföljning är vag, inget datum.")
    # also under a follow-up label ("Uppföljning:" / "Vi tittar på planen igen efter jullovet.") or in a time field
    # under a follow-up title line ("10. Ny uppföljning" / "Tidpunkt: i vår"), not under or in the document's title
    # ("UPPFÖLJNING SIP"; "Uppföljning av SIP (april 2025)" dates the plan followed up, GUIDELINES 4: "Uppföljning av
    # SIP från 2024-11-05" utan nytt datum är not_met)
    title = _document_title(ctx)
    mentions = [s for i, s in enumerate(ctx.segs) if (FOLLOW_UP.search(CHILD_CONTACT.sub("", s.text))
                or not s.is_heading and (len(s.section.split()) <= 3 and FOLLOW_UP_LINE.match(s.section)
                                         and s.section != title or _follow_up_time_field(ctx, i))
                or _under_follow_up_level(ctx, s.start))
                and not _is_instruction(ctx, s) and not (s.start == 0 and title)]
    # and the sentence right after a mention on its line that points back at the meeting ("Det blir i april.") or
    # only gives a time ("Vi kallar till nästa möte. Efter sommarlovet, antagligen.")
    sequels = [nxt for s, nxt in zip(ctx.segs, ctx.segs[1:]) if s in mentions
               and (MEETING_ANAPHOR.match(nxt.text) or not STATEMENT_VERB.search(nxt.text))
               and "\n" not in ctx.text[s.end:nxt.start]]
    cued = {s.start for s in mentions if FOLLOW_UP.search(CHILD_CONTACT.sub("", s.text))}
    vague = [m for m in ctx.date_mentions if m.kind == "vague" and not _passed_month(m, ctx.plan_date)
             and not _unreadable(ctx.text, m) and (not _tentative_time(ctx.text, m) or _hedged_time(ctx.text, m))
             and not _other_follow_up_time(ctx.text, m) and not _retold_time(ctx.text, m)
             and not _negated_time(ctx.text, m)
             and any(_follow_up_time(ctx, s, m, s.start not in cued) for s in mentions + sequels)]
    if vague:
        ev = [Evidence(start=m.start, end=m.end, text=m.text, label="FOLLOW_UP_DATE") for m in vague]
        return _result("follow_up_date", "partial", 0.6, ev, "Tiden för uppföljning är vag, inget datum.")
    if mentions:
        return _result("follow_up_date", "not_met", 0.5, [_ev(s, "FOLLOW_UP") for s in mentions],
                       "Uppföljning nämns men utan någon tidpunkt.")
    return _result("follow_up_date", "not_met", 0.75, [], "Letade efter en tid för uppföljning (datum, vecka, "
                                                            "'nästa SIP-möte') men hittade ingen.")


# Mentions of the next follow-up for finding its convener: FOLLOW_UP and the ways notes shorten it ("Uppf.:",
# "Nästa gång", "När ses vi igen?", a "Nästa:" field), the next meeting in project words ("nästa retro", "nästa
# sync") and the plan's meetings as such ("[NAMN_1] kallar till SIP-mötena").
FOLLOW_UP_MENTION = folded_re(r"\b(?:uppf\b|uppföl\w*|nästa (?:gång|träff|sip\b|retro|sync|synk|check-?in)|ny träff|"
                              r"när ses vi|(?:sip|nätverks)-?mötena)|^\W*nästa\s*:", re.I)
# Who calls to, books or leads the follow-up ("kallar", "skickar kallelse", "bokar lokal", "Ny träff: X bokar.",
# "Sammankallande:").
# (also a second-language writer's "[NAMN_1] ska kalla, den 24/2" and "soc hon kalla nytt möte", GUIDELINES 4, block 69)
FU_CONVENER = folded_re(r"\b(?:kallar|kallas|kalla till|(?:ska|skall|kommer att) kalla(?=\s*(?:[.,;]|$))|"
                        r"kalla (?:ett )?(?:nytt|nästa|ny) (?:[\w-]*möte|uppföljning|träff)|kalla (?:[\w\[\]]+ ){1,3}?till\b|sammankallar|sammankallande|bjuder in|skickar (?:jag |vi )?(?:ut )?(?:en |ny )?"
                         r"kallelse\w*|kallelse\w*(?: till [\w-]+(?: [\w-]+)?)? (?:skickas|går ut|sker|utfärdas|sänds)|kallelse\w*(?=\s*→)|bokar(?: in)? (?:en )?(?:nästa|ny|tid|lokal|rum|möte\w*)|bokar(?=\s*(?:[.;]|$))|"
                         r"återkommer med (?:ny )?(?:tid|datum|kallelse)|ansvar\w* för (?:uppföljning\w*(?! av (?:insats|behandling|åtgärd|beslut)\w*)|kallelse\w*|att kalla|"
                         r"nästa möte)|(?:leder|håller i) (?:uppföljning\w*|nästa möte))\b", re.I)
# one in each match (`_has_cue`): "kall" of "kallar", "kallelse", "sammankallande"; "ller i" of "håller i"/"haller i"
FU_CONVENER_CUES = ("kall", "bjuder in", "bokar", "kommer med", "ansvar", "leder", "ller i")
# "vi"/"man" as the one who calls ("vi kallar", "Ansvarig för kallelse: vi").
WE_SUBJECT = re.compile(r"(?:\b(?:vi|man)\s+(?:\w+\s+)?|:\s*(?:vi|alla)\b\W*)$", re.I)
# "Vi ses igen i maj": the follow-up planned but nobody named to call it (GUIDELINES 3: partial).
WE_MEET = folded_re(r"\b(?:(?:vi|man)\s+(?:ska\s+|kommer att\s+)?(?:ses|hörs|träffas)\b|(?:de vuxna|alla)\s+"
                     r"(?:ska|kommer att)\s+(?:ses|träffas)\b|(?:^|[.:]\s*)"
                     r"(?:ses|hörs|träffas)\s+(?:igen|vi)\b|när (?:ses|hörs|träffas) vi)", re.I)
# Next to a follow-up mention: "vi hör av oss", "vi återkommer (med tid)", "vi bestämmer tid senare".
WE_GET_BACK = folded_re(r"\b(?:vi|man)\s+(?:hör av oss|återkommer|bestämmer (?:ny )?tid|följer upp(?: planen| sip\S*)?"
                        r"(?=\s*(?:$|[.,;]|vid|i|om|på|efter|den|när|till|senast)\b))", re.I)
# The standing convener of the plan's meetings ("Sammankallande: [NAMN_1]", "[NAMN_1] sammankallande"), unlike who
# chaired or called this one meeting: implies who calls the follow-up.
STANDING_CONVENER = folded_re(r"\b(?:sammankallande(?! (?:denna|den här|för detta) gång)|håller ihop mötena|"
                               r"leder arbetet med planen)\b", re.I)
# A topic put off to a later meeting ("Det får vi ta nästa gång vi ses", "tar vi upp när vi träffas igen"): it says
# what is left, not that a follow-up is planned or who calls it.
POSTPONED_TOPIC = folded_re(r"\b(?:ta|tar|tas)(?:\s+vi)?(?:\s+upp)?(?:\s+det)?\s+(?:på\s+|till\s+)?(?:nästa gång|när)\s+"
                            r"(?:vi|man)\s+(?:ses|träffas|hörs)(?:\s+igen)?\b", re.I)
_MEET_WORDS = folded_re(r"ses|hör|träffas|återkommer|bestämmer|följer", re.I)  # a fast pre-check for the two above
NOT_PLANNED = re.compile(r"\b(?:inte|ej|skulle|blev|bestämdes)\b", re.I)


def _in_follow_up(ctx: Context, i: int) -> bool:
    """Segment i mentions the follow-up, stands in a follow-up section, or follows such a mention closely (at
    most two sentences back, on the same or the next line: "Uppföljning 18/11. Marie kallar.")."""
    s = ctx.segs[i]
    if _mentions_follow_up(s.text) or s.section and _mentions_follow_up(s.section):
        return True
    if _gives_follow_up_time(ctx, s):
        return True  # the sentence that gives the follow-up's time ("Vi tar det efter sportlovet, jag kallar")
    if _under_follow_up_level(ctx, s.start):
        return True  # "7. Nästa uppföljning" / "7.2 Vem kallar" / "7.2.1 [NAMN_1] skickar kallelse" (block 80)
    if _convener_field_under_follow_up(ctx, i):
        return True
    # a template's instruction between the heading and the value does not count
    previous = [p for p in ctx.segs[max(0, i - 3):i] if not _is_instruction(ctx, p)][-2:]
    for prev in previous[::-1]:
        skipped = sum(prev.end <= a < s.start for a, _ in ctx.instructions)
        if ctx.text.count("\n", prev.end, s.start) - skipped > 1:
            return _under_short_title(ctx, i)
        if prev.start == 0 and _document_title(ctx):
            break  # the title of a follow-up plan ("Uppföljning SIP [BARN], 18/3" / "Sammankallande: ..."): this
            # meeting's header, not the next follow-up (as in follow_up_date; GUIDELINES 4.1: "Sammankallande: …"
            # only implies the coordinator, follow_up_responsible partial)
        if _mentions_follow_up(prev.text) or _gives_follow_up_time(ctx, prev):
            return True  # also after the line with its time ("Datum: tisdag 3/3 kl 13.15" / "[NAMN_1] kallar")
    return _under_short_title(ctx, i)


CONVENER_FIELD_LOOKBACK = 8  # segments read back for the heading above a convener's field


def _convener_field_under_follow_up(ctx: Context, i: int) -> bool:
    """Segment i is a field labelled with who calls ("Kallar: [NAMN_1] skickar kallelse", "Sammankallande: ...")
    among the fields under a heading that says follow-up ("Samordning och uppföljning" / "Uppföljning: ..." / "" /
    "Kallar: ..."), no other heading between: the field answers for the follow-up, also across an empty line."""
    s = ctx.segs[i]
    label, colon, _ = s.text.partition(":")
    if not colon or len(label) > 40 or not FU_CONVENER.search(label):
        return False
    for prev in ctx.segs[max(0, i - CONVENER_FIELD_LOOKBACK):i][::-1]:
        if prev.is_heading:
            # a section's title, not an empty field ("Uppföljning av:") nor the document's title ("UPPFÖLJNING SIP")
            return _mentions_follow_up(prev.text) and ":" not in prev.text \
                and not (prev.start == 0 and _document_title(ctx))
    return False


def _gives_follow_up_time(ctx: Context, s: Segment) -> bool:
    """The segment holds one of the plan's follow-up times."""
    return any(s.start <= m.start < s.end for m in ctx.follow_up_concrete + ctx.follow_up_vague)


def _under_short_title(ctx: Context, i: int) -> bool:
    """Segment i ends a block of short lines (no blank line between them) whose first line says follow-up: a
    slide's title over its bullets ("Slide 14: Nästa gång\n- Efter påsk\n- [NAMN_2] kallar alla")."""
    after = ctx.segs[i]
    for prev in ctx.segs[max(0, i - 3):i][::-1]:
        if ctx.text.count("\n", prev.end, after.start) != 1 or len(prev.text) > 40 \
                or prev.start == 0 and _document_title(ctx):
            return False  # also the title of a follow-up plan: this meeting's header (see `_in_follow_up`)
        if _mentions_follow_up(prev.text):
            return True
        after = prev
    return False


# The plan or its meeting as what is followed up ("vi följer upp planen", "... på nästa möte").
PLAN_OR_MEETING = folded_re(r"\b(?:planen|plan|sip\w*|\w*möte\w*)\b", re.I)


def _action_check(s: Segment) -> bool:
    """"Vi följer upp i arbetslaget" in the list of interventions: an action's own check, not the plan's
    follow-up."""
    return bool(INTERVENTION_SECTION.search(s.section)) and not PLAN_OR_MEETING.search(s.text)


def _mentions_follow_up(text: str) -> bool:
    return bool(FOLLOW_UP.search(text) or FOLLOW_UP_MENTION.search(text))


# What ends the words before a convener verb when its subject stands earlier in the sentence, set off by commas.
APPOSITION_END = re.compile(r"\s*(?:som\s+(?:\w+\s+)?|att\s+)?", re.I)


# The coordinator's role alone as the subject ("Samordnaren ansvarar för att kalla", "Samordningsansvarig huvudman
# kallar"): a template's general text, nobody named.
ROLE_ONLY_SUBJECT = folded_re(r"^\W*(?:den\s+)?(?:samordnar(?:e|en)|samordningsansvarig[ae]?)(?:\s+(?:huvudman\w*|"
                              r"person\w*|verksamhet\w*))?\s+(?:\w+\s+){0,3}$", re.I)


def _convener_who(ctx: Context, s: Segment, m: re.Match) -> str:
    """"named", "we" or "implied" for the one who calls in a convener clause: the subject before the verb,
    or what follows "av"/":" after it ("Kallelse skickas av [NAMN_1]", "Sammankallande: kurator [NAMN_1]")."""
    before = re.split(r"[.,;:]\s", s.text[:m.start()])[-1]
    if APPOSITION_END.fullmatch(before):  # "[NAMN_6], LSS, kallar", "..., som också kallar", "åt X, BUP, att kalla"
        before = re.split(r"[.;:]\s", s.text[:m.start()])[-1]
    lo = m.start() - len(before)
    if re.search(r"\bvi\b", m.group(), re.I) or WE_SUBJECT.search(before):
        # also "skickar vi ut kallelse"; a "vi" the sentence itself defines names its parties ("Vi, det är hab och
        # förskolan, vi kallar", GUIDELINES 4.1), unlike a definition for another section ('med "vi" menas här ...')
        return "named" if WE_DEFINED.search(s.text) else "we"
    if re.search(r"\bjag\b", m.group(), re.I) or re.search(r"\bjag\s+(?:\w+\s+)?$", before, re.I):
        # "jag skickar kallelse" in a note signed "Emma", or in a speaker's turn ("Kurator: Jag kallar")
        return "named" if writer_named(ctx) or _speaker_named(ctx, s) else "implied"
    if re.match(r"\s*jag\b", before, re.I) and _speaker_named(ctx, s):
        return "named"  # "Kurator: Jag håller i planen och kallar till nästa möte"
    if ROLE_ONLY_SUBJECT.search(before) or _search_ci(OVERALL_NO_CONTENT, s.text):
        return "implied"  # "Samordnaren ansvarar för att kalla": the role, nobody named (GUIDELINES 4)
    if _agent_in(ctx, s.text, s.start, lo, m.start()) or FIRST_NAME_SUBJECT.search(before) \
            or re.search(r"\b(?:hon|han)\s+$", before, re.I) or _agency_staff(before):
        return "named"
    if _is_table_row(s.text):  # "| Kalla till nästa SIP-möte | [NAMN_1], familjehemssekreterare | – |"
        cell_end = s.text.find("|", m.end())
        if cell_end >= 0 and _agent_in(ctx, s.text, s.start, cell_end, len(s.text)):
            return "named"
    after = re.match(r"[^.;]*?(?:\bav\b|:|→)\s*([^.;]*)", s.text[m.end():])
    if after:
        if WE_SUBJECT.search(s.text[:m.end() + after.start(1)]) or re.match(r"(?:vi|alla)\b", after.group(1), re.I):
            return "we"
        if _agent_in(ctx, s.text, s.start, m.end() + after.start(1), m.end() + after.end(1)) \
                or NAME_TAIL.match(after.group(1)):
            return "named"
    return "implied"


# A speaker's turn in minutes, after an optional clock time ("Kurator: …", "09.40 Soc-sekr.: …", "[NAMN_1]: …").
SPEAKER_TURN = re.compile(r"^\s*(?:\d{1,2}[.:]\d{2}\s+)?(?P<who>[^:\n]{1,30}?):\s+\S")


def _speaker_named(ctx: Context, s: Segment) -> bool:
    """The segment stands in a turn whose speaker is an actor, role or person ("Soc-sekr.: Jag kallar"), so
    that its "jag" is someone named."""
    line = next((ln for ln in ctx.lines if ln.start <= s.start < ln.end), None)
    turn = SPEAKER_TURN.match(line.text) if line else None
    return bool(turn and (_agent_in(ctx, line.text, line.start, turn.start("who"), turn.end("who"))
                          or _agency_staff(turn.group("who") + " ")))


# A staff member named by agency and title in one word ("BVC-sköterskan", "BUP-läkaren kallar").
AGENCY_STAFF = re.compile(AGENCY_TITLE.pattern + r"\s+$")


def _agency_staff(before: str) -> bool:
    """The words before a convener verb end with an agency-and-title compound ("BVC-sköterskan kallar")."""
    m = AGENCY_STAFF.search(before)
    return bool(m and normalise_actor(m.group(1)))


# A signature: a line with a first name or a person placeholder alone, or before a role ("Emma", "/Rut,
# specialpedagog hab", "[NAMN_1], kurator").
SIGNATURE_LINE = re.compile(r"^\s*(?:>\s*)*/?\s*(?P<name>[A-ZÅÄÖ][a-zåäö]+|\[[A-ZÅÄÖ_0-9]+\])\s*(?:[,/]\s*\S.*)?$")


# A dictated plan says who speaks it ("dikterat av [NAMN_1]", "Det här är [NAMN_1] kurator som dikterar",
# "Samordningsansvarig: [NAMN_1] socialsekreterare, alltså jag"): "jag" in it is someone named.
DICTATED_BY = folded_re(r"\b(?:dikterat|dikterad|inpratat|pratat\s+in|inläst)\s+av\s+(?:[\wåäö-]+\s+){0,2}\[NAMN_\d+\]"
                        r"|\[NAMN_\d+\][^.\n]{0,80}?\bsom\s+(?:dikterar|pratar\s+in)\b"
                        r"|\[NAMN_\d+\][^.\n]{0,60}?,\s*(?:alltså|dvs\.?|det\s+vill\s+säga)\s+jag\b", re.I)


# An e-mail's header naming its sender ("Från: [NAMN_1], skolkurator"), also quoted ("> Från: ..."): "jag" in the
# mail is that sender.
MAIL_SENDER = re.compile(r"^[ \t>]*(?:från|from)\s*:\s*(?:\[NAMN_\d+\]|[A-ZÅÄÖ][a-zåäö]+)", re.I | re.M)


# The writer says who they are ("Jag, [NAMN_1], är socialsekreterare ...", "Jag (kurator, habiliteringen) erbjuder"):
# "jag" in the note is someone named.
WRITER_INTRODUCED = re.compile(r"\b[Jj]ag\s*(?:,\s*\[NAMN_\d+\]\s*,|\(\s*\w[^()\n]{2,60}\))")


def _signed(ctx: Context) -> bool:
    """The note ends with its writer's name, a dictated plan names who speaks it, or the writer introduces
    themselves, so that "jag" in it is someone named."""
    if DICTATED_BY.search(ctx.text) or MAIL_SENDER.search(ctx.text) or WRITER_INTRODUCED.search(ctx.text):
        return True
    for line in ctx.text.strip().splitlines()[-6:]:
        m = SIGNATURE_LINE.match(line)
        if m and (m.group("name").startswith("[") and "BARN" not in m.group("name")
                  or m.group("name") in wordlists.first_names()):
            return True
    return False


# Where a first-person plan says who writes it (GUIDELINES 4, block 58): "Jag är [NAMN_1], behandlare på BUP", "Jag som
# skriver det här är kurator", "Jag skriver de här anteckningarna som [BARN]s socialsekreterare", "Skrivet av: jag,
# [NAMN_1], kurator", "Förda av [NAMN_1], BVC-sjuksköterska", "Antecknat av ...", "Signerat: ...", a line that opens
# "Jag, [NAMN_1], ..." or a field "Samordningsansvarig: jag, [NAMN_1], ..."; the role or verksamhet follows it.
WRITER_CUE = folded_re(r"\bjag (?:är|heter)\b|\bjag som (?:är|skriver|för|antecknar|pratar in|talar in|dikterar)\b|\bjag skriver [^.\n]{0,50}?\bsom\b|"
                       r"\b" + WRITTEN_BY + r"\b|^\W*(?:signerat|signatur|underskrift)\s*:|"
                       r"^\W*(?:[^\W\d][\w ]{0,30}:\s*)?jag,\s*\[NAMN_\d+\],", re.I | re.M)


def writer_named(ctx: Context) -> bool:
    """The plan's first-person writer is tied to a role or verksamhet, so that its "jag" names that party ("jag
    kallar", "jag tar kontakt med BUP", "jag är samordningsansvarig"); an unidentified "jag" is like "vi"
    (GUIDELINES 4, block 58). Also a guardian's own plan, a mail's sender and a signed or dictated note (`_signed`)."""
    return _cached(ctx, "_writer_named", _find_writer_named)


def _party_beside_duty(ctx: Context, s: Segment, lo: int, hi: int) -> bool:
    """A verksamhet or role between lo and hi in the segment, other than the coordination word itself
    ("samordningsansvarig" is a duty, not who holds it)."""
    duty = [(s.start + m.start(), s.start + m.end()) for m in _finditer_lowered(OVERALL, s.text)]
    return any(lo <= a < hi and not _in_spans_of(duty, a) for a, _, _ in ctx.actors + ctx.roles)


def _find_writer_named(ctx: Context) -> bool:
    if _guardian_writer(ctx) or STAFF_WRITER.search(ctx.text) or _signed(ctx):
        return True
    for ln in ctx.lines:
        cue = _search_ci(WRITER_CUE, ln.text)
        if cue is None:
            continue
        # the role or verksamhet right after the cue, in its sentence ("Jag är [NAMN_1], behandlare på BUP")
        stop = re.search(r"[.!?](?:\s|$)", ln.text[cue.end():])
        lo, hi = ln.start + cue.end(), ln.start + cue.end() + min(60, stop.start() if stop else 60)
        # not the coordination itself ("Jag är samordningsansvarig" says what the writer does, not who they are)
        if _party_beside_duty(ctx, ln, lo, hi) \
                or any(normalise_actor(m.group(1)) for m in AGENCY_TITLE.finditer(ln.text, cue.end(), hi - ln.start)) \
                or any(not m.group().lower().startswith("samordn")
                       for m in STAFF_ROLE.finditer(ln.text, cue.end(), hi - ln.start)):
            # also a staff title shortened in notes ("Jag heter [NAMN_1] och är BVC-ssk", GUIDELINES 4, block 57)
            return True
    return False


# The plan says outright that nobody has been given the call to the follow-up ("Det är inte heller bestämt vem som
# kallar nästa gång", "oklart vem som kallar", "ingen är utsedd att kalla").
CONVENER_UNDECIDED = folded_re(r"\b(?:(?:inte|ej)\s+(?:heller\s+)?(?:bestämt|klart|beslutat|avgjort|utsett)\s+vem\s+som\s+"
                               r"(?:ska\s+)?(?:kalla|sammankalla|bjuda)|oklart\s+vem\s+som\s+(?:ska\s+)?(?:kalla|sammankalla)|"
                               r"ingen\s+(?:är\s+)?(?:utsedd|vald)\s+(?:att|som)\s+(?:kalla|sammankalla))", re.I)


def follow_up_conveners(ctx: Context) -> list[tuple[Segment, str]]:
    """(segment, who) for each statement of who calls to the follow-up; who is "named", "we", "implied" (a passive
    "kallelse skickas", or nobody after the label) or "undecided" (CONVENER_UNDECIDED)."""
    return _cached(ctx, "_follow_up_conveners", _follow_up_conveners)


# The convener of the meeting the plan records ("Sammankallande till dagens möte: [NAMN_1]"), not of its follow-up.
THIS_MEETING_AFTER = folded_re(r"\s*(?:till|för|av|vid)\s+(?:dagens|detta|det här)\s+(?:sip-?)?möte\b", re.I)


# A form field's prompt in brackets after its label ("Uppföljning (datum, vem kallar)"): what to fill in, nobody named
# (GUIDELINES 4, block 77: "en ledtext vars svar inte finns i den andra kolumnen är ett tomt fält").
FIELD_PROMPT = folded_re(r"\([^()\n]*\bvem\b[^()\n]*\)", re.I)


def _follow_up_conveners(ctx: Context) -> list[tuple[Segment, str]]:
    out = []
    for i, s in enumerate(ctx.segs):
        m = _has_cue(s.text, FU_CONVENER_CUES) and _search_ci(FU_CONVENER, s.text)
        if m and any(p.start() < m.start() < p.end() for p in FIELD_PROMPT.finditer(s.text)):
            continue
        if m and not s.is_heading and not FORM_QUESTION.match(s.text) and _in_follow_up(ctx, i) \
                and not THIS_MEETING_AFTER.match(s.text, m.end()) and not _empty_field(s.text[m.end():]) \
                and not _is_instruction(ctx, s):
            out.append((s, "undecided" if _search_ci(CONVENER_UNDECIDED, s.text) else _convener_who(ctx, s, m)))
    return out


def _empty_field(rest: str) -> bool:
    """What follows a convener label is an empty field ("Kallas av: -", "Sammankallande:", "Kallar till
    uppföljning: "): nobody named."""
    field_value = re.match(r"\s*(?:(?:av|till)\b[^:.;\n]{0,30})?:(.*)$", rest)
    return bool(field_value and EMPTY_CELL.match(field_value.group(1)))


# A principal alone as the plan's coordinator ("4. Huvudman med övergripande ansvar" / "Kommunen."): a vague
# coordinator, who is assumed to lead the follow-up (GUIDELINES 4 block 59, 4.1).
PRINCIPAL = folded_re(r"\b(?:kommun(?:en)?|regionen|landstinget|hemkommun\w*|vistelsekommun\w*)\b", re.I)


# The writer as the one who called this meeting ("Jag kallade till detta möte och skriver planen") in a plan that says
# who writes it: an implied coordinator who is someone named (GUIDELINES 4, block 58 and 4.1).
FIRST_PERSON_LEAD = re.compile(r"^\W*jag\s", re.I)


def follow_up_responsible(ctx: Context) -> CriterionResult:
    """met: someone named calls to or leads the follow-up; partial: only implied ("vi kallar", "kallelse
    skickas", "vi ses igen", or a named coordinator); not_met: nothing about who (GUIDELINES 3, 4.1)."""
    conveners = follow_up_conveners(ctx)
    named = [s for s, who in conveners if who == "named"]
    implied = [s for s, who in conveners if who in ("we", "implied")]
    meet_again = [s for i, s in enumerate(ctx.segs) if _search_ci(_MEET_WORDS, s.text) and not NOT_PLANNED.search(s.text)
                  and not FORM_QUESTION.match(s.text)
                  and (WE_MEET.search(POSTPONED_TOPIC.sub("", s.text)) or WE_GET_BACK.search(s.text) and _in_follow_up(ctx, i)
                       and not _action_check(s))]
    st = overall_statements(ctx)
    # a coordinator, also a shared or provisional one or one implied by who convened or led the meeting, is
    # assumed to lead the follow-up (GUIDELINES 4.1); not when the plan says that nobody holds the plan. That the
    # next call is undecided ("inte bestämt vem som kallar nästa gång") does not say so: 4.1 gives not_met "bara när
    # planen varken antyder en samordnare eller säger vem som kallar, eller uttryckligen säger att ingen håller i planen"
    implied_lead = [s for s in st.implied if _names_someone(ctx, s) or _search_ci(PRINCIPAL, s.text)
                    or FIRST_PERSON_LEAD.match(s.text) and writer_named(ctx)] \
        if not st.undecided else []
    coordinators = st.named + st.shared + st.tentative + implied_lead
    ctx.signals.update(follow_up_segments=len(meet_again), follow_up_callers=len(conveners),
                       follow_up_named=len(named))
    if named:
        return _result("follow_up_responsible", "met", 0.75, [_ev(s, "FOLLOW_UP") for s in named],
                       "Det framgår vem som kallar till uppföljningen.")
    if implied or meet_again:
        return _result("follow_up_responsible", "partial", 0.55, [_ev(s, "FOLLOW_UP") for s in implied + meet_again],
                       "Vem som kallar till uppföljning är bara underförstått ('vi kallar', 'vi ses igen').")
    if coordinators:
        return _result("follow_up_responsible", "partial", 0.5, [_ev(s, "COORDINATOR") for s in coordinators],
                       "Samordningsansvarig eller sammankallande finns, men det står inte vem som kallar till "
                       "uppföljningen.")
    return _result("follow_up_responsible", "not_met", 0.65, [], "Letade efter vem som kallar till uppföljning "
                                                                   "(t.ex. '[NAMN] kallar') eller en samordnings"
                                                                   "ansvarig men hittade inget.")


# --- Whom a plan in the second person speaks to ---------------------------------------------------------
# A plan written to the child ("Hej [BARN]!", "Till: [BARN], 13 år", "DIN PLAN") or to the parents ("till dig
# som är mamma", "till er föräldrar", "Hej [VH1]!"): its "du" (and, to parents, "ni") is that reader.
ADDRESSED_TO_GUARDIAN = re.compile(
    r"\btill (?:dig|er)\s*,?\s*(?:som är\s+)?(?:mamma|pappa|förälder|föräldrar\w*|vårdnadshavare\w*|"
    r"\[VH\d?\])|"
    r"^\W*(?:hej|kära|till)\s*:?\s*(?:mamma|pappa|föräldrar\w*|vårdnadshavar\w*|\[VH\d?\])", re.I | re.M)
ADDRESSED_TO_CHILD = re.compile(r"^\W*(?:(?:hej|kära|hallå|till)\s*:?\s*(?:dig\s*,?\s*)?\[BARN\](?!s\b)|"
                                r"din (?:plan|sip|samordnade)\b)", re.I | re.M)
# The reader in the plan's text: "du" (and "ni" for parents), as a whole word.
SECOND_PERSON = re.compile(r"\b(?:du|Du|DU)\b")
SECOND_PERSON_PLURAL = re.compile(r"\b(?:ni|Ni|NI)\b")
SECOND_PERSON_PLAN = 3  # "du" this many times, with no parent addressed: a plan that speaks to the child


def addressee(text: str) -> str | None:
    """'guardian' or 'child' when the plan speaks to the parents or to the child in the second person, else
    None (a letter to the whole network, "Hej alla!", has no one reader). A plan that keeps saying "du" ("Det
    här har du sagt", "Du ska kunna ...") without addressing a parent speaks to the child."""
    if ADDRESSED_TO_GUARDIAN.search(text):
        return "guardian"
    if ADDRESSED_TO_CHILD.search(text) or len(SECOND_PERSON.findall(text)) >= SECOND_PERSON_PLAN:
        return "child"
    return None


def _plan_addressee(ctx: Context) -> str | None:
    """`addressee` of the plan's text, computed once per context."""
    return _cached(ctx, "addressee", lambda c: addressee(c.text))


# --- A plan agreed in an e-mail thread (GUIDELINES 4: the thread's replies are the plan) --------------------------
# A mail's header line naming its sender ("Från: [NAMN_1], skolkurator", "> Från: [VH1]", "From: ..."), and the other
# header fields that tell a pasted mail from a form's "Från:" field ("Skickat: ...", "Ämne: SV: SIP ...").
MAIL_FROM = re.compile(r"^[ \t>]*(?:från|from)[ \t]*:[ \t]*(?P<who>[^\n]*)$", re.I | re.M)
MAIL_HEADER = re.compile(r"^[ \t>]*(?:skickat|ämne|sent|subject)[ \t]*:", re.I | re.M)
# Who sent a mail, by the header's words: a guardian ("[VH1]", "mamma"), the family home ("familjehemsmamma",
# "jourhemmet", not the "familjehemssekreterare"), or the child ("[BARN]" alone); anyone else is staff.
MAIL_GUARDIAN = re.compile(rf"(?<![\w-]){_GUARDIAN_NOUN}(?![\w-])", re.I)
MAIL_CARER = re.compile(r"\b(?:familjehem(?!s?sekr)\w*|jourhem\w*)", re.I)


# A guardian's own view in the first person ("Jag tycker fortfarande att medicinen ...", "Jag vill att BUP ..."): in a
# mail a guardian sent, the guardian's view in their own words (GUIDELINES 3 guardian_participation met).
MAIL_OWN_VIEW = re.compile(rf"\b(?:jag|vi)\s+(?:\w+\s+)?{GUARDIAN_VIEW.pattern}", re.I)


# The writer of a mail in the first person.
MAIL_WRITER_WORD = re.compile(r"\b(?:jag|mig)\b", re.I)


def _find_mail_senders(ctx: Context) -> tuple[list[int], list[str]]:
    """(header starts, sender kinds) of the mails pasted in the plan, in text order: 'child', 'guardian', 'carer' or
    'staff' (`MAIL_GUARDIAN`, `MAIL_CARER`); ([], []) where the plan is no e-mail thread."""
    if not MAIL_HEADER.search(ctx.text):
        return [], []
    starts, kinds = [], []
    for m in MAIL_FROM.finditer(ctx.text):
        who = m.group("who").strip()
        kind = "child" if re.fullmatch(r"\[BARN\][\s,.]*", who) else "guardian" if MAIL_GUARDIAN.search(who) \
            else "carer" if MAIL_CARER.search(who) else "staff"
        starts.append(m.start())
        kinds.append(kind)
    return starts, kinds


def mail_sender(ctx: Context, pos: int) -> str | None:
    """The kind of sender (`_find_mail_senders`) of the mail that the text at `pos` stands in; None outside a
    mail (before the first header, or in a plan that is no e-mail thread)."""
    starts, kinds = _cached(ctx, "mail_senders", _find_mail_senders)
    i = bisect.bisect_right(starts, pos) - 1
    return kinds[i] if i >= 0 else None


# --- The child's voice (GUIDELINES 3 child_voice, 4 and 4.1) ---------------------------------------------------
# A person word: the child, an adult (guardian, god man, staff, agency), "han"/"hon" (resolved from the context:
# often a parent) or "jag". Actors and roles found by `find_actors`/`find_roles` count as adults too.
VOICE_PERSON = folded_re(
    r"(?<![\w\[])(?:(?P<child>\[BARN\](?!s\b)|barnet|eleven|ungdomen|flickan|pojken|sonen|dottern|hen|"
    r"pat(?!:s)\.?|patienten)"
    r"|(?P<adult>\[(?!BARN\]|SYSKON)[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]|\w*mamma(?:n|or|orna)?|\w*pappa(?:n|or|orna)?|undertecknad|"
    r"vårdnadshavar\w*|föräldr\w*|mormor|morfar|farmor|farfar|\w*personal(?:en)?|\w*pedagog(?:en|erna)?|"
    r"\w*lärar(?:e|en|na)|fröken|fröknarna|\w*sköterska(?:n)?|\w*assistent(?:en)?|\w*behandlare(?:n)?|"
    r"\w*sekreterare(?:n)?|god man|gode mannen|gm|vi|de|de vuxna|man|båda|bägge)"
    r"|(?P<pron>han|hon)|(?P<first>jag)|(?P<second>du))(?!\w)", re.I)
# Who "hon" and "han" can stand for: a woman or girl, a man or boy; the plural and collective person words can
# stand for neither ("de dagar då hon ...": "hon" is not "de").
FEMALE_PERSON = folded_re(r"^(?:\w*mamma\w*|mor|modern|mormor|farmor|moster|faster|fröken|flickan|dottern|"
                                  r"tjejen|hon)$", re.I)
MALE_PERSON = folded_re(r"^(?:\w*pappa\w*|far|fadern|morfar|farfar|morbror|farbror|pojken|sonen|killen|han)$",
                                re.I)
PLURAL_PERSON = folded_re(r"^(?:vi|de|de vuxna|man|båda|bägge|vårdnadshavarna|föräldr\w*|\w*personal\w*|"
                                  r"\w*pedagogerna|\w*lärarna|fröknarna|\w*mammor\w*|\w*pappor\w*)$", re.I)
# The plan's word for the child tells its gender ("Flickan går på förskolan", "sonen"): "hon" or "han" with no
# one fitting named before it is then the child, or an adult when it is the other gender.
GIRL = folded_re(r"\b(?:flickan|dottern|tjejen|flicka|dotter)\b", re.I)
BOY = folded_re(r"\b(?:pojken|sonen|killen|pojke|son)\b", re.I)
# A word that makes the next person word an object or a place, not a subject ("till [NAMN_2]", "hos mamma", also
# with a possessive between: "med sin kontaktperson").
VOICE_PREPOSITION = re.compile(r"\b(?:till|med|för|om|åt|av|hos|i|på|från|bredvid|utan|mot|efter|enligt|enl\.|via|genom)"
                               r"(?:\s+(?:sin|sitt|sina|hens|hans|hennes|min|mitt|mina|din|ditt|dina))?\s*$",
                               re.I)
# A person word with an apposition between commas ("[VH1], [BARN]s mamma, har uppgett att ..."): the commas do
# not open a new clause, the person word is the subject of the verb after them.
APPOSITION = re.compile(r"^\s*(?:[-•*]\s*)?(\S+),\s+[^,.;:!?]{1,40},\s+")
# Words that open a new clause: a person word before them is not the subject of a verb after them.
CLAUSE_OPENER = re.compile(r"[,;:]|\b(?:att|som|när|om|eftersom|men|vad|där|medan|innan|så)\b", re.I)
# Saying and wanting verbs that take no person as their object: a person word right after one is its subject in
# inverted word order ("sa [BARN]", "säger hon"), unlike "frågade [BARN]" or "ser [BARN]".
INVERTING_VERB = re.compile(r"^(?:säger|sa|sade|berättar|berättade|svarar|svarade|ropar|ropade|tecknar|tecknade|pekar|"
                            r"pekade|vill|ville|tycker|tyckte|önskar|önskade)$", re.I)
# The child as the one told ("jag berättar för hen efteråt vad som sagts"): the "jag" who tells is not the child.
TOLD_TO_CHILD = re.compile(r"\s+(?:\w+\s+)?(?:för|till)\s+(?:hen|honom|henne|\[BARN\](?!s\b)|barnet|eleven|ungdomen)\b",
                           re.I)
# A sentence that opens with a verb of view or report, its subject left out ("Tycker att hen ...", "Vill ha ...").
SUBJECTLESS_OPENING = folded_re(r"^\W*(?:tycker|tyckte|vill|ville|önskar|önskade|säger|sa|sade|berättar|berättade|"
                                r"menar|menade|undrar|undrade|tror|trodde|är orolig|oroar sig)\b", re.I)
# The words among them that open a subordinate clause.
SUBORDINATOR = re.compile(r"\b(?:att|som|när|om|eftersom|vad|där|medan|innan)\b", re.I)
# What someone said (also habitually: "brukar säga att ..."), wrote, answered, noticed or rated.
VOICE_REPORT = folded_re(r"\b(?:säger|sa|sade|sagt|(?:brukar|brukade) säga|berättar|berättade|berättat|svarar|svarade|svarat|skriver|"
                          r"skrev|skrivit|skattar|skattade|skattat|ritade|ritat|frågade|frågar|uppger|uppgav|"
                          r"uppgett|uppgivit|anför|anförde|anfört|framhåller|framhöll|framhållit|påtalar|påtalade|"
                          r"menar|menade|beskriver|beskrev|förklarade|framför(?!\s+allt)|framförde|valde|väljer|pekade|"
                          r"pekar|ropar|ropade|märkt|sett|ser|noterat|observerat|iakttagit|iakttog|uppfattar|"
                          r"uppfattade|uppfattat|tecknar|tecknade|tecknat|"
                          # official Swedish for saying ("har vid vilan uttalat: 'Jag vill ...'"), not the formula
                          # "uttalade sig"
                          r"uttalar(?! sig)|uttalade(?! sig)|uttalat(?! sig)|"
                          # placing oneself on a scale ("Jag sätter mig på 4 av 10", GUIDELINES 4, block 70: a scale
                          # the child set is its voice, one an adult set is not)
                          r"(?:sätter|satte|placerar|placerade)(?= (?:sig|mig|dig) (?:själv )?(?:på|vid) "
                          r"(?:en |siffran |steg )?\d))\b", re.I)
# An adult's perceiving verb ("Personalen ser att [BARN] söker ögonkontakt", "[NAMN_1] har iakttagit att ..."): what
# follows is an observation of the child, told by the adult who made it.
PERCEIVING = re.compile(r"^(?:ser|sett|märkt|noterat|observerat|iakttagit|iakttog|uppfattar|uppfattade|uppfattat)$",
                        re.I)
# Choosing or pointing is the child's say when it picks a picture or a symbol ("valde själv bilden på gungan"),
# not when it chooses whether to attend (that is participation).
CHOICE = re.compile(r"^(?:valde|väljer|pekade|pekar)$", re.I)
CHOICE_CONTENT = re.compile(r"^\s+(?:själv\s+)?(?:ut\s+)?(?:på\s+)?(?:\w+\s+)?(?:bild(?:en|er|erna)?|symbol\w*|kort\w*|"
                            r"[\"”»“])", re.I)
# Signing is saying something when the sign follows, glossed in capitals as signs are ("tecknade MER och GUNGA").
SIGN = re.compile(r"^(?:tecknar|tecknade|tecknat)$", re.I)
SIGN_CONTENT = re.compile(r"^\s+(?:\w+\s+){0,2}?[\"”»“]?[A-ZÅÄÖ]{2,}\b")
# Shouting is saying something when the words are quoted ("ropar 'ut! ut!'"), not when calling for someone.
SHOUT = re.compile(r"^(?:ropar|ropade)$", re.I)
SHOUT_CONTENT = re.compile(r"^[^.;]{0,20}?[:\"”»“]")
# A report is something the child said or showed when a statement, a quotation, a picture or a rating follows
# ("sa att ...", "har sagt: ...", "pekade på bilden", "skattar sitt mående till 3 av 10"), not only which subject
# ("berättade vad hen ville ta upp": what was said is not given); a dot before a
# lower-case word ends an abbreviation ("sa pat. att ..."), not the sentence; "men" opens another clause ("skrev sin
# egen text men ville inte att ...": what was written is not given).
REPORT_CONTENT = folded_re(r"^(?:(?!\b(?:men|medan)\b)[^.;]|\.(?=\s*[a-zåäö])){0,40}?(?:\batt\b|:|[\"”»“]|\bsig\b|"
                            r"\bvad\b(?!\s+(?:\S+\s+){1,2}(?:ta upp|prata om|ha med)\b)|\bhur\b|\befter\b|"
                            r"\bbild(?:en|er|erna)?\b|\bteckning\w*|\bsymbol\w*|\d+ av \d+)", re.I)
# What someone wants, thinks or feels: the child's view when the child was asked (a section for the child's
# view, or the child's own first-person text); otherwise an adult's description of the child. A belief is a view
# too: "Hon [mamma] tror att [BARN] skulle vilja ..." is the mother speaking for the child (GUIDELINES 3 partial).
VOICE_VIEW = folded_re(r"\b(?:vill|ville|önskar|önskade|tycker|tyckte|tror|trodde|upplever|upplevde|känner sig|kände sig|"
                        r"gillar|älskar|älskade|hatar|hatade|avskyr|avskydde|saknar|längtar|trivs|skäms|är rädd|oroar sig)\b",
                        re.I)
# "vill" with nothing wanted after "när", "om", "vad" ("gå tillbaka till avdelningen när hen ville", "om [BARN] vill",
# "visa vad hen vill"): whenever or whatever the child wants, no view given (GUIDELINES 3 child_voice).
WISH_WITHOUT_OBJECT = re.compile(r"\b(?:när|om|ifall|hur|vad|som)\s+(?:\S+\s+){1,2}$", re.I)
NOTHING_WANTED = re.compile(r"\s*(?:själv\s*)?(?:[.,;:)!?]|$|(?:och|men|så|eller)\b)", re.I)
# A wish only to say or raise something, what is not given ("vad jag ville säga själv", "vad hen ville ta upp"): no
# view.
WISH_TO_SAY = folded_re(r"\s+(?:\w+\s+)?(?:säga|berätta|ta upp|prata om|ha med)(?:\s+(?:själv|då|där|på mötet))?\s*(?:[.,;!]|$)",
                        re.I)
# Declining to speak ("ville inte svara på frågorna den dagen", "ville inte säga så mycket", "ville [BARN] inte svara
# själv när rektorn frågade"): no view is given, unlike
# a wish about whom or what to talk about ("vill inte prata om pappa", "vill inte prata med fler nya vuxna").
# Also declining to write more ("Fler saker ville [BARN] inte skriva den här gången"): a child's own plan with nothing
# more in it.
DECLINED_TO_SPEAK = folded_re(r"(?:vill|ville|orkar|orkade)\s+(?:\[BARN\]\s+|hen\s+|han\s+|hon\s+)?inte\s+(?:svara|säga|prata|berätta|"
                              r"skriva)"
                              r"(?:\s+(?:så mycket|mycket|något|någonting|mer|själv|på (?:\w+ )?frågorna))?"
                              r"(?=\s*(?:[.,;!)]|$)|\s+(?:den dagen|den här gången|denna gång|nu|då|och|men|när|utan)\b)", re.I)
# What adults see a small child do ("[BARN] söker sig till pappa", "jollrar", "tycker om att bada"): for a child
# of 0-3 years, or in a section for the child's view, partial (GUIDELINES 3: observations of a small child).
VOICE_OBSERVED = folded_re(r"\b(?:ler|log|skrattar|skrattade|jollrar|jollrade|gråter|grät|söker|sökte|räcker|"
                            r"sträcker|lugnar sig|lugnade sig|tröstas|protesterar|protesterade|ropar|ropade|tittar|"
                            r"tittade|verkar tycka|tycker om|gillar|(?:blir|blev) (?:\w+ )?(?:glad|ledsen|orolig|arg|rädd)|vänder bort|"
                            r"gnyr|gnydde|leker|lekte|kryper|kröp|gömmer sig|gömde sig|kramar|kramade|"
                            r"vände bort|"
                            # the perfect, as official and journal Swedish tells what was seen ("har [BARN] sovit större
                            # delen av tiden och vid uppvaknandet lugnat sig i moderns famn")
                            r"lett|skrattat|jollrat|gråtit|sökt|räckt|sträckt|lugnat sig|protesterat|ropat|tittat|lekt|"
                            r"krupit|gömt sig|kramat|vänt bort)\b", re.I)
# What only a baby does ("jollrade och log", "gnydde"): an observation of a small child even
# where the plan gives no age in figures (GUIDELINES 3 and 4.1: observations of a small child, partial).
INFANT_OBSERVED = folded_re(r"\b(?:jollrar|jollrade|gnyr|gnydde)\b", re.I)
# An attitude to the plan with no verb, in a field for the child's view ("Ungdomens syn: positiv till planen"):
# formulaic (GUIDELINES 3 child_voice partial).
VERBLESS_ATTITUDE = folded_re(r"^\W*(?:\w+\s+)?(?:nöjd|positiv|negativ)\w* (?:med|till) (?:planen|insatserna|"
                              r"förslag\w*|upplägget)\b", re.I)
# The child's age where the plan gives it ("[BARN], 2 år", "Ålder: 7 månader", "[BARN] 1 år 3 mån", a journal
# note's "Status: Pat. 1 år 7 mån." or "pat (4 mån)").
CHILD_AGE = folded_re(r"(?:(?:\[BARN\]|pat\b\.?)\s*[,(]?\s*(?:är\s+|som är\s+|och är\s+)?|ålder\s*[:;\t|]?\s*|barn\s+|"
                              r"^status\s*:\s*)(\d{1,2})\s*(år|mån\w*)\b", re.I | re.M)
# A journal's part for what staff saw of the patient ("Status:", "Status/observation", "Iakttagelser").
STATUS_SECTION = folded_re(r"\b(?:status|observation\w*|iakttagelse\w*)\b", re.I)
# A law after "enligt" ("Ansökan om ledsagarservice enligt LSS", "placerad enligt LVU"): the ground of a decision,
# not whose account the sentence gives.
LAW_NAME = re.compile(r"(?:lss|sol|lvu|lsu|hsl|lul|lma|skollagen|socialtjänstlagen|föräldrabalken)\b", re.I)
# A need in the staff's words as what the child says ("[BARN] säger själv att hen har ett behov av tydliga gränser"):
# the staff's paraphrase dressed as the child's words (GUIDELINES 3 child_voice partial), not the child's own.
NEED_WORDING = folded_re(r"\s+(?:själv\s+)?att\s+(?:hen|han|hon|jag)\s+(?:har\s+)?(?:ett\s+)?(?:stort\s+)?"
                         r"behov\s+av\b", re.I)
# A yes or no to what others put ("sa ja till att mamma fick föra hens talan", "har sagt nej till att vara med"): the
# child agrees or declines, its own view is not given (GUIDELINES 3 child_voice partial: "[BARN] ... instämmer").
YES_NO_TO = re.compile(r"\s+(?:ja|nej)\s+till\b", re.I)
# Staff language put in the child's mouth ("[BARN] uttrycker ett behov av struktur", in notes "uttr. behov av"): partial.
VOICE_PARAPHRASE = folded_re(r"\b(?:uttrycker|uttryckte|uttryckt|uttr\.|(?:ger|gav|gett) (?:\w+ )?uttryck för|signalerar)\b",
                             re.I)
# A modal makes the verb a goal ("ska kunna säga"); "säger till X när ..." is an instruction; writing the plan
# or signing it is taking part, not a view.
VOICE_NOT_SAID = re.compile(r"\b(?:ska|skall|kan|kunna|får|fick|vågar|behöver|lär sig|lära sig|tränar på att|"
                            r"öva på att)\s+(?:\w+\s+){0,2}$", re.I)
INSTRUCTION = re.compile(r"^\s+till\s+(?:\S+\s+){1,8}?(?:om|när|ifall|innan)\b|^\s+under\b", re.I)
# The saying verb's clause runs on to a colon and a quotation ("[BARN] sa till [NAMN_1] när de tittade på bilderna:
# \"Gunga först.\""): what was said, quoted, not an instruction (GUIDELINES 4, block 82: the child's own words count
# wherever they stand).
SAID_THEN_QUOTE = re.compile(r"[^.;:!?\"”»“«\n]{0,100}:\s*[\"”»“«]")
WRITING_THE_PLAN = re.compile(r"\b(?:skriv\w*|skrev)\b[^.]{0,30}\b(?:planen|plan|det här|under)\b", re.I)
QUOTE_MARK = re.compile(r"[\"”»“«]")
QUESTION = re.compile(r"\?\s*$")
# A question printed on a form, standing alone as its line ("8. Hur har [BARN] varit delaktig?", "**Vad tycker [BARN]
# själv?**", "F: Har vårdnadshavarna gett sitt samtycke?"): the form's words, not an answer; what the plan shows stands
# in the answer below it (GUIDELINES 4: a printed question with an empty or evasive answer shows nothing).
QUESTION_LINE = re.compile(r"\?[\s*_]*$")
# A quotation nobody is named for is the child's when the child speaks in it ("jag", "mig"); an unattributed "vi"
# ("vi kör som förut", "vi tar det när utredningen är klar") only where the sentence names the child and no adult:
# in a draft or minutes it is as likely the adults' words.
# The child's saying verb with the words quoted right after it ('[BARN] säger "mamma kom!"'): the child's own words,
# also where an adult tells the scene ("[NAMN_2] berättar från inskolningen: [BARN] säger ...").
# Spoken words as `_spoken` has them: two words or more, or an exclamation (not "säger \"pip\"").
QUOTE_FOLLOWS = re.compile(r"\s*:?\s*[\"”»“«](?:[^\"”»“«\s]+\s+[^\"”»“«\s]|[^\"”»“«]*!)")
# How far the child's speech has come, no view: a count of words ("säger ett tiotal ord", "säger enstaka ord"), an
# answer to its name ("svarar sällan på sitt namn", "svarar på tilltal"), a level of writing ("skriver på åk 2-nivå").
SPEECH_SKILL = re.compile(r"\s*(?:(?:\w+\s+){0,2}ord\b|(?:\w+\s+)?på\s+(?:sitt|hens|hans|hennes)\s+namn\b|"
                          r"på\s+(?:\w+\s+){0,3}?[\w-]*nivå\b|"  # "läser och skriver på ungefär åk 2-nivå"
                          r"(?:\w+\s+)?på\s+tilltal\b)", re.I)
# A saying verb the child is to learn ("[BARN] ska kunna säga vad hen vill ha", "lära sig att berätta"): a goal's
# skill, not what the child said.
ABILITY_BEFORE = re.compile(r"\b(?:kunna|lära sig(?: att)?|lär sig(?: att)?|öva på att|träna på att)\s+$", re.I)
# An example's quotation ('säga vad hen vill ha, t.ex. "jag vill ha mer mjölk"'): no words the child said.
EXAMPLE_BEFORE = re.compile(r"\b(?:t\.\s?ex\.?|t ex|till exempel|exempelvis|såsom)\s*:?\s*$", re.I)
QUOTE_FIRST_PERSON = re.compile(r"\b(?:jag|mig)\b", re.I)
QUOTE_WE = re.compile(r"\b(?:vi|oss)\b", re.I)
FORMULAIC_VOICE = folded_re(r"(?:\b(?:barnets|elevens|ungdomens)|\[BARN\]:?s) (?:åsikt\w*|röst|synpunkt\w*|"
                             r"perspektiv|syn|önskemål|inställning) (?:har|är)|\b(?:har fått komma till tals|"
                             r"(?:getts|givits|fått|haft|ges|får|beretts|bereds) (?:\w+ )?(?:möjlighet|tillfälle) att (?:framföra|"
                             r"uttrycka|säga|berätta|lämna|ge) (?:sina|sin|sitt)|"
                             # the official formula of being heard: "[BARN] har getts tillfälle att yttra sig"
                             r"(?:getts|givits|fått|beretts|bereds|ges|får) (?:\w+ )?(?:möjlighet|tillfälle) att yttra sig|instämde|höll med|"
                             r"(?:åsikt\w*|synpunkt\w*|syn|röst|önskemål|uppfattning|inställning) (?:har )?inhämtat?s|instämmer|har fått uttrycka|håller med|"
                             # a journal's participle, no verb ("Pat:s åsikt inhämtad", GUIDELINES 4, block 67)
                             r"(?:åsikt\w*|synpunkt\w*|syn|önskemål|uppfattning|inställning) inhämtade?|"
                             # the action programme's formula: "Eleven har tagit del av programmet" (GUIDELINES 4,
                             # block 68: a formula, child_voice partial)
                             r"(?:har |hade )?tagit del av (?:\w+ )?(?:programmet|åtgärdsprogrammet|planen|sip\w*)|"
                             r"har fått (?:tycka till|säga sitt|säga vad)|"
                             r"(?:fått|fick) (?:framföra|uttrycka|lämna|säga) (?:sina|sin|sitt) (?:synpunkter|åsikt\w*|mening)(?!\s*:)|"
                             r"står bakom (?:planen|sip\w*|förslag\w*|upplägget)|"
                             r"(?:tycker|tyckte) (?:att )?(?:planen|det|allt) (?:är|var|verkar|verkade|låter|lät) "
                             r"(?:bra|okej|ok|fin)|(?:är|ställer sig) (?:nöjd|positiv|negativ)\w* (?:med|till) "
                             r"(?:planen|insatserna|förslag\w*|upplägget)|"
                             r"inget (?:mer )?att (?:lägga till|säga|tillägga)|(?:tycker|säger) att planen stämmer|"
                             # a yes to the plan as a whole: "säger att det är ok med planen", "tycker att den är bra"
                             r"(?:tycker|tyckte|säger|sa|sade) att (?:den|det) (?:är|var|känns|låter) (?:bra|okej|ok|fin)"
                             r"(?: med planen)?(?=\s*[.!]?\s*$)|sagt ja till (?:att )?(?:planen|sip)|"
                             r"(?:uttrycker|uttryckte|uttryckt|uttr\.) (?:ett |en )?(?:behov|önskan)|ger uttryck för|"
                             r"(?:uttrycker|visar|signalerar) (?:oro|trygghet|otrygghet|behov))\b", re.I)
# "Nothing to add" with no one named, outside a field for the child's view ("Bakgrund: se journal hos BUP, inget mer
# att tillägga härifrån"): the writer's remark, not a formula that the child was heard (GUIDELINES 3 child_voice: only
# what is said of the child counts; not_met when nothing).
NOTHING_TO_ADD = folded_re(r"inget (?:mer )?att (?:lägga till|säga|tillägga)\b", re.I)
# "visar"/"signalerar" with no person as subject: a thing shows it ("om bedömningen visar behov av det"), not the child.
SHOWN_BY_THING = re.compile(r"(?:visar|signalerar)\b", re.I)
# The child's view in the passive of hearsay ("[BARN] uppges tycka att ...", "[BARN] sägs vilja ..."), or as the
# adults' impression of it ("[BARN] verkar tycka att ...", "tycks hen vilja ..."): someone speaking for the child,
# not the child's words (GUIDELINES 3 child_voice partial, 4 hedged language).
_HEARSAY_CHILD = r"(?:\[BARN\]|barnet|eleven|ungdomen|hen|han|hon)"
_HEARSAY_VERB = r"(?:uppges|sägs|anges|beskrivs|verkar|verkade|tycks|tycktes|förefaller|föreföll|uppfattas|upplevs)"
VOICE_HEARSAY = folded_re(rf"(?:{_HEARSAY_CHILD} {_HEARSAY_VERB}|\b{_HEARSAY_VERB} {_HEARSAY_CHILD}) (?:\w+ )?"
                          r"(?:tycka|vilja|önska|uppleva|trivas|känna|längta|sakna|gilla)\b|"
                          # the adults' impression of how the child is, with no one named ("[BARN] uppfattas som
                          # tryggare", "upplevs som mer motiverad"): the adults speak for the child
                          rf"{_HEARSAY_CHILD} (?:uppfattas|upplevs) som\b", re.I)
VOICE_HEARSAY_CUES = ("uppges", "sägs", "sags", "anges", "beskrivs", "verka", "tyck", "ref", "uppfattas",
                      "upplevs")  # one in each match (`_has_cue`; "ref" of "förefaller"/"föreföll" and "forefaller")
# A value claim about the child's view, with nothing the child said ("[BARN]s röst är central i arbetet", "barnets
# perspektiv genomsyrar planen", "Barnets röst ska alltid stå i centrum"): a vision of the adults, not the child's
# voice, not even a formula that it was heard (GUIDELINES 3 child_voice: not_met when nothing else).
VALUE_CLAIM = folded_re(r"(?:\b(?:barnets|elevens|ungdomens|den unges)|\[BARN\]:?s) (?:egen |egna )?(?:röst|perspektiv|"
                        r"bästa|rättigheter|synvinkel) (?:(?:är|blir|ska|skall|har|har varit) (?:\w+ ){0,2}?(?:central\w*|"
                        r"viktig\w*|självklar\w*|vägledande|avgörande|grundläggande|i centrum|i fokus|utgångspunkt\w*|"
                        r"ledstjärna\w*|genomgående)|(?:genomsyrar|präglar|vägleder|styr|står i centrum|är i fokus|"
                        r"ligger till grund)\b)", re.I)
# What comes out of a conversation with the child, in official words ("Av samtal med barnet framgår att hen vill ...",
# "Vid samtalet med [BARN] den 3 mars framkom att ..."): the child's own account when a statement follows.
FROM_CHILD_CONVERSATION = folded_re(r"\b(?:av|vid|i|under) (?:\w+ )?samtal(?:et|en)? med (?:\[BARN\](?!s\b)|barnet|eleven|"
                                    r"ungdomen|flickan|pojken)(?:\s+(?:den|i|på|under|vid)\s+[^.,;]{1,25}?)?,?\s+"
                                    r"(?:framgår|framgick|framkom|framkommer|har framkommit)\s+(?:det\s+)?att\b", re.I)
# A formula that opens with the child's view ("Barnets synpunkter har ...", "[BARN]s åsikt är ...").
CHILD_GENITIVE = re.compile(r"(?:barnets|elevens|ungdomens|\[BARN\]:?s)\b", re.I)
# Wishes any child is assumed to have ("jag vill må bra", "att de vuxna samarbetar"): not specific.
GENERIC_WISH = folded_re(r"\b(?:vill|önskar|tycker)\b[^.]{0,12}?\b(?:må bra|ha det bra|känna mig trygg|vara trygg|"
                          r"vara delaktig|(?:skolan|det|allt) ska fungera|samarbeta\w*|pratar med varandra|"
                          r"ha koll på hur jag mår|vara med och bestämma|"
                          # "jag vill bara att det blir bra hemma": that things turn out well, nothing said of what
                          r"(?:det|allt)\s+(?:ska\s+)?blir?\s+bra)\b", re.I)
# A heading for the child's own view ("Barnets syn", "Vad [BARN] säger", "Det här tycker jag", "Om mig") or
# for an adult's ("Mammas syn", "Vårdnadshavarnas synpunkter", "Skolans synpunkter").
CHILD_VIEW_HEADING = folded_re(
    # official Swedish calls the child "den enskilde" ("Den enskildes egna uttalanden", GUIDELINES 4, block 72)
    r"(?<!\w)(?:(?:barnets|elevens|ungdomens|\[barn\]s|mina?|mitt|dina?|ditt|den enskildes?)(?:\s*/\s*den unges)?\s+"
    r"(?:egna?\s+)?(?:syn\w*|röst|perspektiv|ord|tankar|"
    r"önskemål|åsikt\w*|berättelse|beskrivning|bild|uttryck|val|inställning|uttalande\w*)|vad (?:\[barn\]|(?:barnet|jag|hen|du)\b).{0,25}"
    r"(?:säger|sa|sagt|tycker|tänker|vill|önskar|visar)|det (?:\[barn\]|barnet|jag|hen) (?:själv )?(?:har )?(?:säger|sa|sagt|"
    r"tycker|vill|berättat|skrivit|skrev)|det här (?:tycker|vill|tänker|säger) (?:jag|barnet|hen)|så här (?:är jag|tycker jag)|hur jag har det|"
    r"det här är jag|om mig)\b|^\[barn\]$|det här (?:tycker|vill|tänker|säger) \[barn\](?!\w)|"
    # the question as the heading ("Vad tycker du?", "Vad vill [BARN]?", "Vad säger barnet själv?")
    r"^vad (?:säger|sa|tycker|tänker|vill|önskar) (?:du|\[barn\]|barnet|hen|jag)(?!\w)", re.I)
# A heading for the child's and the adults' views together ("[BARN]s och vårdnadshavarnas synpunkter", "Barnets och
# föräldrarnas syn").
CHILD_AND_ADULT_VIEWS = folded_re(r"^(?:\d+[.)]?\s*)?(?:barnets|elevens|ungdomens|\[barn\]s)\s+och\s+"
                                  r"(?:vårdnadshavar\w*|föräldr\w*|familjens|mammas|pappas)\s+(?:syn\w*|åsikt\w*|"
                                  r"perspektiv|tankar|önskemål)\b", re.I)
_ADULT_WORD = (r"(?:vårdnadshavar\w*|föräldr\w*|\w*mamma\w*|\w*pappa\w*|skolans|förskolans|familjehem\w*|"
               r"lärar\w*|pedagog\w*|personal\w*|verksamhet\w*|nätverk\w*|socialtjänst\w*|de vuxna|vh:?s?)")
# (also what they passed on: "Det vårdnadshavarna förmedlat", "Föräldrarna framför")
_VIEW_WORD = r"(?:syn\w*|tycker|säger|sa|berättar|svarar|svarade|perspektiv|bild|tankar|önskemål|åsikt\w*|berättelse|" \
             r"förmedla\w*|framför(?:t|de)?)"
ADULT_VIEW_HEADING = folded_re(rf"\b{_ADULT_WORD}\b.{{0,30}}\b{_VIEW_WORD}\b|\b{_VIEW_WORD}\b.{{0,20}}\b{_ADULT_WORD}\b"
                                rf"|^(?!(?:om|till|med|för|hos|från|utan|efter|mot) )(?:\w+ )?{_ADULT_WORD}"
                                rf"(?: och {_ADULT_WORD})?$", re.I)
TOLD_BY_ADULT = folded_re(rf"\b(?:enligt|enl\.|från|som berättat av)\s+(?:\w+\s+)?{_ADULT_WORD}|"
                          rf"\b{_ADULT_WORD}\s+(?:har\s+)?(?:uppfatta\w*|tolka\w*|beskriv\w*|ser)\b", re.I)
# "Mammas syn: ...", "[BARN]s ord (till [NAMN_3]): ...": a label that says whose view the line gives.
LINE_LABEL = re.compile(r"^\s*(?:\d+[.)]\s*)?([^:.!?\"”]{1,50}):\s")
# A first-person plan written by adults "as if the child told it" (GUIDELINES 4: partial), unless the child
# dictated it ("jag berättade och hon skrev"); "skrivs i jag-form" alone does not say that adults wrote it, "skrivs i
# jagform av [NAMN_1]" or "det är vi vuxna som skriver 'jag'" does; "Skriven av mig, [BARN], tillsammans med min
# kontaktperson" is the child's own writing with help (GUIDELINES 3 child_voice met: the child's own words).
ADULT_WRITTEN_JAG = re.compile(r"\b(?:jag-?form av (?!\[BARN\])|skrivit i jag-?form|som om (?:jag|det var jag)|i \[BARN\]s namn|"
                               r"(?:vi|de) vuxna som skriver|"
                               r"(?:som|hur) (?:vi|de vuxna) tror|(?:skriven|skrivet|skrivits|ifylld|sammanställd) av(?!\s+(?:mig\b|\[BARN\]))|"
                               r"skrivit (?:det här|den|planen|texten|dokumentet) (?:åt|för) mig)", re.I)
# Each alternative of `ADULT_WRITTEN_JAG` holds one of these (`_has_cue`).
ADULT_WRITTEN_JAG_CUES = ("jag-form", "jagform", "som om ", "]s namn", "vuxna som skriver", "vi tror", "de vuxna tror",
                          "skriven av", "skrivet av", "skrivits av", "ifylld av", "sammanställd av", "skrivit ")
CHILD_DICTATED = re.compile(r"\bjag (?:sa|berättade|pratade)\b[^.]{0,20}\boch \w+ skrev\b|\bhjälpte mig (?:att )?skriva\b|"
                            # the child says it wrote the plan ("Jag skrev den här planen tillsammans med [NAMN_1]"):
                            # a note that an adult wrote a part ("(skrivet av [NAMN_1])") does not make it adults' words
                            r"\bjag (?:har )?(?:skrev|skrivit|gjorde|gjort) (?:den här|denna|min) plan(?:en)?\b|"
                            # "skriven av [NAMN_1] utifrån sådant [BARN] har sagt vid måltiderna"
                            r"\butifrån (?:sådant |det |vad )?\[BARN\] (?:själv )?(?:har )?(?:sagt|sa|berättat|berättade|uttryckt)\b|"
                            r"\bdet \[BARN\] (?:har )?(?:sa|sagt|berättat|visat)\b[^.]{0,40}\bjag-form", re.I)
# A plan the child itself worded, as the adults note ("Planen har formulerats av [BARN] själv", "återgetts i
# den form [BARN] valde"): its first-person sentences are the child's own words (GUIDELINES 4: met when
# specific).
CHILD_WROTE = re.compile(r"\b(?:formulera(?:d|t|ts)|skriven|skrivet|skrivits|författa(?:d|t|ts)) av \[BARN\] "
                         r"själv\b|\[BARN\] (?:har )?själv (?:har )?(?:skrivit|formulerat)\b|"
                         r"\bi den form \[BARN\] (?:själv )?valde\b", re.I)
CHILD_WROTE_CUES = ("[barn] själv", "[barn] har själv", "i den form [barn]")  # one in each alternative (`_has_cue`)
# The child's part of a form filled in by an adult ("(Rutorna ifyllda av [NAMN_2] utifrån samtal i boendegruppen.)",
# "Pappa fyllde i den här delen hemma"): what stands there is the adult's rendering of the child's view (GUIDELINES 3
# and 4: staff or guardians speaking for the child, partial), not the child's own words.
_FORM_PART = r"(?:rutorna|rutan|fälten|fältet|delen|den här delen|denna del|mallen|blanketten|sidan)"
ADULT_FILLED = folded_re(rf"\b{_FORM_PART}\s+(?:\w+\s+)?(?:ifyllda?|ifyllt|ifylld|skrivna|skriven|skrivet)\s+av\s+"
                         rf"(?!\[BARN\]|ungdomen|eleven|barnet|mig\b)|\b(?:fyllde|har fyllt|hade fyllt)\s+i\s+{_FORM_PART}\b",
                         re.I)
# A first-person sentence about the plan or the meeting ("Jag har varit med och skrivit planen"), not the
# child's own account of its life.
ABOUT_THE_PLAN = re.compile(r"\b(?:planen|plan|mötet|möte|rubrik\w*)\b", re.I)
# How the child feels or what it needs, put in its mouth by the adults who wrote a jag-plan ("när jag inte vet
# vad som ska hända blir jag orolig", "jag har ett behov av struktur"): staff language dressed as the child's.
FIRST_PERSON_FEELING = folded_re(r"\b(?:blir|känner mig|kände mig|är|mår)\s+(?:\w+\s+)?(?:orolig|rädd|"
                                 r"ledsen|arg|glad|trygg|otrygg|stressad|nervös)\b|\bbehov av\b", re.I)


# A spreadsheet exported as text ("Område;Behov;Mål", tab-separated rows): a cell in quotation marks is quoted for
# the separators or commas in it, not because it gives someone's words; a doubled mark inside the cell is one
# quotation mark of the text ("fick välja gosedjur som skulle ""vara med"""). The cell opens after a separator
# (or opens a row and closes before one) and closes at a separator or with only a note after it on the row.
SHEET_QUOTED_CELL = re.compile(r'(?:(?<=[;\t])"((?:[^"\n]|"")*)"(?=[;\t]|[^"\n]*$)|^"((?:[^"\n]|"")*)"(?=[;\t]))',
                               re.M)
# The first cell of a spreadsheet or table row that labels the rest ("Vad [BARN] säger;...", "Vårdnadshavare<tab>...",
# "| Det här vill jag | ... |").
SHEET_ROW_LABEL = re.compile(r'^[ \t]*([^;\t"\n:|]{1,50}?)[ ]*[;\t][;\t ]*(?=[^;\t\s])|'
                             r'^[ \t]*\|[ \t]*([^|\n]{1,50}?)[ \t]*\|[ \t]*(?=[^|\s])', re.M)


def _unquote_cell(m: re.Match[str]) -> str:
    """A quoted spreadsheet cell with its own quotation marks blanked and doubled marks made single (same length)."""
    body = m.group(1) if m.group(1) is not None else m.group(2)
    return " " + body.replace('""', ' "') + " "


def _sheet_unquoted(ctx: Context) -> str:
    """The plan's text with spreadsheet cells' quotation marks blanked (`SHEET_QUOTED_CELL`), computed once."""
    def compute(c: Context) -> str:
        if '"' not in c.text or not re.search(r"[;\t]", c.text):
            return c.text
        return SHEET_QUOTED_CELL.sub(_unquote_cell, c.text)
    return _cached(ctx, "sheet_unquoted", compute)


def _cell_text(ctx: Context, s: Segment) -> Segment:
    """The segment as the voice rules read it: the quotation marks of a spreadsheet cell are not a quotation."""
    text = _sheet_unquoted(ctx)[s.start:s.end]
    return s if text == s.text else replace(s, text=text)


def _row_label(ctx: Context, s: Segment) -> tuple[str, int, bool] | None:
    """(label, end of the label, whether a spreadsheet's) of the row the segment stands on: its first cell when
    other cells follow ("Vad [BARN] säger;\"[BARN] har sagt ...\"", "| Det här vill jag | ... |"); None on another
    line."""
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    m = SHEET_ROW_LABEL.match(ctx.text, line_at, s.end)
    return ((m.group(1) or m.group(2)).strip(), m.end(), m.group(1) is not None) if m else None


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words in a segment; a quotation the sentence splitter cut runs to the segment's edge."""
    spans, open_at = [], None
    for m in QUOTE_MARK.finditer(text):
        i = m.start()
        opening = (i == 0 or not text[i - 1].isalnum() and text[i - 1] not in ".!?,") and i + 1 < len(text) \
            and not text[i + 1].isspace()
        if open_at is None and opening:
            open_at = i + 1
        elif open_at is not None:
            spans.append((open_at, i))
            open_at = None
        elif not spans:
            spans.append((0, i))  # the end of a quotation begun in the segment before
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _spoken(text: str, span: tuple[int, int]) -> bool:
    """A quotation of at least two words or an exclamation ("gunga!"), not a quoted name ("Min vecka"-blankett)."""
    words = text[span[0]:span[1]].split()
    return (len(words) >= 2 or text[span[0]:span[1]].rstrip().endswith("!")) \
        and text[span[1] + 1:span[1] + 2] not in ("-", "–")


def _voice_heading(ctx: Context, s: Segment) -> str | None:
    """'child' or 'adult' for a heading (or a short line working as one, "Vad [BARN] säger", "Vad tycker du?") about
    whose view follows; '' for another heading or question line; None when the segment is no heading."""
    text = s.text.strip()
    if not s.is_heading:
        line_end = ctx.text.find("\n", s.end)
        whole_line = ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:line_end if line_end >= 0 else None].strip()
        if whole_line != text or len(STAGE_NOTE.sub("", text).split()) > 10 or text[-1] in ".!\"”" \
                or LINE_LABEL.match(text + " "):
            return None
    kind = _section_voice(text.rstrip(":?").lower())
    # a question standing as its line heads the answers below it ("Vad tycker du?", "Vem hjälper dig?")
    return kind if kind or s.is_heading or text.endswith("?") else None


def _section_voice(section: str) -> str:
    """'child' for a heading for the child's view, 'adult' for an adult's (also the child's view as an adult
    tells it: "Barnets perspektiv (enligt mamma)"), '' otherwise."""
    if CHILD_VIEW_HEADING.search(section):
        return "adult" if TOLD_BY_ADULT.search(section) else "child"
    if _search_ci(CHILD_AND_ADULT_VIEWS, section):
        return ""  # both views under one heading: each sentence tells whose it is
    return "adult" if _search_ci(ADULT_VIEW_HEADING, section) else ""


@dataclass(frozen=True)
class _VoicePlan:
    """What the voice rules read from the whole plan."""

    adult_jag: bool  # a first-person plan written by adults
    child_jag: bool  # a first-person plan the child itself worded
    child_is_hen: bool  # the plan calls the child "hen", so "han"/"hon" are adults
    small_child: bool  # the child is 0-3 years old
    child_pronoun: str | None  # "hon" or "han" where the plan's words for the child tell its gender
    reader: str | None  # who "du" is: 'child' or 'adult' in a plan written to the child or to a parent
    guardian_writer: bool  # the guardians or the family home wrote the plan in their own voice (`GUARDIAN_WRITER`)
    staff_writer: bool = False  # a professional wrote or dictated the plan in the first person (`STAFF_WRITER`)
    adult_filled: bool = False  # an adult filled in the child's part of the form (`ADULT_FILLED`)
    infant: bool = False  # the child is under a year old: it tells no one anything in words
    under_two: bool = False  # the child is under two years old: no sentence of its own view, at most a few words
    older_child: bool = False  # the plan gives the child's age, four years or more: no small child


# Below this age in months a child tells nothing in words: "Hon berättade att ..." in a 4-month-old's plan is an adult.
INFANT_MONTHS = 12
# Below this age a child words no sentence of its own view: a jag-plan's "Jag tycker om att ligga på filten" for a
# child of 1 year is the adults' words in the child's mouth (GUIDELINES 4: a jag-plan written by an adult, partial;
# 3 and 4.1: a small child's own words are met only when the text gives what the child itself said).
TODDLER_MONTHS = 24
# Below this age (four years) the child is a small child; from it, with the age given, an older one.
SMALL_CHILD_MONTHS = 48
# A child health check named by the child's age in months ("12-månaderskontrollen", "vid 18-mån-besöket"): where the
# plan gives no age, a child that young.
MONTHS_CHECK = re.compile(r"\b(\d{1,2})[- ]?mån(?:aders|ads|\.)?-?(?:kontroll|besök)\w*", re.I)


# Small numbers in words, as plans write an age ("[BARN] är tre år", "Jag är ett år och fyra månader").
AGE_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
             "tio": 10, "elva": 11, "tolv": 12}
# The same with the forms a `folded_re` pattern also matches, written without dots and rings ("tva", "atta").
_AGE_WORD_VALUES = {**AGE_WORDS, **{word.translate(str.maketrans("åö", "ao")): n for word, n in AGE_WORDS.items()}}
_AGE_NUMBER = r"(\d{1,2}|" + "|".join(AGE_WORDS) + r")"
# The child's age said in a sentence, also in a jag-plan or in words ("[BARN] är tre år", "Jag är 1 år och kan inte
# prata", "jag fyllde 1 år i april", "Barnet: 3 år"), or a form's age field without its unit ("Ålder: 3 ·", years).
CHILD_AGE_SAID = folded_re(rf"(?:(?:\[BARN\]|\bjag|\bhen|\bbarnet)\s+(?:och\s+)?(?:är|fyllde|blev)\s+(?:nu\s+|just\s+|precis\s+)?|"
                           rf"^\W*barnet\s*:\s*){_AGE_NUMBER}\s*(år|mån\w*)\b|"
                           r"^\W*(?:[^:\n]{0,30}\W)?ålder\s*:\s*(\d{1,2})(?=\s*(?:[·|,;]|$))", re.I | re.M)
# The child's birth month and year ("Avser: [BARN], född i juni 2024", "Född: 2023-05"): the age at the plan's date.
CHILD_BORN = folded_re(rf"(?:\[BARN\],?\s+|^\W*)född\s*:?\s*(?:i\s+|den\s+)?(?:\d{{1,2}}\s+)?(?:({dates._MONTH_FULL})\s+)?"
                       r"(\d{4})(?:-(\d{2}))?\b", re.I | re.M)


# The child's school class where the plan gives no age ("Klass: förskoleklass B", "[BARN], åk 7", "årskurs 2"): a child
# in förskoleklass is about six, in year N about six plus N (GUIDELINES 4, block 71: observations of an older child
# are not its voice; 3: only a 0-3-year-old's observations count as partial).
CHILD_SCHOOL_CLASS = folded_re(r"\b(?:förskoleklass\w*|(?:åk|årskurs)\.?\s*(\d{1,2})\b)", re.I)
SCHOOL_START_YEARS = 6  # the age of a child in förskoleklass


def _child_months(ctx: Context) -> int | None:
    """The child's age in months: as a figure after the child or an age label (`CHILD_AGE`), said in a sentence
    (`CHILD_AGE_SAID`), from the birth month and the plan's date (`CHILD_BORN`), or from a child health check
    named by the age (`MONTHS_CHECK`); None where the plan gives none."""
    text = ctx.text
    age = CHILD_AGE.search(text)
    if age:
        return int(age.group(1)) * (1 if age.group(2).lower().startswith("m") else 12)
    said = _search_ci(CHILD_AGE_SAID, text)
    if said and said.group(3):
        return int(said.group(3)) * 12
    if said:
        number = said.group(1).lower()
        return int(_AGE_WORD_VALUES.get(number, number)) * (1 if said.group(2).lower().startswith("m") else 12)
    born = _search_ci(CHILD_BORN, text)
    # the plan's date, else its latest date (a follow-up note: "Ursprunglig SIP upprättad: 2024-08-20")
    latest = max((m.iso for m in ctx.date_mentions if m.iso), default=None)
    when = ctx.plan_date or (dt.date.fromisoformat(latest) if latest else None)
    if born and when:
        month = dates.MONTHS[born.group(1).lower()] if born.group(1) else int(born.group(3) or 6)
        months = (when.year - int(born.group(2))) * 12 + when.month - month
        if months >= 0:
            return months
    check = MONTHS_CHECK.search(text)
    if check:
        return int(check.group(1))
    grade = _search_ci(CHILD_SCHOOL_CLASS, text)
    return (SCHOOL_START_YEARS + (int(grade.group(1)) if grade.group(1) else 0)) * 12 if grade else None


def _voice_plan(ctx: Context) -> _VoicePlan:
    text = ctx.text
    months = _child_months(ctx)
    adult_jag = _has_cue(text, ADULT_WRITTEN_JAG_CUES) and bool(ADULT_WRITTEN_JAG.search(text)) \
        and not CHILD_DICTATED.search(text)
    return _VoicePlan(adult_jag=adult_jag, child_jag=not adult_jag and _has_cue(text, CHILD_WROTE_CUES)
                      and bool(CHILD_WROTE.search(text)),
                      child_is_hen=bool(re.search(r"\bhen\b", text)),
                      small_child=months is not None and months < SMALL_CHILD_MONTHS, child_pronoun=_child_pronoun(text),
                      infant=months is not None and months < INFANT_MONTHS,
                      under_two=months is not None and months < TODDLER_MONTHS,
                      older_child=months is not None and months >= SMALL_CHILD_MONTHS,
                      reader={"child": "child", "guardian": "adult"}.get(_plan_addressee(ctx) or ""),
                      guardian_writer=bool(_guardian_writer(ctx) or _search_ci(PARENT_INTRODUCED, text))
                      and not _child_first_person_plan(text),
                      staff_writer=_staff_writer(ctx),
                      adult_filled=bool(_search_ci(ADULT_FILLED, text)))


def _staff_writer(ctx: Context) -> bool:
    """A professional wrote or dictated the plan in the first person (`STAFF_WRITER`) or tells it as their own account
    (`_staff_account`); once per context (the voice and the participation rules both read it)."""
    return _cached(ctx, "_staff_writer", lambda c: bool(_search_ci(STAFF_WRITER, c.text)) or _staff_account(c.text))


def _staff_account(text: str) -> bool:
    """A professional's first-person account (`STAFF_ACCOUNT`), not a plan in the child's own words."""
    return _has_cue(text, STAFF_ACCOUNT_CUES) and bool(_search_ci(STAFF_ACCOUNT, text)) \
        and not _child_first_person_plan(text) \
        and not (_has_cue(text, CHILD_WROTE_CUES) and CHILD_WROTE.search(text))


def _child_pronoun(text: str) -> str | None:
    girl, boy = len(GIRL.findall(text)), len(BOY.findall(text))
    return "hon" if girl > boy else ("han" if boy > girl else None)


def _fits(pronoun: str, word: str, who: str, plan: _VoicePlan) -> bool:
    """Whether "hon"/"han" can stand for an earlier person word: one person of that gender or of unknown gender
    (a placeholder, a role, "[BARN]" where the plan does not tell the child's gender)."""
    if PLURAL_PERSON.match(word) or FIRST_PERSON_REF.fullmatch(word):
        return False  # nor is the writer's own "jag" ever "hon"/"han"
    other = MALE_PERSON if pronoun == "hon" else FEMALE_PERSON
    if other.match(word):
        return False
    same = FEMALE_PERSON if pronoun == "hon" else MALE_PERSON
    return bool(same.match(word)) or who != "child" or plan.child_pronoun in (None, pronoun)


def _sorted_agent_spans(ctx: Context) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The actor spans ('agency') and role spans ('role') by start, and their starts (for bisecting by segment); a
    professional's initials count as a role where the plan explains them or uses them more than once ("Närvarande:
    FS, RH ..." and later "RH höll med": an adult agreeing, not the child; GUIDELINES 4, block 89)."""
    people = _initials_people(ctx)
    spans = sorted([(a, b, "agency") for a, b, _ in ctx.actors] + [(a, b, "role") for a, b, _ in ctx.roles]
                   + [(a, b, "role") for a, b, code in ctx.codes if code in people])
    return [a for a, _, _ in spans], spans


def _initials_people(ctx: Context) -> frozenset[str]:
    """The initials codes that stand for a person in the plan: explained ones and those used more than once."""
    if not ctx.codes:
        return frozenset()
    uses = Counter(code for _, _, code in ctx.codes)
    return frozenset(code for code, n in uses.items() if n > 1) | ctx.explained_codes


def _people(ctx: Context, s: Segment, masked: str, last: str | None, section: str,
            plan: _VoicePlan, adult_turn: bool = False, adult_writer: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, who) of the person words in a segment outside quotations (offsets in the segment), who =
    'child', 'adult' or 'first'; "han"/"hon" stand for whom the same pronoun stood for earlier in the sentence
    ("Hon framförde att hon vill ..."), else the last subject before them that fits (`_fits`; agencies never
    do), else the child or an adult by the child's gender, else the subject of the segment before (adults where
    the child is "hen"); "jag" under an adult's heading is an adult; "du" is the plan's reader (`addressee`),
    or no one where the plan has no one reader; in an adult's dialogue turn "han"/"hon" with no one before them
    is the child, not the speaker; "jag" is an adult where adults wrote the plan (`adult_writer`)."""
    found = [(m.start(), m.end(), m.lastgroup) for m in _finditer_lowered(VOICE_PERSON, masked)]
    starts, spans = _cached(ctx, "agent_spans", _sorted_agent_spans)
    found += [(a - s.start, b - s.start, kind) for a, b, kind in spans[bisect.bisect_left(starts, s.start):
                                                                        bisect.bisect_left(starts, s.end)]
              if masked[a - s.start] != " "]
    out: list[tuple[int, int, str]] = []
    agencies: set[int] = set()
    for a, b, who in sorted(found):
        if out and a < out[-1][1]:
            continue
        if who in ("agency", "role"):
            agencies.update([a] if who == "agency" else [])
            who = "adult"
        elif who == "pron":
            pronoun = masked[a:b].lower()
            same = [w for x, y, w in out if masked[x:y].lower() == pronoun]
            before = [w for x, y, w in out if w in ("child", "adult") and x not in agencies
                      and not _search_ci(VOICE_PREPOSITION, masked[:x]) and _fits(pronoun, masked[x:y], w, plan)]
            # a pronoun opening a main clause after ";" stands for the main clause's subject before, not for a person
            # in a subordinate clause ("Pappa tycker att [BARN] äter normalt hos honom; han vill inte att ...")
            opens_main = re.search(r";\s*$", masked[:a]) is not None
            main = [w for x, y, w in out if w in ("child", "adult") and x not in agencies and opens_main
                    and not _search_ci(VOICE_PREPOSITION, masked[:x]) and _fits(pronoun, masked[x:y], w, plan)
                    and not SUBORDINATOR.search(masked, masked.rfind(";", 0, x) + 1, x)]
            before = main or before
            who = "adult" if plan.child_is_hen else same[0] if same else before[-1] if before else \
                ("child" if pronoun == plan.child_pronoun else "adult") if plan.child_pronoun else \
                "child" if adult_turn else (last or section or "")
        elif who == "first" and (section == "adult" or adult_writer):
            who = "adult"
        elif who == "second":
            who = plan.reader or ""
        if who:
            out.append((a, b, who))
    return out


# "men" and a verb with its subject left out, an adverb between ("är glad på förmiddagen men blir ofta ledsen"): the
# subject of the clause before goes on.
COORDINATED_BUT = re.compile(r"\bmen\s+(?!(?:hen|han|hon|jag|vi|de|dom|man|du|ni|det|den)\s)(?:\w+\s+)?$", re.I)


# A person placeholder or a pronoun right at a position (after a colon): the subject opening the clause there.
SUBJECT_OPENS = re.compile(r"\s*(?:\[(?:BARN|VH\d?|NAMN_\d+)\]|(?:hen|han|hon|jag|vi)\b)", re.I)


def _subject(text: str, people: list[tuple[int, int, str]], verb: re.Match, last: str | None,
             previous: str | None, status: bool = False) -> tuple[str | None, bool]:
    """(who does the verb, whether in a main clause): the nearest person word before it in the same clause (not
    after a preposition); the previous verb's subject after "och"; in inverted word order the person word right
    after it ("sa hen", "svarade [BARN]": a main clause); a capitalised name right before it ("Lena berättar
    att ..."); the person of the sentence before for a verb opening the line ("Säger 'nej stol' och gråter"),
    and in a journal's status part for a sentence without a subject ("Står vid dörren och ropar 'ut!'")."""
    before = text[:verb.start()]
    after_comma = bool(re.search(r",\s*$", before))
    subjects = [(a, b, who) for a, b, who in people if not _search_ci(VOICE_PREPOSITION, text[:a])]
    earlier = [who for _, b, who in subjects if b <= verb.start()]
    coordinated = re.search(r"\b(?:och|o)\s+(?:\w+\s+)?$", before) or COORDINATED_BUT.search(before)
    if coordinated and (previous or earlier):
        # the word between "och" and the verb is the subject where it is a person ("och mentorn ser att ..."),
        # else an adverb ("och gärna vill") and the subject before goes on
        named = [who for a, _, who in subjects if coordinated.start() < a < verb.start()]
        # a line label before a colon is no subject of the sentence after it ("5. [BARN] och mötet: [NAMN_1] visade
        # ... och förklarade": the one who showed goes on explaining)
        label_end = before.rfind(":") + 1
        in_sentence = [who for a, b, who in subjects if label_end <= a and b <= verb.start()] or earlier
        if not named and label_end and in_sentence and SUBJECT_OPENS.match(before, label_end):
            # a sentence opened by its subject after a colon ("... sagt till socialsekreteraren: [BARN] pratar om
            # mormor och vill vara nära mamma"): its subject goes on after "och", not the speaker before the colon
            return in_sentence[0], False
        return (named[-1], after_comma) if named else (previous or in_sentence[0], False)
    clause_start = max((m.end() for m in CLAUSE_OPENER.finditer(text, 0, verb.start())), default=0)
    after = re.match(r"\s+(?:själv\s+)?", text[verb.end():])
    if INVERTING_VERB.match(verb.group()) and not any(b <= verb.start() and not text[b:verb.start()].strip() for _, b, _ in people):
        # inverted word order after a fronted clause or adverbial ("När [NAMN_1] tog fram bollen sa [BARN] 'mer
        # boll!'", "På filmen som [VH1] visade tecknar [BARN] ..."): the person right after the verb is its subject
        for a, _, who in people:
            if after and a == verb.end() + after.end():
                return who, True
    for a, b, who in reversed(subjects):
        if b <= verb.start() and a >= clause_start:
            return who, after_comma
    appositive = APPOSITION.match(text)
    if appositive and clause_start <= appositive.end() <= verb.start() \
            and not CLAUSE_OPENER.search(text, appositive.end(), verb.start()):
        for a, _, who in subjects:
            if a == appositive.start(1):
                return who, True
    after = re.match(r"\s+(?:själv\s+)?", text[verb.end():])
    for a, _, who in people:
        if after and a == verb.end() + after.end():
            return who, True
    if after_comma:
        # verbs listed with commas, the subject said once ("[BARN] byggde med duplo, visade sitt rum, tittade på
        # mamma"): the subject of the clause before the comma goes on, in a main clause only where no
        # subordinate clause came before
        comma = before.rstrip().rfind(",")
        while comma > 0:
            opener = max(CLAUSE_OPENER.finditer(text, 0, comma), key=lambda m: m.end(), default=None)
            start = opener.end() if opener else 0
            listed = next((who for a, _, who in subjects if start <= a < comma), None)
            if listed:
                return listed, not SUBORDINATOR.search(text, 0, comma)
            if not opener or opener.group() != ",":
                break
            comma = opener.start()  # a verb listed before without its subject too: "..., visade sitt rum, tittade"
    if re.search(r"(?:^|[:(]\s*)[A-ZÅÄÖ][a-zåäöé]+\s+(?:har\s+|hade\s+)?(?:också\s+|även\s+)?$", before[clause_start:]):
        return "adult", after_comma
    if not re.sub(r"^\s*(?:[-•*]|\d+[.)])?\s*", "", before).strip() \
            or status and not any(a < verb.start() for a, _, _ in people):
        return last, True
    return None, after_comma


# An agency or its staff, abbreviated, as the source after "enligt" ("enl. fsk", "enligt BVC", "enligt personalen").
ADULT_SOURCE = folded_re(r"(?:fsk|förskolan|skolan|personalen|pedagog\w*|lärar\w*|mentor\w*|[A-ZÅÄÖ]{2,5})\b")


def _voice_kind(s: Segment, masked: str, people: list[tuple[int, int, str]], section: str, follows_voice: bool,
                last: str | None, plan: _VoicePlan, status: bool = False, goal: bool = False) -> str | None:
    """'own' (the child's words, or the child's view asked for), 'weak' (formulaic, paraphrase, an adult's
    description or a first-person text written by adults), 'adult' (an adult speaking for the child), None; a
    goal's state for the child ("[BARN] känner sig trygg med sina pedagoger") is no view or observation."""
    text = s.text
    if QUESTION.search(masked):
        return None  # a question put to the child ("Vad tycker du?"), not its answer
    for claim in _finditer_lowered(VALUE_CLAIM, masked):
        masked = masked[:claim.start()] + " " * (claim.end() - claim.start()) + masked[claim.end():]
    formula = _search_ci(FORMULAIC_VOICE, masked)
    who = _subject(masked, people, formula, last, None)[0] if formula else None
    if formula and who is None and section != "child" and NOTHING_TO_ADD.match(formula.group()):
        formula = None  # the writer's own remark ("Bakgrund: se journal, inget mer att tillägga härifrån")
    if formula and (CHILD_GENITIVE.match(formula.group()) or who != "adult") \
            and not (who is None and section != "child" and SHOWN_BY_THING.match(formula.group())):
        return "weak"  # unless an adult is the one who agrees ("Båda föräldrarna tycker att planen är bra")
    said = viewed = observed = previous = None
    viewed_at = 0
    dressed = False
    perceived = False
    adult_at = asked_at = None
    verbs = [(m, "report") for m in _finditer_lowered(VOICE_REPORT, masked)] \
        + [(m, "view") for m in _finditer_lowered(VOICE_VIEW, masked)] \
        + [(m, "observed") for m in _finditer_lowered(VOICE_OBSERVED, masked)]
    for m, kind in sorted(verbs, key=lambda v: v[0].start()):
        who, main_clause = _subject(masked, people, m, last, previous, status)
        previous = who or previous
        if who == "adult":
            adult_at = m.start() if adult_at is None else adult_at
            if re.match(r"fråga", m.group(), re.I):
                asked_at = m.start()
            if PERCEIVING.match(m.group()):
                perceived = True
            continue
        if who not in ("child", "first") or VOICE_NOT_SAID.search(masked[:m.start()]) \
                or kind == "report" and (ABILITY_BEFORE.search(masked, 0, m.start()) or plan.infant) \
                or kind == "view" and (DECLINED_TO_SPEAK.match(masked, m.start())
                                       or WISH_TO_SAY.match(masked, m.end())
                                       or WISH_WITHOUT_OBJECT.search(masked, 0, m.start())
                                       and NOTHING_WANTED.match(masked, m.end())):
            continue
        if asked_at is not None and not main_clause:
            continue  # what the adult asked the child, not the child's answer
        quoting = kind == "report" and QUOTE_FOLLOWS.match(text, m.end()) is not None
        who = "adult" if adult_at is not None and not main_clause and not quoting else who
        if perceived and who == "adult" and (kind == "view" or kind == "report" and not quoting):
            kind = "observed"  # "Vi ser att [BARN] tycker om att måla", "[NAMN_4] har märkt att hen frågar efter
            # mamma": what the adults saw, unless they quote it (GUIDELINES 4, block 71)
        if kind == "observed":
            observed = observed or who
        elif kind == "view":
            if viewed is None:
                viewed_at = m.start()
            viewed = viewed or who
        elif CHOICE.match(m.group()):
            if CHOICE_CONTENT.match(text[m.end():]) and not goal:  # "ska peka på bild" is what the child is to learn
                said = said or who
        elif SIGN.match(m.group()):
            if SIGN_CONTENT.match(text[m.end():]) or REPORT_CONTENT.match(text[m.end():]):
                said = said or who
        elif SHOUT.match(m.group()):
            if SHOUT_CONTENT.match(text[m.end():]):
                said = said or who
        elif REPORT_CONTENT.match(text[m.end():]) \
                and (not INSTRUCTION.match(masked[m.end():]) or SAID_THEN_QUOTE.match(text, m.end())) \
                and not WRITING_THE_PLAN.search(masked) and not SPEECH_SKILL.match(text, m.end()) \
                and not (who == "first" and TOLD_TO_CHILD.match(masked, m.end())):
            if NEED_WORDING.match(masked, m.end()) or YES_NO_TO.match(masked, m.end()):
                dressed = True  # "säger att hen har ett behov av ...": the staff's words; "sa ja till": a yes
            else:
                said = said or who
    enligt = re.search(r"\benl(?:igt|\.)\s*", masked, re.I)
    enligt = None if enligt and LAW_NAME.match(masked, enligt.end()) else enligt
    source = next((who for a, _, who in people if a == enligt.end()), None) if enligt else None
    if enligt and source is None and ADULT_SOURCE.match(masked, enligt.end()):
        source = "adult"  # "Enl. fsk vill [BARN] ...": an agency's short name the actor lexicon does not know
    if source == "adult":
        said, viewed = ("adult" if said else None), ("adult" if viewed else None)
    elif source == "child" and adult_at is None and not goal:  # not a goal's measure ("..., enligt [BARN] själv")
        said = said or "child"  # "Enligt [BARN] är rasterna det värsta": what the child has said
    if said is None and adult_at is None and _search_ci(FROM_CHILD_CONVERSATION, masked):
        said = "child"  # "Av samtal med barnet framgår att hen vill bo kvar": what the child said, in official words
    quoted = [q for q in _quoted(text) if _spoken(text, q) and not EXAMPLE_BEFORE.search(text, 0, max(0, q[0] - 1))]
    # an adult named as the source ("Enligt pappa vill [BARN] \"slippa gympan\"") tells the quotation: a parent
    # speaking for the child (GUIDELINES 3 child_voice partial, 4: "Mamma berättar att [BARN] vill ...")
    child_quote = bool(quoted) and said in (None, "child", "first") and adult_at is None and section != "adult" \
        and source != "adult" \
        and (said is not None or not plan.under_two and not _adult_opens(masked, people, quoted[0][0]) and (
            section == "child" or follows_voice
            or any(QUOTE_FIRST_PERSON.search(text[a:b]) for a, b in quoted)
            or any(QUOTE_WE.search(text[a:b]) for a, b in quoted) and _only_child_named(people)))
    # under two years only a quotation the child is said to say counts: a song's name ('Jag tycker om när mormor
    # sjunger "Imse vimse spindel"') or a sentence in the child's mouth ('"Jag behöver vuxna som stannar kvar"') is
    # the adults' words (GUIDELINES 4.1: a small child's own words are met, observations partial)
    if child_quote and all(_staff_wording(text[a:b]) for a, b in quoted):
        return "weak"  # '[BARN] säger: "Jag behöver struktur och förutsägbarhet ..."': the staff's words in quotes
    if child_quote or said == "child" and (section != "adult" or quoted):
        return "own"
    if said in ("child", "adult") or viewed == "adult" \
            or _has_cue(masked, VOICE_HEARSAY_CUES) and _search_ci(VOICE_HEARSAY, masked):
        return "adult"  # also the child's words retold, not quoted, under an adult's heading ("Vårdnadshavarens synpunkter")
    if dressed and said is None:
        return "weak"
    paraphrase = VOICE_PARAPHRASE.search(masked)
    if paraphrase and said is None and viewed in ("child", "first") \
            and _subject(masked, people, paraphrase, last, None)[0] != "adult":
        return "weak"  # "[BARN] uttrycker att hen vill ...": the staff's words for the child's wish, also as its view
    if said == "first" or viewed == "first":
        return "weak" if plan.adult_jag or plan.adult_filled or plan.under_two or GENERIC_WISH.search(masked) \
            else "own"
    if viewed == "child":
        if section == "child":
            return "own" if not GENERIC_WISH.search(masked) and not plan.small_child and not plan.adult_filled \
                else "weak"
        if goal:
            return None
        if section == "adult" or plan.small_child or VOICE_PARAPHRASE.search(masked):
            return "weak"  # an adult's account of the child's view, an observation of a small child, staff words
        if _adult_opens(masked, people, viewed_at) and RELAYED_VIEW.search(masked, 0, viewed_at):
            return "adult"  # "[VH1] hade mejlat inför mötet att [BARN] vill ...", "Jag tror att hon vill ...": an
            # adult, the sentence's subject, tells the child's wish (GUIDELINES 3 child_voice partial)
        return None  # staff describing what an older child does ("vill inte gå ut på gården"): no view asked for
    # an adult's observation ("Personalen ser att [BARN] söker sig till ...") is a small child's voice at most (GUIDELINES
    # 3, 0-3 years: partial); of a child the plan says is older it is no voice at all (GUIDELINES 4, block 71:
    # observations of the child are not its voice)
    if observed and not goal and (plan.small_child or section == "child" or _search_ci(INFANT_OBSERVED, masked)
                                  or (perceived and observed == "adult" or status) and not plan.older_child):
        return "weak"
    label = LINE_LABEL.match(masked)
    if section == "child" and _search_ci(VERBLESS_ATTITUDE, masked[label.end():] if label else masked):
        return "weak"
    if paraphrase and (section == "child" or any(who == "child" for _, _, who in people)) \
            and _subject(masked, people, paraphrase, last, None)[0] != "adult":
        return "weak"  # also in the child's section with the child unnamed ("Ungdomens syn: UH uttrycker att ...")
    return None


# The child's view in a clause after an adult's verb of telling or believing ("[VH1] hade mejlat [NAMN_1] att [BARN]
# vill ...", "Jag tror att hon vill ...", "Pappa har ringt och sagt: hen vill ..."): the clause's "att" or a colon
# before the child's wish.
RELAYED_VIEW = re.compile(r"(?:\batt|:)\s+(?:\S+\s+){0,3}$", re.I)


# The professionals' words for what a child needs ("struktur", "förutsägbarhet", "tryggt bemötande", "tydliggörande
# pedagogik", "anpassningar"): a child's quotation made of them is the staff's paraphrase dressed as the child's words
# (GUIDELINES 3 child_voice partial: "[BARN] uttrycker ett behov av struktur och förutsägbarhet").
STAFF_NEED_TERM = folded_re(r"\b(?:struktur\w*|förutsägbar\w*|bemötande\w*|tydliggörande\w*|förhållningssätt\w*|"
                            r"anpassning\w*|kontinuitet\w*|lågaffektiv\w*|helhetssyn\w*|kompensator\w*)", re.I)
# At least this many different such terms make a quotation staff wording, not a child's one borrowed word.
STAFF_TERMS_MIN = 2


def _staff_wording(quote: str) -> bool:
    """A quotation with at least `STAFF_TERMS_MIN` different professional need terms (`STAFF_NEED_TERM`)."""
    return len({m.group().lower()[:6] for m in _finditer_lowered(STAFF_NEED_TERM, quote)}) >= STAFF_TERMS_MIN


def _adult_opens(masked: str, people: list[tuple[int, int, str]], at: int) -> bool:
    """An adult is the subject that opens the sentence before `at` ("[NAMN_2] gick igenom bilderna \"vem hämtar
    mig?\" med [BARN]"): a quotation there is what the adult showed or said, not the child's words."""
    first = next(((a, who) for a, _, who in people if a < at and not _search_ci(VOICE_PREPOSITION, masked[:a])),
                 None)
    return first is not None and first[1] == "adult" and ":" not in masked[first[0]:at]  # not a label's quotation


def _timeline_row(ctx: Context, s: Segment) -> bool:
    """The segment opens a timeline's row after its time label ("- april: [BARN] pekar på bild för att be om mat"):
    what the child is to manage by then is a goal (GUIDELINES 4, block 65), not what the child said or showed."""
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    return s.start - line_at <= 40 and _time_label_end(ctx.text[line_at:s.end], 0) > 0


def _only_child_named(people: list[tuple[int, int, str]]) -> bool:
    """The sentence's person words name the child and no adult."""
    return any(who == "child" for _, _, who in people) and not any(who == "adult" for _, _, who in people)


def _in_status(ctx: Context, s: Segment) -> bool:
    """The segment stands in a journal's status or observation part (a heading or a line label), where a
    sentence without a subject is about the child ("Status: 1 år 2 mån. Pekar på bollen och säger ...")."""
    line = ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:s.end]
    label = LINE_LABEL.match(line)
    return bool(STATUS_SECTION.search(s.section) or label and STATUS_SECTION.search(label.group(1)))


def _first_person_account(masked: str, people: list[tuple[int, int, str]], plan: _VoicePlan) -> str | None:
    """A first-person sentence of a jag-plan that says no view in words ("Jag har hamnat i lite trubbel"): the
    child's own account where the child worded the plan ('own'); where adults wrote it, a feeling or need they
    put in the child's mouth ('weak')."""
    if ABOUT_THE_PLAN.search(masked) or not (plan.child_jag
                                             or plan.adult_jag and FIRST_PERSON_FEELING.search(masked)):
        return None
    if not any(who == "first" and not _search_ci(VOICE_PREPOSITION, masked[:a]) for a, _, who in people):
        return None
    return "weak" if plan.adult_jag else "own"


# Minutes written as dialogue: a line opens with who speaks ("Mamma: Han orkar inte dagarna.", "[NAMN_2] (fh): Hon
# vaknar ...", "Soc-sekr.: ...", "[BARN]: Jag vill sitta vid fönstret.", after a clock time "09.10 [NAMN_2]: ...").
# In a speaker's turn "jag" and "vi" are the speaker, and "han"/"hon" someone else.
SPEAKER_LABEL = re.compile(r"^[ \t]*(?:[-–•*][ \t]*|\d{1,2}[.:]\d{2}[ \t]+)?"
                           r"(?P<who>\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]|[A-ZÅÄÖ][\wåäöÅÄÖ.-]{0,24})"
                           r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[ \t]+(?=\S)", re.M)
# An adult as the speaker: a guardian or relative, or staff by an abbreviated title ("Vh", "Fh", "Ssk").
SPEAKER_ADULT_WORD = folded_re(r"^(?:\w*mamma\w*|\w*pappa\w*|mormor|morfar|farmor|farfar|moster|faster|morbror|"
                               r"farbror|vårdnadshavar\w*|föräld\w*|vh\d?|fh|ssk|skolssk|sekr\.?|beh\.?ped\.?)$", re.I)
# An agency's staff as the speaker, abbreviated ("Soc-sekr.", "BUP-ssk").
SPEAKER_AGENCY_STAFF = re.compile(r"^[\wåäöÅÄÖ]+-[\wåäö.]{2,}$")
# A form's field for who holds a role ("Samordningsansvarig: [NAMN_1]", "Vårdnadshavare: [VH1] och [VH2], ej
# närvarande", "Sekr: [NAMN_3]"): no one speaks there.
SPEAKER_FIELD = folded_re(r"ansvar|samordn|sammankall|kontakt|^vårdnadshavare$|^sekr|^handläggare$|^ordförande$",
                          re.I)
FIELD_VALUE = re.compile(rf"{PERSON_REF.pattern}(?!\s*:)|[A-ZÅÄÖ][a-zåäö]+\s*(?:,|$)")
# A dialogue has turns by at least two speakers on at least this many lines.
MIN_DIALOGUE_TURNS = 3
# Or on two list items, each a speaker's sentence ("- [VH1]: mornarna är jobbiga." / "- [NAMN_1]: när hon väl är
# kvar leker hon bra."): minutes written point by point, some points a speaker's turn (GUIDELINES 4, block 82: content
# counts by what it is; a list item with a speaker's label is a turn like "[VH1]: ..."). Not one-word values of a list
# of names ("- Mamma: inbjuden").
LIST_TURN = re.compile(r"[ \t]*[-–•*]")
LIST_TURN_MIN_WORDS = 3
# A reply that says nothing of the child's own ("Det är okej.", "Nej. Det är bra.", "Vet inte, typ.", "Mm."):
# the child spoke, but its view is not given (GUIDELINES 3 child_voice partial).
MINIMAL_REPLY = folded_re(r"^(?:\W*(?:ja|jo|japp|jaa|nej|nä|nää|nja|mm|mhm|hm|okej|ok|okay|bra|lugnt|fint|fine|typ|"
                          r"vet inte|kanske|det|de|är|var|allt|om|jag|inget|ingenting|inte|väl|nog|så|också|då|eh|öh|"
                          r"äh|som vanligt|samma)\b)*\W*$", re.I)
STAGE_NOTE = re.compile(r"\([^()]*\)")


# A plan the guardians or the family home wrote themselves ("skrivet av mamma och pappa", "Ifylld av: [NAMN_2] och
# [NAMN_3], jourhemsföräldrar", "mormors anteckningar", '"Vi" här nedanför = mamma [VH1] och pappa [VH2]'; "gjord av"
# only of the plan, not "anmälan gjord av familjehemmet"): its "jag"
# and "vi" are those adults, and what the child said in their words is the guardians speaking for the child
# (GUIDELINES 3 child_voice partial), unless they quote the child.
_KIN = (r"(?:\w*mamma|\w*pappa|mormor|morfar|farmor|farfar|moster|faster|morbror|farbror|föräldr\w*|vårdnadshavar\w*|"
        r"\[VH\d?\]|jourhem\w*|familjehem(?!s?sekr)\w*)")
GUARDIAN_WRITER = folded_re(
    rf"\b(?:skriv(?:et|en|it|na)|ifylld|ifyllt|(?:(?<=planen är )|(?<=planen )|(?<!\w\s))gjord|sammanställd)\s+"
    rf"(?:hemma\s+)?av\s*:?\s+(?:oss\s+)?"
    rf"(?:(?:\[[A-ZÅÄÖ_0-9]+\]|(?-i:[A-ZÅÄÖ][a-zåäö]+)|och|,)\s*){{0,4}}(?<!\w){_KIN}(?!\w)|"
    rf"(?<!\w){_KIN}\s+har\s+fyllt i\b|(?<!\w){_KIN}(?:\s+\[VH\d?\])?\s+har\s+skrivit\s+(?:den här\s+)?(?:texten|planen)\b|"
    rf"\bvi som skriver är\b[^.\n]{{0,40}}?{_KIN}|"
    rf"\bfrån oss föräldrar\b|\b{_KIN}s\s+anteckningar\b|\bvi\W{{0,2}}\s+(?:här nedanför\s+)?=\s+{_KIN}|"
    rf"\bdet här har vi,\s+[^.\n]{{0,50}}?{_KIN}[^.\n]{{0,40}}?\bskrivit\b", re.I)


# A parent who opens the plan by saying who writes it ("Det här är mina anteckningar från mötet. Jag är [BARN]s pappa,
# [VH1].", "Vi är [BARN]s föräldrar"): the plan's "jag" and "vi" are that parent, for the voice rules; not a guardian's
# line in a dialogue ("[VH1]: Jag är ...").
PARENT_INTRODUCED = folded_re(rf"(?:^|[.!?]\s+)(?:jag|vi)\s+är\s+(?:\[BARN\]:?s|hens|hans|hennes)\s+{_KIN}(?!\w)",
                              re.I | re.M)


# A line that titles a guardian's or a carer's own contribution in a compiled plan ("Pappas punkter (mejl, inklistrat):",
# "Mormor (nätverkshemmet), muntligt på mötet:", "Från mamma:", "Mammas mejl"): a label on its own line opening with
# the guardian, alone or in the genitive, not a sentence about them.
KIN_CONTRIBUTION_LABEL = folded_re(rf"^[ \t]*(?:[-–—•*#=]+[ \t]*)?(?:(?:bidrag|inlägg|synpunkter|punkter)?[ \t]*från[ \t]+)?"
                                   rf"(?:{_KIN}|\[VH\d?\])s?(?![\w-])[^\n.!?:]{{0,60}}:?[ \t]*$", re.I)
# The title of any contribution or part: a line of a few words ending in a colon ("Från skolan (inkom per mejl):",
# "Beslut:") or set between rules ("——— Från BUP ———"); it ends the contribution before it.
PART_LABEL_LINE = re.compile(r"^[ \t]*[^\n.!?]{1,80}:[ \t]*$|^[ \t]*[-–—=_*]{2,}[^\n]{1,80}?[-–—=_*]{2,}[ \t]*$")


def _kin_contributions(ctx: Context) -> list[tuple[int, int]]:
    """Spans of a compiled plan's contributions that a guardian or a carer wrote or gave (`KIN_CONTRIBUTION_LABEL` on a
    line ending in a colon or read as a heading), each to the next part's title or heading: GUIDELINES 4 (block 81),
    "jag" in a contribution is its writer, so what the child told "mig" there is the guardian speaking for the child."""
    return [(a, b) for a, b, _ in _kin_parts(ctx)]


def _guardian_contributions(ctx: Context) -> list[tuple[int, int]]:
    """The spans of `_kin_contributions` whose title names a guardian (`GUARDIAN_WORD`: "Mammas mejl", "Från pappa:"),
    not a grandparent or a family home: their "jag" is a guardian (GUIDELINES 4, block 81)."""
    return [(a, b) for a, b, guardian in _kin_parts(ctx) if guardian]


def _kin_parts(ctx: Context) -> list[tuple[int, int, bool]]:
    """(start, end, titled by a guardian) of each contribution of `_kin_contributions`, once per context."""
    def find(c: Context) -> list[tuple[int, int, bool]]:
        heads = {s.start for s in c.segs if s.is_heading}
        spans: list[tuple[int, int, bool]] = []
        open_at, guardian, pos = None, False, 0
        for line in c.text.split("\n"):
            at, pos = pos, pos + len(line) + 1
            titled = at in heads or bool(PART_LABEL_LINE.match(line))
            if not titled:
                continue
            if open_at is not None:
                spans.append((open_at, at, guardian))
                open_at = None
            if _search_ci(KIN_CONTRIBUTION_LABEL, line) and len(line.split()) <= 10:
                open_at, guardian = pos, bool(GUARDIAN_WORD.search(line))
        if open_at is not None:
            spans.append((open_at, len(c.text), guardian))
        return spans
    return _cached(ctx, "_kin_parts", find)


# What every match of `GUARDIAN_WRITER` holds, one piece for each of its alternatives in turn ("skrivet av", "har
# fyllt i", "har skrivit", "vi som skriver", "oss föräldrar", "s anteckningar", "vi =", "har vi,"): a cheap search that
# finds nothing where the slow pattern can find nothing (its alternatives with their anchors and lookarounds dropped).
GUARDIAN_WRITER_CUE = folded_re(r"(?:skriv(?:et|en|it|na)|ifyll[dt]|gjord|sammanställd)\s+(?:hemma\s+)?av[\s:]|fyllt i|"
                                r"har\s+skrivit\s|vi som skriver|oss föräldrar|s\s+anteckningar|"
                                r"vi\W{0,2}\s+(?:här nedanför\s+)?=|har vi,", re.I)


def _guardian_writer(ctx: Context) -> tuple[int, int] | None:
    """The span of `GUARDIAN_WRITER`'s first match in the plan, searched once per context (a slow pattern, read by
    several criteria; a span, not the match, so that the context can still go to a worker process), and only where
    `GUARDIAN_WRITER_CUE` is found."""
    return _cached(ctx, "_guardian_writer", lambda c: _search_ci(GUARDIAN_WRITER_CUE, c.text)
                   and (m := GUARDIAN_WRITER.search(c.text)) and m.span() or None)


# A professional who writes or dictates the plan in the first person and says so ("jag dikterar SIP för [BARN]", "det
# blir i jagform från mig", "Det här är [NAMN_1], socialsekreterare", "jag som samordnare"): the plan's "jag" is that
# adult, not the child.
_STAFF_TITLE = (r"\w*(?:sekreterare|kurator|handläggare|samordnare|samordningsansvarig|psykolog|sköterska|lärare|mentor|"
                r"rektor|pedagog|behandlare|läkare|konsulent|assistent)")
STAFF_WRITER = folded_re(rf"\bjag dikterar\b|\bjag-?form från mig\b|\b(?:det här är|här är)\s+\[NAMN_\d+\],?\s+{_STAFF_TITLE}\b|"
                         rf"\bjag som (?:är )?{_STAFF_TITLE}\b|"
                         # "Skriven av mig, [NAMN_1], ansvarig förskollärare på avd. Blåbäret"
                         rf"\bskriv(?:en|et|it) av mig,?\s*\[NAMN_\d+\],?\s+(?:\w+\s+){{0,2}}?{_STAFF_TITLE}\b|"
                         # a professional introducing themself ("Jag heter [NAMN_1] och är kurator på ...", "Jag,
                         # [NAMN_1], är socialsekreterare")
                         rf"\bjag(?:,\s*\[NAMN_\d+\],| heter \[NAMN_\d+\] och)\s+är\s+(?:\w+\s+){{0,2}}?"
                         rf"{_STAFF_TITLE}\b", re.I)
# A professional's own account in the first person (GUIDELINES 4: a "jag" the text ties to a role names that party,
# and the writer's own "jag tycker/vill" is no child's voice): the writer names their role ("Jag är [NAMN_1],
# behandlare på BUP", "Skrivet av: jag, [NAMN_1], kurator", "Jag som skriver det här är kurator", "jag skriver
# anteckningarna som [BARN]s socialsekreterare"), or the "jag" meets, talks with or is told things by the child
# ("Jag träffade [BARN] och mamma", "jag pratade med [BARN]", "[BARN] har sagt till mig att ..."). Only the voice
# rules read it (`_voice_plan`); `STAFF_WRITER` stays the stricter test other criteria use.
STAFF_ACCOUNT = folded_re(
    rf"\bjag(?:,\s*\[NAMN_\d+\],?|\s+är\s+\[NAMN_\d+\],)\s+(?:[\w-]+\s+){{0,2}}?[\w-]*?{_STAFF_TITLE}\b|"
    # the writer gives their name, a placeholder for an adult ("Jag heter [NAMN_1] o är försk.lärare", "Jag heter
    # [NAMN_1] och har varit fam.beh för familjen"): the child is "[BARN]", so that "jag" is no child
    r"\bjag heter \[NAMN_\d+\]|"
    rf"\bjag som skriver (?:det här|detta|anteckningarna|planen)\s+är\s+(?:[\w-]+\s+){{0,2}}?[\w-]*?{_STAFF_TITLE}\b|"
    rf"\bjag\s+(?:skriver|har skrivit|för|antecknar)\b[^.\n]{{0,50}}?\bsom\s+(?:\[BARN\]s\s+|hens\s+|hans\s+|hennes\s+)?"
    rf"[\w-]*?{_STAFF_TITLE}\b|"
    r"\bjag\s+(?:har\s+|hade\s+)?(?:träffa(?:t|de|r)?|pratat|pratade|pratar|samtala(?:t|de|r)|besökt|besökte)\s+"
    r"(?:med\s+)?\[BARN\](?!s\b)|"
    r"\[BARN\]\s+(?:har\s+|hade\s+)?(?:sa|sagt|sade|berättade|berättat|berättar|säger)\s+(?:\w+\s+)?(?:till|för)\s+mig\b",
    re.I)
STAFF_ACCOUNT_CUES = ("jag", "mig")  # each alternative of `STAFF_ACCOUNT` holds one (`_has_cue`)
# A comment or a line that a guardian signs with a label ("> [VH1]: lägger till att ...", "• Mamma: [BARN] säger att
# ...", "Kommentar från pappa: ..."): what the child wants there is told by the guardian, also outside a dialogue.
GUARDIAN_LINE_LABEL = folded_re(r"^[ \t]*(?:[-–•*>][ \t]*)*(?:kommentar från[ \t]+)?(?:\[VH\d?\]|(?:mamma|pappa|mamman|"
                                r"pappan|vårdnadshavar\w*|föräldr\w*|mormor|morfar|farmor|farfar)(?:[ \t]+\[VH\d?\])?)"
                                r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[ \t]+(?=\S)", re.I)


def _guardian_line(ctx: Context, s: Segment) -> tuple[str, int] | None:
    """("adult", end of the label) for a segment on a line that a guardian's label opens (`GUARDIAN_LINE_LABEL`)."""
    line_at = ctx.text.rfind("\n", 0, s.start) + 1
    m = GUARDIAN_LINE_LABEL.match(ctx.text[line_at:s.end])
    return ("adult", line_at + m.end()) if m else None


# The coordinator's own part in such a plan ("Tillägg från [NAMN_1] (socialtjänsten)"): the child's words there are
# reported by the professional who met the child.
COORDINATOR_PART = folded_re(r"^[ \t]*(?:tillägg|kommentar\w*|anteckning\w*)\s+(?:från|av)\b[^\n.]{0,60}$",
                             re.I | re.M)


def _coordinator_parts(ctx: Context) -> list[tuple[int, int]]:
    """Spans from a coordinator's heading in a guardians' plan to the next heading or the end."""
    spans = []
    for m in _finditer_ci(COORDINATOR_PART, ctx.text, ctx.text.lower()):
        end = next((s.start for s in ctx.segs if s.start > m.end() and s.is_heading), len(ctx.text))
        spans.append((m.start(), end))
    return spans


# A legend of the minutes' speaker abbreviations ("H = [NAMN_1], handläggare IFO", "JH = [NAMN_3], jourhemsmamma").
SPEAKER_LEGEND = re.compile(r"^[ \t]*(?P<abbr>[A-ZÅÄÖ]{1,4})[ \t]*=[ \t]*(?P<who>\S+)", re.M)


def _speaker_legend(ctx: Context) -> dict[str, str]:
    """{abbreviation: 'child' or 'adult'} from the plan's `SPEAKER_LEGEND` lines, once per context."""
    return _cached(ctx, "speaker_legend", lambda c: {
        m["abbr"]: "child" if m["who"].startswith("[BARN]") else "adult" for m in SPEAKER_LEGEND.finditer(c.text)})


def _speaker(ctx: Context, who: str, at: int) -> str | None:
    """'child' or 'adult' for a speaker label at `at` that names a person (also by the minutes' legend of
    abbreviations); None for a field label ("Samtycke:")."""
    if who == "[BARN]":
        return "child"
    if "=" in ctx.text and who in _speaker_legend(ctx):
        return _speaker_legend(ctx)[who]
    if PERSON_REF.fullmatch(who) or SPEAKER_ADULT_WORD.match(who) or STAFF_ROLE.fullmatch(who) \
            or _is_first_name(who, ctx) or any(a == at for a, _, _ in ctx.roles) \
            or SPEAKER_AGENCY_STAFF.match(who) and any(a == at for a, _, _ in ctx.actors):
        return "adult"
    return None


# The header of a table that writes the conversation out, one turn a row ("| Vem | Vad som sades |"): the first cell
# is who speaks, the second what they said (GUIDELINES 4, blocks 55 and 64).
DIALOGUE_TABLE_HEADER = folded_re(rf"^[ \t]*\|[ \t]*(?:vem|talare)[ \t]*\|[ \t]*(?:{SPEECH_WORDS})[ \t]*\|", re.I | re.M)
TABLE_TURN = re.compile(r"[ \t]*\|[ \t]*(?P<who>[^|\n]*?)[ \t]*(?:\([^()|\n]{1,30}\))?[ \t]*\|[ \t]*(?=[^|\s-])")


def _table_turns(ctx: Context) -> dict[int, tuple[str, int]]:
    """{row start: (speaker, start of the said cell)} for the rows under a `DIALOGUE_TABLE_HEADER`, up to the first
    line that is no table row."""
    turns: dict[int, tuple[str, int]] = {}
    for header in DIALOGUE_TABLE_HEADER.finditer(ctx.text):
        at = ctx.text.find("\n", header.end()) + 1
        while at and ctx.text.startswith("|", at):
            row = TABLE_TURN.match(ctx.text, at)
            kind = _speaker(ctx, row.group("who"), row.start("who")) if row and row.group("who") else None
            if kind:
                turns[at] = (kind, row.end())
            at = ctx.text.find("\n", at) + 1
    return turns


def _find_speaker_turns(ctx: Context) -> dict[int, tuple[str, int]]:
    """{line start: (speaker, end of its label)} for the lines of a dialogue, or the rows of a dialogue table; {}
    where the plan has none."""
    turns: dict[int, tuple[str, int]] = _table_turns(ctx) if "|" in ctx.text else {}
    speakers = {ctx.text[m:turns[m][1]].split(":")[0].strip() for m in turns}
    said_items = 0  # list items that are a speaker's sentence ("- [VH1]: mornarna är jobbiga.")
    for m in SPEAKER_LABEL.finditer(ctx.text):
        if SPEAKER_FIELD.search(m.group("who")) or FIELD_VALUE.match(ctx.text, m.end()):
            continue
        kind = _speaker(ctx, m.group("who"), m.start("who"))
        if kind:
            turns[m.start()] = (kind, m.end())
            speakers.add(m.group("who"))  # the speaker without the list mark or clock time before it
            line_end = ctx.text.find("\n", m.end())
            said = ctx.text[m.end():line_end if line_end >= 0 else len(ctx.text)]
            said_items += bool(LIST_TURN.match(ctx.text, m.start())) and _word_count(said) >= LIST_TURN_MIN_WORDS
    enough = len(turns) >= MIN_DIALOGUE_TURNS or len(turns) == said_items >= 2
    return turns if enough and len(speakers) >= 2 else {}


def speaker_turns(ctx: Context) -> dict[int, tuple[str, int]]:
    """The plan's dialogue turns (`_find_speaker_turns`), computed once per context."""
    return _cached(ctx, "speaker_turns", _find_speaker_turns)


def _turn_of(ctx: Context, s: Segment) -> tuple[str, int] | None:
    """(speaker, end of the label) of the dialogue turn a segment belongs to, else None."""
    turns = speaker_turns(ctx)
    if not turns:
        return None
    line_turn = turns.get(ctx.text.rfind("\n", 0, s.start) + 1)
    label = SPEAKER_LABEL.match(s.text)  # a turn reported inside a line ("Togs inte upp. [NAMN_2]: 'Vi får ...'")
    kind = _speaker(ctx, label.group("who"), s.start + label.start("who")) if label else None
    return (kind, s.start + label.end()) if kind else line_turn


def _in_spans_of(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of the (start, end) spans."""
    return any(a <= pos < b for a, b in spans)


def _child_quoted(text: str, people: list[tuple[int, int, str]]) -> bool:
    """A quotation of the child's words: a spoken quotation with the child named before it in the sentence ("Hon
    sa i går 'jag vill bo här'"), or one that opens the sentence ("'Jag vill bo med mamma.'")."""
    quotes = [q for q in _quoted(text) if _spoken(text, q)]
    return any(not text[:a - 1].strip(" -–•*") or any(who == "child" and b <= a for _, b, who in people)
               for a, _ in quotes)


def _child_turn_voice(words: str) -> str:
    """A turn by the child: its own words ('own'), or only a minimal reply, a formula, a question or a wish any
    child has ('weak')."""
    said = STAGE_NOTE.sub(" ", words)
    weak = _search_ci(MINIMAL_REPLY, said) or _search_ci(FORMULAIC_VOICE, said) or QUESTION.search(said) \
        or _search_ci(GENERIC_WISH, said)
    return "weak" if weak else "own"


# The child's view inside an adult's quotation ("mamma: 'hen vill inte gå till fritids'"): what the child wants, in
# the adult's words.
CHILD_VIEW_IN_QUOTE = folded_re(r"(?:\[BARN\]|\b(?:hen|han|hon)\b)\s+(?:\w+\s+)?(?:vill|ville|tycker|tyckte|önskar|"
                                r"gillar|längtar|har sagt|sa|säger)\b", re.I)
# A line label for the child's view that names its source ("Barnets syn (enl. mentor): '...'").
SOURCED_LABEL = re.compile(r"^[\s*_#-]*(?P<label>[^:\n]{1,60}?)[\s*_]*:\s")
SOURCE_NAMED = folded_re(r"\b(?:enligt|enl\.?|från|via)\s+\S", re.I)


def _retold_quote(text: str, adult_turn: bool) -> bool:
    """A quotation in which an adult gives the child's view (GUIDELINES 3 child_voice: staff or guardians speaking
    for the child, partial): on an adult's line with the child's view quoted ("pappa: 'hen vill att vi slutar
    tjata'"), or under a label for the child's view told by someone else ("Barnets syn (enl. mentor): 'tycker det
    är bra att ngn bryr sig'")."""
    quotes = [text[a:b] for a, b in _quoted(text) if _spoken(text, (a, b))]
    if not quotes:
        return False
    if adult_turn:
        return any(_search_ci(CHILD_VIEW_IN_QUOTE, q) for q in quotes)
    label = SOURCED_LABEL.match(text)
    return bool(label) and bool(_search_ci(CHILD_VIEW_HEADING, label["label"])) \
        and bool(_search_ci(SOURCE_NAMED, label["label"]))


# A guardian who answered the child's questions in a participation tool for the child ("pappa tog plattan och svarade
# åt [BARN]", "Svarat av: pappa ([VH1]) åt [BARN]", "mamma fyllde i åt henne"): the answers are the guardian speaking for
# the child (GUIDELINES 3 child_voice partial, "bara vårdnadshavare ... talar för barnet"; 4, block 75: an answer an
# adult chose is not the child's own). Staff who pre-filled the form are not meant: no one speaks for the child there.
_FOR_CHILD = r"(?:åt|för)\s+(?:\[BARN\]|barnet|henne|honom|hen)(?!\w)"
GUARDIAN_ANSWERED_FOR_CHILD = folded_re(
    rf"(?<![\w-]){_GUARDIAN_NOUN}(?![\w-])[^.;\n]{{0,40}}?\b(?:svarade|svarat|svarar|fyllde i|fyllt i|fyller i|valde|"
    rf"valt|väljer)\s+(?:\w+\s+){{0,2}}?{_FOR_CHILD}|"
    rf"\b(?:svarat|besvarat|ifyllt|ifylld|valt)\s+av\s*:?\s*{_GUARDIAN_NOUN}(?![\w-])[^.;\n]{{0,25}}?{_FOR_CHILD}", re.I)
# An answer in a participation tool's export: a smiley, a star rating or a speech bubble (GUIDELINES 4, block 75). A
# guardian's answering for the child is only their speaking for it where the plan gives the answers.
TOOL_ANSWER = re.compile(r"[😀😃😄😊🙂😐😕🙁☹😟😢😞⭐💬🗨]")
# A heading that names only the child ("Barnet", "Om [BARN]", "Ungdomen", in a bilingual plan "barnet / the child"):
# a sentence under it that leaves its subject out is about the child ("- säger 'upp!' och sträcker armarna").
CHILD_TOPIC_HEADING = folded_re(r"^\W*(?:om\s+|about\s+)?(?:barnet|\[barn\]|ungdomen|eleven|the child|the young person)"
                                r"\W*$", re.I)


def _child_topic_heading(text: str) -> bool:
    """A heading naming only the child (`CHILD_TOPIC_HEADING`), in one language or in both ("barnet / the child"; GUIDELINES
    4, block 74: what is said in English counts as if said in Swedish)."""
    parts = [p for p in text.split("/") if p.strip(" \t:")]
    return bool(parts) and all(_search_ci(CHILD_TOPIC_HEADING, p) for p in parts)


def _voice_segments(ctx: Context) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """(own, weak, by_adults): segments with the child's own words or asked-for view; formulaic, paraphrased or
    observed voice; adults reporting what the child wants."""
    own, weak, by_adults = [], [], []
    plan = _voice_plan(ctx)
    goal_spans = [(g.start, g.end) for g in ctx.goals]
    heading_voice, heading_section = "", ""
    last: str | None = None
    follows_voice = False
    coordinator = _coordinator_parts(ctx) if plan.guardian_writer else []
    tool_answers = bool(TOOL_ANSWER.search(ctx.text))
    kin_parts = _kin_contributions(ctx)
    for original in ctx.segs:
        if _template_instruction(ctx, original) or _in_leftover(ctx, original):
            continue
        if sibling_segment(ctx, original):
            last = "sibling"  # the sibling's words are not the child's voice; "han"/"hon" after them is the sibling
            continue
        s = _cell_text(ctx, original)
        kind = _voice_heading(ctx, s)
        if kind is not None:
            heading_voice, heading_section, last, follows_voice = kind, s.section, kind or None, False
            if not kind and _child_topic_heading(s.text):
                last = "child"  # "Barnet / the child:" then "- säger 'upp!' ...": the child says it
            continue
        section = heading_voice if s.section == heading_section else _section_voice(s.section)
        label = LINE_LABEL.match(s.text)
        label_voice = _section_voice(label.group(1).lower()) if label else ""
        section = label_voice or section
        row = _row_label(ctx, s)
        row_voice = _section_voice(row[0].lower()) if row else ""
        section = row_voice or section
        masked = s.text
        for a, b in _quoted(s.text):
            masked = masked[:a] + " " * (b - a) + masked[b:]
        if row and (row_voice or row[2]) and row[1] > s.start:
            # a spreadsheet's label cell or a label for a view is no person in the sentence ("Hur [BARN] deltog;")
            masked = " " * (row[1] - s.start) + masked[row[1] - s.start:]
            last = row_voice or last
        elif label_voice and not row_voice:
            # a label for a view is no person either; a sentence without a subject after it is that person's
            # ("Barnets synpunkter: Söker ögonkontakt och jollrar")
            masked = " " * label.end() + masked[label.end():]
            last = label_voice
        turn = _turn_of(ctx, s)
        dialogue = bool(turn)  # in a dialogue "han"/"hon" is someone else than the speaker
        turn = turn or _guardian_line(ctx, s)
        if turn:
            speaker, label_end = turn
            cut = max(0, min(label_end - s.start, len(masked)))
            masked = " " * cut + masked[cut:]  # the speaker's label is not a person in the sentence
            if label_end > s.start:
                last = None
            if speaker == "child":
                found = _child_turn_voice(s.text[cut:])
                {"own": own, "weak": weak}[found].append(original)
                last, follows_voice = "child", False
                continue
            section = "adult"
            if not dialogue:
                last = "adult"  # "Mamma: vill att [BARN] ... Hon tycker ...": the labelled guardian goes on speaking
        status = _in_status(ctx, s)
        last = "child" if status else last
        sender = mail_sender(ctx, s.start)  # in an e-mail thread "jag" is the mail's sender
        guardians_words = plan.guardian_writer and not _in_spans_of(coordinator, s.start) \
            or sender in ("guardian", "carer") or _in_spans_of(kin_parts, s.start)
        people = _people(ctx, s, masked, last, section, plan, adult_turn=dialogue,
                         adult_writer=plan.guardian_writer or plan.staff_writer
                         or sender not in (None, "child"))
        goal = any(a < s.end and s.start < b for a, b in goal_spans) or _timeline_row(ctx, s)
        found = _voice_kind(s, masked, people, section, follows_voice, last, plan, status, goal) \
            or _first_person_account(masked, people, plan)
        if QUOTE_MARK.match(s.text) and EXAMPLE_BEFORE.search(ctx.text, max(0, s.start - 30), s.start):
            found = None  # an example the sentence splitter cut off after "t.ex."
        if found and _search_ci(EARLIER_MEETING, s.text):
            found = None  # what the child said at an earlier meeting is not its view now (GUIDELINES 4)
        # a quotation of the child's view under an adult's heading ("Det vårdnadshavarna förmedlat" then 'Där står:
        # "[BARN] vill att ..."'): the adults speak for the child, as on an adult's line
        if found is None and _retold_quote(s.text, bool(turn) or section == "adult"):
            found = "adult"
        if found is None and tool_answers and _search_ci(GUARDIAN_ANSWERED_FOR_CHILD, s.text):
            found = "adult"  # a parent answered the child's tool for it: a guardian speaking for the child
        if (turn or guardians_words) and found == "own" and not _child_quoted(s.text, people):
            found = "adult"  # an adult telling what the child says or wants, not quoting the child
        {"own": own, "weak": weak, "adult": by_adults}.get(found, []).append(original)
        follows_voice = found == "own" or bool(re.search(r":\s*$", s.text) and (found or section == "child"))
        # the subject that goes on into the next sentence is the main clause's: in a sentence that leaves its
        # subject out ("Tycker att hen förstår mer", a parent's line going on), a person in the subordinate clause
        # is no new subject
        subjects = [who for a, b, who in people if who in ("child", "adult")
                    and not _search_ci(VOICE_PREPOSITION, masked[:a]) and not FIRST_PERSON_REF.fullmatch(masked[a:b])
                    and not (SUBJECTLESS_OPENING.match(masked) and SUBORDINATOR.search(masked, 0, a))]
        if subjects:
            last = subjects[0]
    return own, weak, by_adults


def child_voice(ctx: Context) -> CriterionResult:
    own, weak, by_adults = _voice_segments(ctx)
    ctx.signals.update(voice_own=len(own), voice_formulaic=len(weak), voice_guardian=len(by_adults))
    if own:
        return _result("child_voice", "met", 0.65, [_ev(s, "VOICE") for s in own],
                       "Barnets egen syn återges: vad barnet sagt, skrivit eller önskat.")
    if weak or by_adults:
        return _result("child_voice", "partial", 0.55, [_ev(s, "VOICE") for s in by_adults + weak],
                       "Barnets röst återges bara formelartat, med de vuxnas ord eller genom vuxna som talar "
                       "för barnet.")
    return _result("child_voice", "not_met", 0.65, [], "Letade efter barnets egna ord, önskemål eller syn "
                                                        "(citat, 'säger att', jag-form) men hittade inget.")


# A plan in the child's own first person ("Jag heter [BARN]", "MIN PLAN", "skriven i jag-form"): "jag" in its
# participant list is the child.
FIRST_PERSON_PLAN = re.compile(r"\bjag heter \[BARN\]|^\W*min (?:plan|sip)\b|\bjag-form\b", re.I | re.M)
FIRST_PERSON_PLAN_CUES = ("jag heter [barn]", "min plan", "min sip", "jag-form")  # one in each alternative (`_has_cue`)
FIRST_PERSON_WORD = re.compile(r"\b(?:jag|Jag|JAG)\b")
# A parent's own first-person plan ("Min plan som förälder – SIP för [BARN]"): its "jag" is the parent, not the child.
PARENT_FIRST_PERSON_PLAN = folded_re(r"\b(?:min|vår) (?:plan|sip|text)\w* som (?:förälder|föräldrar|mamma|pappa|"
                                     r"vårdnadshavar\w*)\b", re.I)


def _child_first_person_plan(text: str) -> bool:
    """A plan in the child's first person (`FIRST_PERSON_PLAN`), not a parent's own (`PARENT_FIRST_PERSON_PLAN`)."""
    return _has_cue(text, FIRST_PERSON_PLAN_CUES) and bool(FIRST_PERSON_PLAN.search(text)) \
        and not _search_ci(PARENT_FIRST_PERSON_PLAN, text)


# "Mötet" spelt by its sound ("dagen innan möttet", "hela möttet"), as in plans written in Swedish as a second
# language: a careful reader understands it (GUIDELINES 4, block 69), so it is read as "mötet" (same length).
MEETING_BY_SOUND = re.compile(r"\b([Mm])öttet\b")


# The child let or asked to write the meeting's minutes or the plan itself, told in its own first person ("Kuratorn sa
# att jag kunde skriva protokollet själv", "Jag skriver, för mentorn frågade om jag ville", "Jag fick skriva
# protokollet själv"): the child wrote the plan (GUIDELINES 4.1, as `CHILD_WROTE_PLAN`), and its "jag" is the child.
CHILD_SCRIBE = folded_re(r"\b(?:sa|sade|tyckte)\s+att\s+jag\s+(?:kunde|fick|skulle)\s+skriva\b|"
                         r"\bjag\s+fick\s+skriva\s+(?:protokollet|anteckningarna|planen|minnesanteckningarna)\b|"
                         r"\bjag\s+skriver\b[^.\n]{0,30}\bfrågade\s+om\s+jag\s+ville\b", re.I)


def _child_scribe(ctx: Context) -> bool:
    """The plan's "jag" says it was let or asked to write the minutes (`CHILD_SCRIBE`), and no professional
    (`_staff_writer`), guardian (`_guardian_writer`) or parent's own plan (`PARENT_FIRST_PERSON_PLAN`) writes it."""
    return "skriv" in ctx.text and bool(_search_ci(CHILD_SCRIBE, ctx.text)) and not _staff_writer(ctx) \
        and _guardian_writer(ctx) is None and not _search_ci(PARENT_FIRST_PERSON_PLAN, ctx.text)


def _participation_texts(ctx: Context) -> list[str]:
    """Each segment's text with the child's second or first person put as "[BARN]": "du" in a plan written to
    the child ("Du var med den första halvtimmen"), "jag" in the child's own first-person plan ("Med på mötet:
    jag, [VH1]"); in a mail an adult sent, "jag" and "mig" are the sender, not the child; a leftover from an earlier
    plan is blank; "möttet" is read as "mötet" (`MEETING_BY_SOUND`)."""
    texts = ["" if _in_leftover(ctx, s) else MAIL_WRITER_WORD.sub("avsändaren", s.text)
             if mail_sender(ctx, s.start) not in (None, "child") else s.text
             for s in ctx.segs]  # in an adult's mail "Jag var inte på mötet" is the sender
    texts = [MEETING_BY_SOUND.sub(r"\1ötet ", t) for t in texts]
    if _plan_addressee(ctx) == "child":
        texts = [SECOND_PERSON.sub("[BARN]", t) for t in texts]
    if _child_first_person_plan(ctx.text) or _child_scribe(ctx):
        texts = [FIRST_PERSON_WORD.sub("[BARN]", t) for t in texts]
    elif _staff_writer(ctx):
        texts = [MAIL_WRITER_WORD.sub("skribenten", t) for t in texts]  # a professional's "jag skrev upp punkterna"
    return texts


def _with_next_sentence(ctx: Context, texts: list[str], i: int) -> str:
    """A segment's text and, when the line goes on about the child, the next sentence's (a reason can follow
    there: "[BARN] deltog inte. [BARN] är 2 år och mötet hölls under hens sovtid")."""
    s = ctx.segs[i]
    nxt = ctx.segs[i + 1] if i + 1 < len(ctx.segs) else None
    goes_on = nxt is not None and "\n" not in ctx.text[s.end:nxt.start] \
        and bool(CHILD_FIRST.match(texts[i + 1]) or TOOK_PART_ONLY.match(texts[i]))
    return texts[i] + " " + texts[i + 1] if goes_on else texts[i]


def _bare_attendance(ctx: Context, texts: list[str], i: int) -> bool:
    """A bare statement that the child was at the meeting or not (`TOOK_PART_ONLY`) with nothing after it on the line
    about the child or the meeting: it says no more than a participant list does (GUIDELINES 3 and 4). After "inte"
    the next sentence can give the reason, unless it only leads in to what follows ("Det här har hen sagt:")."""
    if not TOOK_PART_ONLY.match(texts[i]):
        return False
    s, nxt = ctx.segs[i], ctx.segs[i + 1] if i + 1 < len(ctx.segs) else None
    if nxt is None or "\n" in ctx.text[s.end:nxt.start]:
        return True
    following = texts[i + 1]
    if _child_delaktig(following):
        return True  # "[BARN] var inte med. Hen har haft möjlighet att tycka till.": a formula, no reason or how
    return not (CHILD_FIRST.match(following) or PARTICIPATION_CONTEXT.search(following)
                or NEGATED.search(texts[i]) and not following.rstrip().endswith(":"))


# The child's not taking part, then only another thing not done ("[BARN] var inte med på mötet och har inte
# tillfrågats om planen", "[BARN] deltog inte och har inte fått information"): a second absence, no reason for the first.
ABSENT_AND_NOT_ASKED = folded_re(rf"{PARTICIPANT_CHILD}\s+(?:(?:deltog|var|närvarade|kom)\s+(?:inte|ej)(?:\s+med)?|"
                                 r"(?:inte|ej)\s+(?:deltog|var med|närvarade|kom))"
                                 r"(?:\s+(?:på|i|vid|till)\s+(?:dagens\s+)?(?:sip-?)?möte[nt]?)?"
                                 r"\s*,?\s*(?:och|men|samt)\s+(?:har|hade|är|var|blev)\s+(?:heller\s+)?(?:inte|ej)\b"
                                 r"(?![^.]{0,60}\b(?:eftersom|pga|p\.g\.a|på grund av|då|för att)\b)[^.]*[.!]?\s*$", re.I)


def _empty_field_value(text: str) -> bool:
    """A field whose value is empty or says it is not filled in ("Barnets delaktighet: —", "Delaktighet: ej ifyllt"):
    GUIDELINES 4 (block 78), a field with "—", "saknas" or "ej bestämt" shows nothing; its label is no mention."""
    field = FIELD.match(text)
    return bool(field) and bool(EMPTY_CELL.match(field[2]))


def _list_items(s: Segment, text: str, in_list: bool) -> str:
    """The part of a segment that is a participant list: after its label, under its heading or below a line that
    titles it ("Närvarande: [VH1], [BARN], [NAMN_1]", "Vilka var med?" then "- [BARN]"); else ""."""
    label = PARTICIPANT_LABEL.match(text)
    return text[label.end():] if label else text if PARTICIPANT_LIST.search(s.section) or in_list else ""


def _bare_participant_label(text: str) -> bool:
    """A participant label with the list on the lines below ("Med på mötet var:", "Närvarande:")."""
    label = PARTICIPANT_LABEL.match(text)
    return bool(label) and not re.search(r"\w", text[label.end():])


# A person placeholder ("[VH1]", "[NAMN_2]", "[BARN]").
PERSON_PLACEHOLDER = re.compile(r"\[(?:BARN|VH\d?|NAMN_\d+)\]")
# A line with at least this many persons is a participant list's line, however long ("[VH1] o [VH2], vh; [BARN];
# [NAMN_1], handl., BoF; [NAMN_2], ssk, barnmed." under "1. Närv.").
LIST_LINE_PERSONS = 3


def _persons_line(text: str) -> bool:
    """A line of persons, as a participant list has them below its title (`LIST_LINE_PERSONS`), not a sentence."""
    return len(PERSON_PLACEHOLDER.findall(text)) >= LIST_LINE_PERSONS


def _listed_children(ctx: Context, texts: list[str]) -> tuple[list[Segment], list[Segment]]:
    """The segments where the child is an item of a participant list, not a sentence about the child there:
    those that say for which stretch of the meeting ("[BARN] hela mötet", "[BARN] (14) från kl 10") and those
    that only list the child; `texts` are the segments' texts from `_participation_texts`. A list goes on to the
    line's end when an abbreviation's dot splits it ("Närv.: [NAMN_1] soc.sekr. IFO, [NAMN_2] kurator, [BARN]")."""
    stretch, listed, in_list = [], [], False  # below a list title, until a heading or a sentence
    list_line_end = -1  # the end of the line that a participant label opens
    for s, text in zip(ctx.segs, texts):
        on_list_line = s.start < list_line_end
        if PARTICIPANT_LABEL.match(text):
            line_end = ctx.text.find("\n", s.start)
            list_line_end = line_end if line_end >= 0 else len(ctx.text)
        slide = SLIDE_MARKER.match(text)  # a slide titled for the list: "Bild 3: Deltagare"
        title = slide.group("title") if slide else text
        if LIST_TITLE.match(title) or _bare_participant_label(title):
            in_list = True
            continue
        if s.is_heading or FIELD.match(text) or len(text.split()) > 8 and not _persons_line(text):
            in_list = False
        items = "" if s.is_heading else text if on_list_line else _list_items(s, text, in_list)
        if LISTED_STRETCH.search(items):
            stretch.append(s)
        elif LISTED_CHILD.search(items):
            listed.append(s)
    return stretch, listed


def _prepared(s: Segment, text: str) -> bool:
    """The child was met or talked with before the meeting ("Inför mötet träffade [NAMN_1] [BARN]"), said in
    the sentence or under a heading for it; not someone else's call before the meeting ("Mamma har veckan
    före mötet uppgett att [BARN] vill ...")."""
    act = _search_ci(PREPARATION_ACT, text)
    if act and not _search_ci(CHILD_NOUN, text) and GUARDIAN_WORD.search(text, 0, act.start()):
        return False  # "Pappa skrev en lapp inför mötet eftersom han ...": the pronoun is the guardian, not the child
    return bool(act and (_search_ci(PREPARED, text) or PREPARATION_SECTION.search(s.section)
                         and re.search(PARTICIPANT_CHILD, text, re.I))
                and not NEGATED_BEFORE.search(text[:act.start()]))


# A line that opens with the child, bare or after a short label ("[BARN], 8 år.", "Session: [BARN], 8 år.", "Barn:
# [BARN]"): a sentence after it on the line that names no one goes on about the child.
CHILD_LINE_OPENING = folded_re(rf"^\W*(?:[^\W\d][\w ]{{0,20}}:\s*)?{_PARTICIPANT}(?!\w)", re.I)


def _with_line_child(ctx: Context, texts: list[str], i: int) -> str:
    """A segment's text, after the child where the segment opens with its act and no subject (`PREPARATION_ACT`)
    and its line opens with the child (`CHILD_LINE_OPENING`): "Session: [BARN], 8 år. Gjord med kuratorn dagen före
    SIP-mötet." says the child's session was held before the meeting (GUIDELINES 4.1: preparing the plan with the
    child)."""
    text = texts[i]
    line_at = ctx.text.rfind("\n", 0, ctx.segs[i].start) + 1
    if not i or ctx.segs[i].start == line_at:
        return text  # the segment opens its line
    act = _search_ci(PREPARATION_ACT, text)
    if not act or text[:act.start()].strip(" -–•*") or re.search(PARTICIPANT_CHILD, text, re.I):
        return text
    first = next((j for j in range(i - 1, max(-1, i - 4), -1) if ctx.segs[j].start <= line_at), None)
    if first is None or ctx.segs[first].start != line_at or not _search_ci(CHILD_LINE_OPENING, texts[first]):
        return text
    return "[BARN] " + text


def _earlier_contact(s: Segment, text: str) -> bool:
    """The segment tells of what was before: under a heading for it (`PAST_SECTION`) or naming an earlier meeting
    or plan (`EARLIER_MEETING`); a part taken there is no part in this plan (GUIDELINES 4)."""
    return bool(PAST_SECTION.search(s.section) or _search_ci(EARLIER_MEETING, text))


def _absent_with_reason(ctx: Context, texts: list[str], i: int) -> bool:
    """The child did not take part and the reason follows (`ABSENT_REASON`), the child named before it in the
    sentence or opening the sentence before on the same line."""
    m = _has_cue(texts[i], NEGATION_CUES) and _search_ci(ABSENT_REASON, texts[i])
    if not m:
        return False
    if re.search(PARTICIPANT_CHILD, texts[i][:m.end()], re.I):
        return True  # before the reason or opening it ("att [BARN] inte skulle delta, eftersom")
    prev = ctx.segs[i - 1] if i else None
    return bool(ABSENT_FIRST.match(texts[i]) and prev is not None and "\n" not in ctx.text[prev.end:ctx.segs[i].start]
                and CHILD_FIRST.match(texts[i - 1]))


# "Delaktighet" as one value among others ("trygghet, delaktighet och inflytande som ledstjärnor", "förutsättningar
# för lärande, delaktighet och gemenskap"): a value word of the adults' vision, not the child's participation.
ABSTRACT_NOUN = r"\w+(?:het|skap|ande|else|tro)"
VALUE_DELAKTIGHET = folded_re(rf"\b{ABSTRACT_NOUN}\s*(?:,|och|samt)\s*delaktighet\b|"
                              rf"\bdelaktighet\s*(?:,|och|samt)\s*{ABSTRACT_NOUN}\b", re.I)


def _printed_question(text: str) -> bool:
    """A segment that is only a question, as a form prints it (`QUESTION_LINE`)."""
    return bool(QUESTION_LINE.search(text))


def _child_delaktig(text: str) -> bool:
    """A vague mention of the child's participation (`PARTICIPATION_VAGUE`) that is not said of an adult, nor a
    value word in a list of values (`VALUE_DELAKTIGHET`)."""
    values = [(m.start(), m.end()) for m in _finditer_lowered(VALUE_DELAKTIGHET, text)]
    return any(not _search_ci(ADULT_PARTICIPANT, text[:m.start()]) and not _in_spans_of(values, m.start())
               for m in _finditer_lowered(PARTICIPATION_VAGUE, text))


def _in_participation_section(s: Segment, text: str) -> bool:
    """A sentence with content under a heading on the child's participation ("Ungdomens delaktighet: UH har
    deltagit"), not an empty or negated field ("Barnets delaktighet: –", "ej aktuellt")."""
    field = FIELD.match(text)
    value = field[2] if field else text
    return bool(PARTICIPATION_SECTION.search(s.section)) and not EMPTY_CELL.match(value) \
        and not AS_BEFORE_ONLY.match(value) and not NEGATED.search(text)


# A pronoun opening the taking part ("han deltog", "hon var med").
PRONOUN_FIRST = re.compile(r"(?:han|hon|hen)\b", re.I)
# The child named by a noun or placeholder (not a pronoun).
CHILD_NOUN = folded_re(rf"(?<!\w){_PARTICIPANT}(?!\w)", re.I)


def _takes_part(text: str) -> bool:
    """A sentence that says the child took part (or not), leaving out taking part in something other than the
    meeting ("deltar i de gemensamma aktiviteterna på kvällarna") and a pronoun whose only person before it in the
    sentence is a guardian ("Uppkopplingen till pappa bröts, han deltog i halva mötet": the father took part)."""
    low = lower_case_text(text)
    if low is None:
        m = PARTICIPATION.search(PARTICIPATION_ELSEWHERE.sub(" ", text))
    else:
        elsewhere_blanked = lower_case_variant(PARTICIPATION_ELSEWHERE).sub(" ", low)
        m = lower_case_variant(PARTICIPATION).search(elsewhere_blanked)
    if m and PRONOUN_FIRST.match(text, m.start()):
        before = text[:m.start()]
        return not (GUARDIAN_WORD.search(before) and not _search_ci(CHILD_NOUN, before))
    return bool(m)


# A line of form checkboxes and nothing else ("[x] Barnet deltog", "[ ] Barnet deltog    [x] Vårdnadshavare deltog").
# (also a plain-text export's "X" before the option: "X Barnet har deltagit", GUIDELINES 4, block 83)
BOX_LINE = re.compile(r"^\s*(?:(?:\[[\sxX✓✔*]\]|[☐□☒☑■]|X(?=[ \t]+\w))[^\[☐□☒☑■]*)+$")


def _checkbox_participation(ctx: Context, texts: list[str]) -> list[Segment]:
    """The segments that are only form checkboxes, blanked in `texts`: a ticked box that the child took part is
    a bare listing (GUIDELINES 4: only listed as present, partial); an empty box says nothing (returned: the
    ticked ones)."""
    ticked = []
    for i, s in enumerate(ctx.segs):
        if BOX_LINE.match(texts[i]):
            # also a ticked bare "Barnet har deltagit" / "Barnet har varit delaktigt" (GUIDELINES 4, block 83: "en
            # kryssad 'Barnet har deltagit i mötet' utan mer är som att barnet bara listas som närvarande")
            option = UNCHECKED_BOX.sub(" ", texts[i])
            # (a closing checklist's "☑ Barnet delaktigt" is a claim about the plan, not a record: GUIDELINES 4)
            if _takes_part(option) or _child_delaktig(option) and not _checklist_claim(s):
                ticked.append(s)
            texts[i] = ""
    return ticked


# The child itself answered the questions of a participation tool (an app, a form) that the plan was prepared with
# ("[BARN] svarade själv på plattan", "[BARN] pratade in svaren själv, appen skrev", "Ungdomen har själv fyllt i
# frågorna"): GUIDELINES 4 (block 75) makes what the child itself answered in the tool its voice, and 4.1 makes
# preparing the plan with the child participation (met); not an answer an adult gave or pre-filled.
CHILD_ANSWERED_TOOL = folded_re(
    rf"{PARTICIPANT_CHILD}\s+(?:har\s+|hade\s+)?(?:själv\s+)?(?:svarade|svarat|pratade in|pratat in|fyllde i|fyllt i|"
    r"skrev in|skrivit in)\s+(?:(?:på\s+)?(?:alla\s+)?(?:svaren|frågorna|enkäten|formuläret)\s+|"
    r"(?:(?!\batt\b)[^.;:\n]){0,30}?)själv\b|"
    rf"{PARTICIPANT_CHILD}\s+(?:har\s+|hade\s+)?själv\s+(?:svarade|svarat|pratade in|pratat in|fyllde i|fyllt i|"
    r"skrev in|skrivit in)\b", re.I)
# A template's standard text on the child's rights ("Den enskilde ska vara delaktig så långt det är möjligt", "Du har
# rätt att vara med och tycka till"): it says nothing about this child's part in this plan (GUIDELINES 4, block 52:
# "allmän informationstext visar ingenting om just den här planen").
PARTICIPATION_NORM = folded_re(r"\bhar\s+rätt\s+(?:att|till)\s+(?:\w+\s+){0,3}?(?:delta\w*|vara med|delaktig\w*|"
                               r"tycka till|komma till tals|bli hörd|säga sin)|"
                               r"\b(?:ska|skall|bör)\s+(?:\w+\s+)?(?:vara|göras)\s+delaktig\w*\s+(?:så långt|i den mån)",
                               re.I)


# The patterns of how the child took part or why not (GUIDELINES 3 child_participation, met), each with the
# lower-cased pieces one of which every match holds (`_has_cue`): a segment with none of them is not searched.
SPECIFIC_PARTICIPATION: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (TOO_YOUNG_ABSENT, NEGATION_CUES),
    (MEETING_ADAPTED, ("möte", "mote")),
    (ABSENT_TOO, ("vara med", "delta", "rvara", "komma")),
    (PLAN_EXPLAINED, ("igenom", "plan", "sip")),
    (PICTURE_SUPPORT, ("bild",)),
    (CHOSE_NOT_TO, ("valde",)),
    (CHILD_AT_MEETING, ("mötet", "motet")),
    (CHILD_WROTE_PLAN, ("plan", "sip", "bestämde", "bestamde", "ifyll", "skrive", "svara")),
)


def child_participation(ctx: Context) -> CriterionResult:
    texts = _participation_texts(ctx)
    ticked = _checkbox_participation(ctx, texts)
    specific = [s for i, s in enumerate(ctx.segs) if _prepared(s, _with_line_child(ctx, texts, i))
                or _absent_with_reason(ctx, texts, i)
                or any(_has_cue(texts[i], cues) and _search_ci(rx, texts[i]) for rx, cues in SPECIFIC_PARTICIPATION)
                or "skriv" in s.text and _search_ci(CHILD_SCRIBE, s.text) and _child_scribe(ctx)
                or ("själv" in texts[i] or "sjalv" in texts[i]) and _search_ci(CHILD_ANSWERED_TOOL, texts[i])
                or _takes_part(texts[i]) and not _bare_attendance(ctx, texts, i)
                and not _search_ci(ABSENT_AND_NOT_ASKED, texts[i])  # GUIDELINES 4 (block 78): what was not done
                and (PARTICIPATION_CONTEXT.search(_with_next_sentence(ctx, texts, i))
                     or PARTICIPATION_CONTEXT.search(s.section)
                     or PARTICIPANT_LIST.match(texts[i]) or PARTICIPANT_LIST.search(s.section))]
    # a goal that the child take part in something ("[BARN] deltar i minst tre av fyra idrottslektioner") is what the
    # child is to do, not how the child took part in the plan (GUIDELINES 3 child_participation)
    goal_spans = [(g.start, g.end) for g in ctx.goals]
    specific = [s for s in specific if not _earlier_contact(s, s.text) and not _in_spans_of(goal_spans, s.start)]
    vague = [s for s, text in zip(ctx.segs, texts) if (_child_delaktig(text) or _in_participation_section(s, text)
                                                       or _has_cue(text, NEGATION_CUES)
                                                       and _search_ci(ABSENT_NO_REASON, text))
             and not PARTICIPATION_WISHED.search(text) and not s.is_heading and not BARE_LABEL.match(text)
             and not _empty_field_value(text)
             and not _search_ci(PARTICIPATION_NORM, text)
             and not _search_ci(PARTICIPATION_TITLE, text)
             and not _printed_question(text) and not _field_refers_back(text)]
    stretch, listed = _listed_children(ctx, texts)
    spoke = [s for s in ctx.segs if (_turn_of(ctx, s) or ("", 0))[0] == "child"]  # "[BARN]: Jag vill ..." in minutes
    specific += [s for s in stretch + spoke if s not in specific]
    listed += [s for s in ticked if s not in listed]
    listed += [s for i, s in enumerate(ctx.segs) if _bare_attendance(ctx, texts, i) and s not in listed
               and not NEGATED.search(texts[i])]
    ctx.signals.update(participation_specific=len(specific), participation_vague=len(vague) + len(listed))
    if specific:
        return _result("child_participation", "met", 0.6, [_ev(s, "PARTICIPATION") for s in specific],
                       "Det framgår hur barnet deltagit (eller varför inte).")
    if vague or listed:
        return _result("child_participation", "partial", 0.55, [_ev(s, "PARTICIPATION") for s in vague + listed],
                       "Barnets delaktighet nämns utan innehåll, eller barnet står bara med i deltagarlistan.")
    return _result("child_participation", "not_met", 0.6, [], "Letade efter hur barnet deltagit (var med på "
                                                                "mötet, förbereddes, eller skäl till att inte delta) "
                                                                "men hittade inget.")


# --- child_goals: whose everyday life a goal is framed from (GUIDELINES 3 "Barncentrering", 4 and 4.1) ---
# The label before a goal's words ("Delmål 2:", "3.1", "- ", "Mitt mål:", "Målet är att").
GOAL_LEAD = re.compile(rf"^\s*(?:[\w ]{{0,25}}?(?:mål|\bmal)\w*\s*\d*\s*{LABEL_NOTE}[:.]\s*|specifik[ta]?\s*:\s*|m[åa]let [äa]r\s*(?=att)|det här vill jag\s*:\s*|"
                       rf"\d+(?:\.\d+)*[.):]?\s+|[a-z][.)]\s+|[-–•*]\s*|{SYMBOL_BULLET})+", re.I)
# Someone's wish that carries the goal ("Jag vill att ...", "Mamma vill att ...", a teenager's "jag vill typ klara
# matten"): the goal is what follows.
GOAL_WISH = re.compile(r"^\S+\s+(?:vill|önskar|hoppas)\s+(?:inte\s+)?(?:att\s+)?(?:(?:typ|liksom|asså|ba)\s+)?", re.I)
# A goal that opens with a clause of time or condition, the subject after "ska" ("När [BARN] blir ledsen på
# lektionerna ska hen gå till den trygga vuxna", "Om det blir bråk på rasten ska [BARN] kunna ..."): the subject
# decides whose goal it is.
CLAUSE_FIRST_GOAL = re.compile(r"^(?:när|om|då|efter att|innan|varje gång)\s[^.;]{0,120}?,?\s(?:ska|skall|kan)\s+"
                               r"(?P<subject>\S+)", re.I)
# The child as the goal's subject ("[BARN] ska ...", "Att jag ...", "[BARN]s vikt ...", "Min viktkurva ...").
CHILD_GOAL_SUBJECT = re.compile(rf"^(?:att\s+)?(?:{GOAL_CHILD}|\[BARN\]:?s|mitt|min|mina|ditt|din|dina)(?!\w)", re.I)
# A goal that opens with the child's own doing, the subject left out ("Att kunna gå till skolan", "Tränar på gym
# två gånger i veckan", "Trivs på praktiken").
CHILD_GOAL_VERB = re.compile(
    r"^(?:att\s+)?(?:inte\s+)?(?:kunna|känna|må|gå|vara|ha|klara|sova|äta|våga|hitta|få|bli|orka|komma|delta|träffa|"
    r"leka|somna|börja|slippa|kan|klarar|går|tar|tränar|trivs|sover|äter|somnar|deltar|mår|känner|vågar|orkar|läser|"
    r"leker|börjar|slutar|fortsätter|använder|lämnar|kommer)\b", re.I)
# A goal about the child's everyday life named as a noun ("Skolnärvaro minst 4 dagar/v", "Inga rymningar under
# hösten", "Högst ett utbrott varannan vecka").
CHILD_LIFE_GOAL = re.compile(
    r"^(?:(?:inga|ingen|högst|minst|färre|fler|mer|mindre|antalet|ökad|minskad|bättre|regelbunden)\s+)*(?:\w+\s+)?"
    r"(?:närvaro\w*|frånvaro\w*|skolnärvaro\w*|utbrott\w*|rymning\w*|konflikt\w*|vikt\w*|sömn\w*|betyg\w*|"
    r"kränkning\w*|självskad\w*|ångest\w*|skolgång\w*|läxor\w*|fritid\w*|mående\w*|kamrat\w*|vänner|blodsocker\w*)\b",
    re.I)
# Someone or something other than the child as the goal's subject: guardians, family, staff, services, and the
# cooperation, contacts and routines around the child ("Föräldrarna ska känna sig tryggare", "Bättre samarbete").
NOT_CHILD_SUBJECT = re.compile(
    r"^(?:att\s+)?(?:(?:båda|bägge|all|alla|de|den|det|samtliga|ordinarie|bättre|ett|en|god|gott|tätare|tydlig\w*|"
    r"gemensam\w*|fungerande)\s+)*(?:vårdnadshavar\w*|föräldr\w*|mamma\w*|pappa\w*|familj\w*|syskon\w*|\[VH\d?\]|"
    r"hemmet|vuxna|personal\w*|lärar\w*|pedagog\w*|skolan|förskolan|fsk|försk\.?|fritids|samarbete\w*|samverkan\w*|kontakt\w*|"
    r"information\w*|rutin\w*|utredning\w*|undervisning\w*|lärmiljö\w*|bemötande\w*|besök\w*|övergång\w*|nätverk\w*|verksamhet\w*|insats\w*|planen|planer\w*|"
    r"stöd\w*|umgänge\w*|stämning\w*|det finns|finns|ni|vh\d?|(?:en|någon|båda) av er|"
    # the meeting's participants ("Samtliga i nätverket ska ha fått kontaktlistan", "Alla som var med ska ha fått
    # sammanfattningen"): the team's own process, GUIDELINES 3 child_goals ("vad verksamheterna ska göra")
    r"(?:alla|samtliga)(?=\s+(?:som\s+(?:var|deltog|är|medverkade)|i\s+nätverket|på\s+mötet|närvarande|deltagare|"
    r"berörda|inblandade|aktörer|parter))|deltagar\w*|närvarande|berörda|inblandade)(?!\w)", re.I)  # also after "[VH1]"
# The s-passive of what services do ("Hämtlistan uppdateras", "Lunchen anpassas", "Kontakt med BUP etableras").
_SERVICE_PASSIVE = (r"(?:\w*(?:eras|ordnas|säkras|säkerställs|upprätthålls|anpassas|etableras|samordnas)|sätts upp|utförs|genomförs|görs|"
                    r"tas fram|tillsätts|beviljas|bokas|erbjuds|fattas|skickas|startas|påbörjas|följs upp|upprättas|ses över|begärs|inhämtas)")
_DEADLINE = r"\b(?:senast|före|innan|till)\b"
# No deadline in the 30 characters after ("... genomförs senast v. 12", "... ska upprättas till jullovet" have one).
_NO_DEADLINE_AFTER = r"(?![^.]{0,30}\b(?:senast|före|innan|till\s+(?:och\s+med\s+)?(?:v\.|vecka|den\b|\d|jul|sommar|påsk|\w*lovet)))"
# Said in the present with no deadline, such a line is an intervention listed among the goals.
PASSIVE_ACTIVITY = re.compile(rf"^[^,.]{{0,40}}?\b{_SERVICE_PASSIVE}\b(?![^.]{{0,30}}{_DEADLINE})", re.I)
# A goal line that says in the present s-passive, without a modal or a deadline, what the services do ("En
# kartläggning av [BARN]s behov genomförs.", "Medicinsk behandling utreds och påbörjas vid behov.", "Veckobrev
# skickas till hemmet"): official passive Swedish for an activity among the goals (GUIDELINES 4.1); the child as
# subject ("[BARN] erbjuds ...") is left to the child's reading, a deadline makes it a state to reach.
SERVICE_PASSIVE_GOAL = re.compile(
    rf"^(?!(?:att\s+)?{GOAL_CHILD})(?:(?!\b(?:ska|skall|kommer|kan|bör|måste|behöver)\b)[^,.;:]){{0,80}}?"
    rf"\b(?:{_SERVICE_PASSIVE}|utreds|prövas|tillhandahålls|anordnas|införs|dokumenteras|lämnas|ges)\b"
    + _NO_DEADLINE_AFTER,
    re.I)
# The same with a modal and the passive infinitive of a doing verb, no deadline ("Urinprovtagning ska genomföras.",
# "Kontakt med fritids ska upprättas", "Erforderliga anpassningar ska vidtas"): what the services will do, an
# activity among the goals (GUIDELINES 4.1; 4, block 72: a passive without an agent in official Swedish). A state
# ("[BARN]s hälsa ska säkras") or a deadline ("... ska genomföras senast v. 12") makes it a state to reach.
MODAL_SERVICE_PASSIVE = re.compile(
    rf"^(?!(?:att\s+)?{GOAL_CHILD})[^,.;:]{{0,60}}?\b(?:ska|skall|bör|kommer att)\s+(?:(?:också|även|snarast|fortsatt)\s+)?"
    r"(?:genomföras|utföras|göras|inledas|påbörjas|startas|inhämtas|tas fram|upprättas|bokas|skickas|anordnas|"
    r"vidtas|utredas|tillhandahållas)\b"
    + _NO_DEADLINE_AFTER,
    re.I)
# A state that an arrangement should reach ("Ansökan ska vara inskickad", "Skyddade personuppgifter beviljade före
# 1 november", "Sondmatningen ska fungera", "[BARN]s hälsa ska säkras"): GUIDELINES 4.1, not the child's goal.
ARRANGEMENT_STATE = re.compile(
    rf"\b(?:(?:ska|skall|måste|behöver) (?:\w+ )?{_SERVICE_PASSIVE}|(?:ska|skall) (?:fungera|finnas)|"
    r"(?:är|vara|blir|ha) (?:på plats|klar\w*|\w+(?:ad|at|ade)|\w*(?:gjor|ställ|för|skick|tag|lös|läng)(?:d|t|da|en|et))\b|"
    r"\w+(?:ad|at|ade|ts|erad|förd|fört|förda)e? (?:senast|före|innan)|beviljade?)\b"
    rf"|\b{_SERVICE_PASSIVE}\b[^.]{{0,30}}{_DEADLINE}", re.I)
# The child as the receiver of what follows ("[BARN] ska få en ...", "Att [BARN] får ..."): with an intervention
# named as a noun (GOAL_AS_INTERVENTION) the goal is the service's.
CHILD_RECEIVES = re.compile(rf"^(?:att\s+)?{GOAL_CHILD}\s+(?:ska\s+|skall\s+)?(?:få|får)\s+(?:en\s+|ett\s+)?"
                            r"(?!tid\s+(?:över|till|för)\b)", re.I)  # "får tid över till något eget" is the child's
# The child as the receiver in the passive ("Att [BARN] ges bästa möjliga förutsättningar att ...", "[BARN] ska
# erbjudas ..."): the goal says what the services give, not what changes for the child.
CHILD_GIVEN = re.compile(rf"^(?:att\s+)?{GOAL_CHILD}\s+(?:ska\s+|skall\s+)?(?:ges|erbjuds|erbjudas|tilldelas|beviljas)\b",
                         re.I)
# A goal that the child keeps to a treatment or attends an intervention ("Följer måltidsschemat", "God
# följsamhet till behandlingen", "går på minst 5 av 6 samtal hos BUP", "tar medicinen enligt ordination"): it says
# what the service wants of the child, not what changes in the child's everyday life (GUIDELINES 3 child_goals).
INTERVENTION_COMPLIANCE = folded_re(
    r"\b(?:följ(?:er|a)|följsamhet\w*(?:\s+(?:till|med))?)\s+(?:sin\s+|sitt\s+)?(?:\w+\s+)?(?:måltidsschema\w*|"
    r"kostschema\w*|behandling\w*|ordination\w*|medicinering\w*|behandlingsplan\w*)"
    r"|\b(?:går|gå|kommer|komma|deltar|delta)\s+(?:på|till|i|vid)\s+(?:minst\s+)?(?:\S+\s+){0,4}?"
    r"(?:samtal(?:en)?|behandling\w*|terapi\w*|sessioner\w*|besöken|behandlingsträffar\w*)\b", re.I)
# met needs at least this share of the goals (activities aside) framed from the child's life: "de flesta".
CHILD_GOALS_MET_SHARE = 0.8
# Below this share the goals describe what the services will do or reach: not_met.
CHILD_GOALS_MIN_SHARE = 0.3


# A measure of the child's that shall have changed ("[BARN]s vikt ska ha ökat till minst 40 kg", "... ska ha minskat till
# högst två per vecka"): the supine of an intransitive change is the child's own change, not an arrangement's state
# (GUIDELINES 3 child_goals: what is to be different for the child).
MEASURE_CHANGE = re.compile(r"\b(?:ska|skall)\s+(?:ha\s+)?(?:ökat|minskat|halverats|sjunkit|stigit|förbättrats|"
                            r"stabiliserats|normaliserats|öka|minska|sjunka|stiga)\b", re.I)
# A count or share as the subject of such a change ("Antalet tillfällen ...", "Frånvaron ..."): the child's measure.
COUNT_SUBJECT = re.compile(r"^(?:att\s+)?(?:antalet|andelen|frånvaron|närvaron)\b", re.I)


def goal_frame(ctx: Context, s: Segment) -> str:
    """Whose life a goal is framed from: "child" (what the child will do, manage or feel), "other" (what a
    service, a guardian or an arrangement should do or reach), "activity" (an intervention listed among the
    goals, in the present) or "unclear" (neither, e.g. someone else's wish or a bare heading). `s` is one of
    `ctx.goals`."""
    kind = goal_kinds(ctx)[s]
    body = GOAL_INTRO.sub("", GOAL_LEAD.sub("", s.text, count=1).strip(), count=1)
    body = _single_spaced(body)  # one space between words, as a browser shows it (`_single_spaced`)
    unlabelled = GOAL_LABEL.sub("", body, count=1)
    if unlabelled != body and re.match(rf"(?:att\s+)?{GOAL_CHILD}", unlabelled, re.I):
        body = unlabelled  # a life area before the child's goal ("Sömn: [BARN] vaknar ...", "Skola: [BARN] ska ...")
    if _subjectless_intervention(body):
        return "other"  # "Få en bedömning av BUP": what a service gives, as "[BARN] ska få en bedömning" (CHILD_RECEIVES)
    if kind == "activity":  # "BUP ska utreda" is framed as a goal; "BUP utreder" is an intervention
        return "other" if re.search(r"\b(?:ska|skall)\b", body, re.I) else "activity"
    if kind == "agency":
        return "other"
    wish = GOAL_WISH.match(body)
    if wish:
        if not re.match(GOAL_CHILD, body, re.I):
            return "unclear"  # a guardian's wish in the text, not a goal of the plan
        body = body[wish.end():]
    clause_first = CLAUSE_FIRST_GOAL.match(body)
    if clause_first:
        body = body[clause_first.start("subject"):]  # "När [BARN] blir arg ska hen gå till ...": "hen gå till ..."
    if _search_ci(INTERVENTION_COMPLIANCE, body):
        return "other"  # "Följer måltidsschemat 6 av 7 dagar", "går på minst 5 av 6 samtal hos BUP"
    if CHILD_GIVEN.match(body):
        return "other"  # "Att [BARN] ges bästa möjliga förutsättningar ...": what the services give
    receives = CHILD_RECEIVES.match(body)
    if receives and GOAL_AS_INTERVENTION.match(body[receives.end():]):
        return "other"  # "[BARN] ska få en bedömning på BUP": what a service gives, not what changes for the child
    if COUNT_SUBJECT.match(body) and MEASURE_CHANGE.search(body):
        return "child"  # "Antalet registrerade tillfällen ska ha minskat till högst två per vecka"
    if CHILD_GOAL_SUBJECT.match(body) or CHILD_GOAL_VERB.match(body):
        passive_for_child = re.match(r"\[BARN\]:?s\b", body, re.I) and ARRANGEMENT_STATE.search(body) \
            and not MEASURE_CHANGE.search(body)
        return "other" if passive_for_child else "child"
    if PASSIVE_ACTIVITY.match(body):
        return "activity"
    if NOT_CHILD_SUBJECT.match(body) or _agency_subject(ctx, s, _suffix_at(s.text, body)) \
            or ARRANGEMENT_STATE.search(body):
        return "other"
    return "child" if CHILD_LIFE_GOAL.match(body) else "unclear"


def child_goals(ctx: Context) -> CriterionResult:
    goals = ctx.goals
    if not goals or goals_present(ctx).verdict == "not_met":
        return _result("child_goals", "not_met", 0.7, [_ev(s, "GOAL") for s in goals],
                       "Letade efter mål om vad som ska bli annorlunda för barnet men hittade inga mål (bara "
                       "aktiviteter eller inget alls).")
    frames = {s: goal_frame(ctx, s) for s in goals}
    child = [s for s in goals if frames[s] == "child"]
    other = [s for s in goals if frames[s] == "other"]
    activities = [s for s in goals if frames[s] == "activity"]
    ctx.signals.update(goals_child=len(child), goals_agency=len(other))
    share = len(child) / (len(child) + len(other)) if child else 0.0
    if not child or share < CHILD_GOALS_MIN_SHARE:
        return _result("child_goals", "not_met", 0.65, [_ev(s, "GOAL") for s in other + activities + child],
                       "Letade efter mål om vad barnet ska kunna, göra eller känna i vardagen men målen beskriver "
                       "vad verksamheterna eller de vuxna ska göra eller nå.")
    if share >= CHILD_GOALS_MET_SHARE and len(activities) < len(child):
        return _result("child_goals", "met", 0.65, [_ev(s, "GOAL") for s in child],
                       "Målen beskriver vad som ska bli annorlunda för barnet i vardagen.")
    return _result("child_goals", "partial", 0.55, [_ev(s, "GOAL") for s in other + activities + child],
                   f"{len(child)} mål utgår från barnets vardag, men {len(other) + len(activities)} beskriver vad "
                   "verksamheterna eller de vuxna ska göra eller nå.")


def _strip_label(text: str) -> str:
    return re.sub(rf"^\s*(?:\d+(?:\.\d+)*[.)]?\s+|\d+[.)]\s*|[-•*]\s*|(?:\w*mål|mal)\s*\d*\s*{LABEL_NOTE}[:.]\s*)", "",
                  text, flags=re.I)  # "1.", "5.1", "- ", "Delmål 2:", "Mål 1 (skolan):"


@dataclass
class _ConsentStatement:
    seg: Segment
    givers: set[str]  # "all", "child", "mother", "father", "one"


def _checked(text: str) -> str:
    """The text with the labels of empty form checkboxes removed ("Samtycke: [x] Ja [ ] Nej" -> "Samtycke: Ja")."""
    if not (CHECKBOX.search(text) or UNCHECKED_BOX.search(text)):
        return text
    return CHECKBOX.sub("", UNCHECKED_BOX.sub("", text))


# A closing checklist the coordinator ticks ("Kontroll innan planen skickas", "Checklista", "Innan utskick:").
CHECKLIST_HEADING = folded_re(r"\b(?:kontroll\w*|checklist\w*|check-list\w*|innan utskick|före utskick|"
                              r"kvalitetssäkring\w*)\b", re.I)
# What a checklist item claims of the plan itself ("Uppföljningsdatum satt", "Barnets röst finns med", "Ansvar för
# varje insats angivet", "Vh delaktiga", "Samordningsansvarig utsedd").
CHECKLIST_CLAIM_WORD = folded_re(r"\b(?:finns med|satt|angiv\w*|utsedd|formulerade|delaktiga)\b", re.I)
# A checklist item answered in a word at the end of its line ("Vårdnadshavarnas syn finns med – Ja").
CHECKLIST_ANSWER = re.compile(r"\s*[–—:-]\s*(?:ja|nej|ok)\s*$", re.I)
ANY_BOX = re.compile(r"\[[\sxX✓✔*_]\]|[☐□☒☑■]")
CHECKLIST_ITEM_WORDS = 6  # an item longer than this, or with a number in it, records something


def _checklist_claim(s: Segment) -> bool:
    """A line of a closing checklist that only claims something of the plan ("☑ Vh delaktiga", "[x] Vårdnadshavarnas
    synpunkter finns med", "Barnets röst finns med – Ja"): a tick is a claim, not content (GUIDELINES 4); an item
    that is itself a record ("[x] Samtycke inhämtat fr båda vh, nytt skriftligt samtycke 4/3") is not only a claim."""
    text = s.text.strip()
    if not (BOX_LINE.match(text) or CHECKLIST_ANSWER.search(text)):
        return False
    if not (CHECKLIST_HEADING.search(s.section) or _search_ci(CHECKLIST_CLAIM_WORD, text)):
        return False
    items = ANY_BOX.split(CHECKLIST_ANSWER.sub("", text))
    return all(len(item.split()) <= CHECKLIST_ITEM_WORDS and not re.search(r"\d", item) for item in items)


# A consent field's label, also with what the consent is to ("Samtycke till informationsutbyte:", "Samtycke till
# SIP och informationsutbyte |"): with no value after it the field is empty.
CONSENT_LABEL = re.compile(r"[\W\d]*(?:punkt|del|avsnitt)?[\W\d]*(?:information och |om )?(?:samtycke\w*|medgivande\w*)"
                           r"(?:\s+(?:till|för|om)\s+[\w/-]+(?:\s+(?:och|o|&)\s+[\w/-]+)?)?"
                           r"(?:(?:\s+(?:lämnat|givet|inhämtat))?\s+(?:av|från))?[\W\d]*", re.I)
# A paper form's blank to fill in, with the next field's label after it ("......... Datum:", "________ Underskrift").
FORM_BLANK = re.compile(r"[._…]{3,}(?:\s*(?:datum|underskrift|namnförtydligande|ort och datum|sign\w*)\b)?", re.I)


def _field_value(text: str) -> str:
    """What a "Samtycke: ..." field or table row says besides its label."""
    cells = [c.strip() for c in re.split(r"[|:]", FORM_BLANK.sub("", followup.SLIDE_NUMBER.sub("", text)))
             if c.strip()]
    rest = [c for c in cells if not CONSENT_LABEL.fullmatch(c)]
    return " ".join(c for c in rest if not EMPTY_CELL.match(c) and not DRAFT_PLACEHOLDER.match(c))


def _before_object(part: str) -> str:
    obj = CONSENT_OBJECT.search(part)
    return part[:obj.start()] if obj else part


def _consent_givers(text: str) -> set[str]:
    """Who the statement says consented: in each field or parenthesis the words before the object of consent
    ("till SIP ..."), and the words after "från"/"av"."""
    clauses = CONSENT_CLAUSE.split(text)
    while len(clauses) > 1 and not CONSENT.search(clauses[0]):
        clauses.pop(0)  # "Föräldrarna är informerade och samtycke finns": the guardians did not consent here
    text = " ".join(clauses)
    zone = " ".join(_before_object(part) for part in re.split(r"[|:(]", text))
    zone += " " + " ".join(m.group(1) for m in CONSENT_FROM.finditer(text))
    givers = set()
    if _search_ci(CONSENT_BY_ALL, zone):
        givers.add("all")
    if CONSENT_BY_CHILD.search(zone):
        givers.add("child")
    if MOTHER.search(zone):
        givers.add("mother")
    if FATHER.search(zone):
        givers.add("father")
    if SINGLE_GUARDIAN.search(zone):
        givers.add("one")
    return givers


def consent_statements(ctx: Context) -> tuple[list[_ConsentStatement], list[Segment]]:
    """The plan's consent statements, computed once per context (read-only): see `_find_consent_statements`."""
    return _cached(ctx, "consent_statements", _find_consent_statements)


# Where a dictated sentence ends, as speech recognition writes it out ("samtycke finns punkt", "nytt stycke").
DICTATED_STOP = folded_re(r"\s(?:punkt|nytt\s+stycke|ny\s+rad)\b", re.I)


def _dictated_consent(text: str) -> str:
    """In a dictated segment (its sentences run on, ended by "punkt"), only the sentences about consent, so that
    people named in the others are not taken for those who consented; other text unchanged."""
    if not DICTATED_STOP.search(text):
        return text
    parts = [p for p in DICTATED_STOP.split(text) if CONSENT.search(p) or _search_ci(CONSENT_ACT, p)]
    return ". ".join(parts) if parts else text


def _heading_states_consent(text: str, label_open: bool) -> bool:
    """A short line taken for a heading that says consent's state, as slides write it: "Samtycke finns", or
    "Inhämtas" under a "Samtycke" title."""
    rest = CONSENT.sub("", text, count=1) if CONSENT.match(text.strip()) else text if label_open else ""
    return bool(rest.strip() and (CONSENT_VALUE.match(rest) or CONSENT_PENDING.search(rest)))


def _find_consent_statements(ctx: Context) -> tuple[list[_ConsentStatement], list[Segment]]:
    """The plan's statements that consent was given (with who gave it), and those where it is only pending or
    uncertain."""
    given: list[_ConsentStatement] = []
    pending: list[Segment] = []
    label_open = False  # the segment before was a bare consent label: "7. Samtycke", "Samtycke:"
    previous_guardians = False  # the segment before names both guardians or the guardians as a group, or "de"
    for s in ctx.segs:
        if _is_instruction(ctx, s):
            continue  # the form's instruction or its general information page ("... krävs samtycke"): not the plan's
        text = _dictated_consent(_checked(s.text))
        stated = s.is_heading and _heading_states_consent(text, label_open)
        them_named, previous_guardians = previous_guardians, bool(
            _search_ci(CONSENT_BY_ALL, s.text) or MOTHER.search(s.text) and FATHER.search(s.text)
            or previous_guardians and CONSENT_BY_THEM.match(s.text))  # "De säger ..." goes on about them
        if label_open and (not s.is_heading or stated) and not FIELD.match(text) and (
                CONSENT_VALUE.match(text) or _search_ci(CONSENT_ACT, text) or CONSENT_PENDING.search(text)):
            text = "Samtycke: " + text  # the label's value on the next line: "7. Samtycke" / "Inhämtat."
        label_open = False
        question = bool(FORM_QUESTION.match(text))
        if s.is_heading and not stated or _search_ci(NO_CONSENT, text) or question:
            label_open = (s.is_heading or question) and bool(CONSENT.search(text))
            continue  # a heading, a refusal, or a form's question ("Har vårdnadshavarna gett sitt samtycke?")
        text = CONSENT_TO_CARE.sub(" ", CONSENT_INCIDENTAL.sub(" ", CONSENT_GENERAL.sub(" ", text)))
        if CHECKLIST_CLAIM.fullmatch(s.text) and _bare_consent_tick(ctx, s) and CONSENT_EMPTY_FIELD.search(ctx.text):
            continue  # "☑ Samtycke inhämtat" beside an empty "Samtycke:" field: a claim, no consent (GUIDELINES 4)
        in_field = CONSENT.search(text)
        in_words = _search_ci(CONSENT_ACT, text) and (CONSENT.search(s.section) or CONSENT_SCOPE.search(text))
        if not (in_field or in_words or CONSENT_YES.search(text)):
            continue
        if in_field and not _field_value(text):
            label_open = True
            continue  # an empty field: "Samtycke:", "Samtycke: –", "6. Samtycke"
        if in_field and CONSENT_FIELD_OTHER.fullmatch(_field_value(text)):
            continue  # "Samtycke: uppf i maj", "Samtycke: 2024-05-02", "Samtycke: se ovan": no consent (GUIDELINES 4)
        if CONSENT_PENDING.search(text) or CONSENT_HEDGE.search(text):
            pending.append(s)
        else:
            givers = _consent_givers(text)
            whole = _with_continuation(ctx, s) if not givers else s
            if whole is not s:  # wrapped onto the next line: "... mellan BUP, skolan\noch elevhälsan lämnat av båda vh"
                givers = _consent_givers(_checked(whole.text))
            if not givers and CONSENT_BY_THEM.match(text) and them_named:
                givers = {"all"}
            if not givers:
                givers = _consent_givers_after(ctx, s)
            given.append(_ConsentStatement(s, givers))
    return given, pending


# A consent field left empty, with nothing on its line or the next ("Samtycke: " then a blank line, "Samtycke: –"),
# also with what the consent is to, as CONSENT_LABEL reads it ("Samtycke till samverkan: ").
CONSENT_EMPTY_FIELD = re.compile(r"^[ \t]*samtycke\w*(?:[ \t]+(?:till|för|om)[ \t]+[\w/-]+"
                                 r"(?:[ \t]+(?:och|o|&)[ \t]+[\w/-]+)?)?[ \t]*:[ \t–—-]*(?:\n[ \t]*(?:\n|\Z)|\Z)",
                                 re.I | re.M)


# A consent field's value that is something other than a consent: a follow-up note ("uppf i maj", "följs upp v. 20"),
# a date alone ("2024-05-02", "12/3"), or a pointer within the plan ("se ovan", "se nedan"; a consent stated there counts
# on its own). GUIDELINES 4 (block 82): content counts by what it is, not by the field it stands in. Not a reference to
# an earlier plan ("se tidigare", "sedan tidigare": open in 4.2).
CONSENT_FIELD_OTHER = folded_re(r"\W*(?:(?:uppf\w*|uppföljning\w*|följs upp)(?:\s+(?:i|på|vid|v\.?|vecka|den|"
                                r"under|efter|till)?\s*[\w./-]+){0,3}|\d{1,4}(?:[-/.]\d{1,2}){1,2}|se (?:ovan|nedan))\W*", re.I)


# Who gave the consent, in a field of its own after the statement on the same line ("[x] Samtycke inhämtat. Lämnat
# av: [VH1] och [VH2]"): GUIDELINES 3 consent met, "samtycke angivet och av vem".
CONSENT_GIVEN_BY_FIELD = re.compile(r"[ \t]*(?:lämnat|lämnats|givet|givits|inhämtat|undertecknat|signerat)[ \t]+"
                                    r"(?:av|från)\b[ \t]*:?", re.I)


def _consent_givers_after(ctx: Context, s: Segment) -> set[str]:
    """The givers named by a `CONSENT_GIVEN_BY_FIELD` that follows the statement on its line, else none."""
    line_end = ctx.text.find("\n", s.end)
    rest = ctx.text[s.end:line_end if line_end >= 0 else len(ctx.text)]
    return _consent_givers(rest) if CONSENT_GIVEN_BY_FIELD.match(rest) else set()


def _bare_consent_tick(ctx: Context, s: Segment) -> bool:
    """The segment's line is a checklist (`CHECKLIST_CLAIM`) whose consent item names nobody who consented
    ("☑ Samtycke inhämtat ☑ Vh delaktiga"), unlike "[x] Samtycke inhämtat fr båda vh"."""
    line = _checklist_line(ctx, s)
    if line is None:
        return False
    items = re.split(r"\[[xX✓✔*\s_]\]|[☒☑■☐□✓✔]", line.text)
    return not any(_consent_givers(item) for item in items if CONSENT.search(item))


def _consent_missing(ctx: Context) -> list[Segment]:
    """The plan's own statements that consent is missing or refused (`NO_CONSENT` with a consent word: "Samtycke:
    saknas, blanketten fanns inte med", "Inget samtycke är lämnat"), not the form's instruction."""
    missing = []
    for s in ctx.segs:
        if not CONSENT.search(s.text) or _is_instruction(ctx, s):
            continue
        text = CONSENT_INCIDENTAL.sub(" ", CONSENT_GENERAL.sub(" ", _checked(s.text)))  # not "Om samtycke saknas ..."
        if CONSENT.search(text) and _search_ci(NO_CONSENT, text):
            missing.append(s)
    return missing


def consent(ctx: Context) -> CriterionResult:
    given, pending = consent_statements(ctx)
    ctx.signals["consent_segments"] = len(given) + len(pending)
    givers = set().union(*(c.givers for c in given))
    explained = [s for s in ctx.segs if _has_cue(s.text, SOLE_CUSTODY_CUES) and _search_ci(SOLE_CUSTODY, s.text)
                 or (CONSENT_NOT_ASKED.search(s.text) and GUARDIAN.search(s.text))]
    named = [c.seg for c in given if c.givers]
    if givers & {"all", "child"} or {"mother", "father"} <= givers or (givers and explained):
        return _result("consent", "met", 0.75, [_ev(s, "CONSENT") for s in named + explained],
                       "Samtycke anges, och av vem.")
    if named:
        return _result("consent", "partial", 0.6, [_ev(s, "CONSENT") for s in named],
                       "Samtycke finns bara från en av vårdnadshavarna, utan förklaring till varför inte från den "
                       "andra.")
    if (given or pending) and _consent_missing(ctx):
        # the plan says consent is missing, and elsewhere only that it will be fetched or that it "finns" with no one
        # named ("Samtycke: saknas" and "blanketten skickas hem i förväg"): GUIDELINES 4 (block 78), "Samtycke saknas"
        # shows no consent, and what is still to be done is not done
        return _result("consent", "not_met", 0.6, [_ev(s, "CONSENT") for s in _consent_missing(ctx)],
                       "Planen säger att samtycke saknas; att det ska inhämtas senare är inget dokumenterat samtycke.")
    if given or pending:
        return _result("consent", "partial", 0.6, [_ev(c.seg, "CONSENT") for c in given] + [_ev(s, "CONSENT")
                                                                                          for s in pending],
                       "Samtycke nämns vagt: det framgår inte vem som samtyckt, eller det ska först inhämtas.")
    return _result("consent", "not_met", 0.75, [], "Letade efter ett dokumenterat samtycke (vem som samtyckt till "
                                                     "SIP/informationsutbyte) men hittade inget; tomma "
                                                     "samtyckesfält räknas inte.")


@dataclass
class _GuardianClause:
    verb: str  # the view verb, or "" when the guardian's clause has none
    rest: str  # the clause after the guardian


# A vision that places the guardians in an everyday it hopes for ("Vi vill skapa ett utrymme där både den unga och
# föräldrarna känner sig sedda", "Vi strävar efter en vardag där föräldrarna känner sig stärkta"): no view of theirs.
VISION_WHERE = folded_re(r"\b(?:vill|ska|strävar|skapa\w*|verka\w* för)\b[^.!?]{0,80}\b(?:där|så att)\b[^.!?]{0,60}$", re.I)


# "och" right before the verb, after the guardian word ("ringer mamma och pappa och berättar vad vi pratat"): the
# verb is coordinated with an earlier one whose object the guardians are; no subject stands right before "och" + verb.
JOINED_VERB = re.compile(r"\s*(?:och|o)\s+", re.I)


def _guardian_clauses(text: str) -> list[_GuardianClause]:
    """Each clause with a guardian as its subject, with its view verb if it has one; not a guardian placed in a
    vision (`VISION_WHERE`)."""
    out = []
    for m in GUARDIAN_SUBJECT.finditer(text):
        if _search_ci(VISION_WHERE, text[:m.start()]):
            continue
        rest = text[m.end():]
        joined = JOINED_VERB.match(rest)
        if joined and GUARDIAN_VIEW.match(rest, joined.end()):
            continue  # "[NAMN_1] ringer mamma och pappa och berättar ...": the guardians are the object, not the subject
        v = GUARDIAN_VIEW.search(rest, 0, 80)
        own_verb = v and not OTHER_AGENT.search(rest, 0, v.start()) and not YES_NO.match(rest, v.end())
        verb = v.group() if own_verb else ""
        out.append(_GuardianClause(verb, rest[v.end():] if verb else rest))
    return out


@dataclass
class _GuardianFindings:
    views: list[Segment] = field(default_factory=list)  # their own view, concretely
    attended: list[Segment] = field(default_factory=list)  # said in words (or a form field) that they took part
    excluded: list[Segment] = field(default_factory=list)  # kept out for a stated reason
    listed: list[Segment] = field(default_factory=list)  # only named in a list of participants
    mentioned: list[Segment] = field(default_factory=list)  # in the process without a view: informed, absent, ...


# A field's value that only refers back to the earlier plan ("som tidigare", "oförändrat sedan föregående SIP", "se
# förra planen", "inga ändringar"): a reference without content shows nothing (GUIDELINES 4, follow-up plans).
AS_BEFORE_ONLY = folded_re(r"^\W*(?:(?:som|samma som|se|enl(?:igt|\.)?)\s+(?:\w+\s+){0,2}?"
                           r"(?:tidigare|förut|vanligt|förra|föregående|sist|senast\w*)\b[^.;]{0,40}|"
                           r"(?:oförändra[dt]\w*|inga ändringar|inget nytt)"
                           r"(?:\s+(?:sedan|mot|från|jämfört med)\s+[^.;]{0,40})?)\W*$", re.I)


# The header of a participant table that came as a space-aligned text grid ("Namn          Funktion", "Namn
# Funktion      Verksamhet"): its rows list who took part (GUIDELINES 4, block 55: the column header says what the
# cells are).
GRID_PARTICIPANT_HEADER = re.compile(r"^\s*(?:namn|deltagare)[ \t]{2,}(?:funktion|befattning|titel|roll|yrke)\b", re.I)


def _field_refers_back(text: str) -> bool:
    """A field whose value only refers back to the earlier plan ("Barnets delaktighet: som förra gången")."""
    field = FIELD.match(text)
    return bool(field) and bool(AS_BEFORE_ONLY.match(field[2]))


def _view_field(section: str, text: str) -> bool:
    """A line with content in a section, or after a field label, for the guardians' view."""
    m = FIELD.match(text)
    label, value = (m.group(1), m.group(2)) if m and (_search_ci(GUARDIAN_VIEW_TITLE, m.group(1))
                                                      or GUARDIAN_LABEL.match(m.group(1))) else (section, text)
    if not re.search(r"\w", value) or EMPTY_CELL.match(value) or AS_BEFORE_ONLY.match(value):
        return False
    return bool(_search_ci(GUARDIAN_VIEW_TITLE, label) or GUARDIAN_LABEL.match(label) and GUARDIAN_VIEW.search(value))


def _presence_field(raw: str, text: str) -> bool:
    """A form field that marks the guardians present ("Vårdnadshavare närvarande: [x]", "Föräldrar: närvarande")."""
    m = GUARDIAN_PRESENCE_LABEL.match(text)
    if m:
        value = text[m.end():].strip().lower()
        return value.startswith(("ja", "x")) or not value and bool(CHECKBOX.search(raw))
    return bool(GUARDIAN_PRESENCE_VALUE.match(text))


def _list_label(text: str) -> bool:
    """A participant list's or a stakeholder list's label opens the text ("Närvarande:", "Intressenter: [VH1], ...")."""
    return bool(GUARDIAN_LIST_LABEL.match(text) or STAKEHOLDER_LABEL.match(text))


def _reason_follows(nxt: str) -> bool:
    """The next sentence gives the reason for an exclusion ("Pappa är inte kallad. Han har kontaktförbud.")."""
    return bool(nxt and EXCLUSION_REASON.search(nxt) and not FIELD.match(nxt) and not nxt.startswith("[BARN]"))


def _field_goes_on(ctx: Context, i: int, field_: re.Match[str] | None) -> bool:
    """A guardian field ("Vårdnadshavare: [VH1], mamma.") whose line goes on with a sentence about them without
    naming them again ("Förhindrad, informerad per telefon efter mötet.")."""
    if not field_ or not GUARDIAN_LABEL.match(field_.group(1)) or i + 1 >= len(ctx.segs):
        return False
    nxt = ctx.segs[i + 1]
    return "\n" not in ctx.text[ctx.segs[i].end:nxt.start] and not FIELD.match(nxt.text) \
        and not GUARDIAN_WORD.search(nxt.text) and not PERSON_REF.search(nxt.text)


# Separated parents (GUIDELINES 4, block 56): a guardian is a parent with custody. Where the plan says that both have
# it ("gemensam vårdnad"), each parent is a guardian; where one parent has sole custody ("Mamma har ensam vårdnad",
# "mamma [VH1], som har ensam vårdnad") or only visitation ("Pappa har umgänge varannan helg"), the other parent, or the
# one with visitation, is no guardian, and what that parent says or attends is not the guardians' part.
JOINT_CUSTODY = folded_re(r"\b(?:gemensam\w*|delad)\s+vårdnad\b|\bbåda\s+(?:föräldrarna\s+)?(?:har\s+vårdnad\w*|är\s+"
                          r"vårdnadshavare)\b", re.I)
SOLE_CUSTODY_PARENT = folded_re(r"\b(?:(?P<m>mamma\w*|modern)|(?P<f>pappa\w*|fadern))\b[^.;\n]{0,25}?\b(?:har|hade)\s+"
                                r"(?:nu\s+)?ensam\s+(?:om\s+)?vårdnad", re.I)
VISITATION_PARENT = folded_re(r"\b(?:(?P<m>mamma\w*|modern)|(?P<f>pappa\w*|fadern))\s+(?:har|hade)\s+(?:(?:bara|endast|"
                              r"enbart|inte|ej)\s+)?(?:umgänge|umgängesrätt)\b", re.I)
MOTHER_WORD = re.compile(r"^(?:mamma\w*|modern|mor)$", re.I)
FATHER_WORD = re.compile(r"^(?:pappa\w*|fadern|far)$", re.I)
# Other children's parents ("andra föräldrar", "alla föräldrar på avdelningen"): not this child's guardians.
OTHER_PARENTS = folded_re(r"\b(?:andra|övriga|alla|fler|nya)\s+(?:\w+\s+)?$", re.I)


def _non_guardian_parent(ctx: Context) -> re.Pattern[str] | None:
    """The pattern for the words of the parent who is no guardian (`SOLE_CUSTODY_PARENT`, `VISITATION_PARENT`),
    None where the plan does not say so or says the parents share custody."""
    def compute(c: Context) -> re.Pattern[str] | None:
        if _search_ci(JOINT_CUSTODY, c.text):
            return None
        sole = _search_ci(SOLE_CUSTODY_PARENT, c.text)
        if sole:
            return FATHER_WORD if sole.group("m") else MOTHER_WORD
        visits = _search_ci(VISITATION_PARENT, c.text)
        return (MOTHER_WORD if visits.group("m") else FATHER_WORD) if visits else None
    return _cached(ctx, "non_guardian_parent", compute)


def _not_the_guardians(text: str, section: str, non_guardian: re.Pattern[str] | None) -> bool:
    """Every guardian word of the segment is another child's parent ("andra föräldrar") or the parent who is no
    guardian (`_non_guardian_parent`), also in that parent's section ("Pappans syn") where the other parent is not
    named but in the genitive ("tagit mammas parti")."""
    words = [m for m in GUARDIAN_WORD.finditer(text) if not _search_ci(OTHER_PARENTS, text[:m.start()])]
    other = FATHER_WORD if non_guardian is MOTHER_WORD else MOTHER_WORD
    if non_guardian is not None and any(non_guardian.match(w) for w in re.findall(r"\w+", section)) \
            and _search_ci(GUARDIAN_VIEW_TITLE, section) and not any(other.match(m.group()) and not m.group().endswith("s") for m in words):
        return True
    if not words:
        return bool(GUARDIAN_WORD.search(text))
    return non_guardian is not None and all(non_guardian.match(re.sub(r"(?<=[an])s$", "", m.group())) for m in words)


GUARDIAN_PROCESS_NEAR = 50  # characters between a guardian word and a word of the planning process


def _guardian_in_process(text: str) -> bool:
    """A guardian named close to a word of the planning process ("Föräldrarna har fått en kopia av planen",
    "mamma kallas"), not a sentence that names both far apart ("Sedan planen upprättades ... konflikterna
    mellan [BARN] och föräldrarna kvarstår")."""
    guardians = [m.start() for m in GUARDIAN_WORD.finditer(text)]
    return any(abs(g - p.start()) <= GUARDIAN_PROCESS_NEAR
               for p in GUARDIAN_PROCESS.finditer(text) for g in guardians)


# A template's standard text on the guardians, about any family (GUIDELINES 4, block 52: "allmän informationstext visar
# ingenting om just den här planen"): a rule for guardians as such, the bare noun with a modal ("Vårdnadshavare och elev
# kan få en kopia"), the law's "together with the guardians where possible" ("Planen ska upprättas tillsammans med den
# enskilde och vårdnadshavarna när det är möjligt").
GUARDIAN_TEMPLATE_TEXT = folded_re(
    r"^\W*(?:vårdnadshavare|föräldrar)\s+(?:och\s+\w+\s+)?(?:kan|ska|skall|får|har rätt|bör|måste)\b|"
    r"\b(?:ska|skall|bör)\s+(?:\w+\s+)?(?:upprättas|göras|tas fram|skrivas|utformas)\s+(?:tillsammans\s+)?med\b"
    r"[^.;\n]{0,60}?\b(?:när|om|så långt|i den mån)\s+det\s+är\s+möjligt", re.I)
# one in each match (`_has_cue`): "vårdnadshavare", "föräldrar" (also without å/ä/ö), "möjligt"
GUARDIAN_TEMPLATE_CUES = ("rdnadshavare", "ldrar", "jligt")
# A form's printed label with its instruction in brackets ("Mål (vad ska vara annorlunda för barnet)", "Uppföljning
# (datum, vem kallar)"): in a form read out column by column it stands below another label (GUIDELINES 4, block 77), a
# field label, not an answer to the label above it.
INSTRUCTED_LABEL = re.compile(r"^\W*[^\W\d][^\W\d]*(?:\s+(?:och\s+)?[^\W\d]+){0,2}\s*"
                              r"\((?:vad|vem|vilk\w+|hur|när|datum|t\.\s?ex|ex\.|exempel)\b[^()\n]{0,60}\)\s*:?\s*$", re.I)


# An item of a bare list of persons: a person placeholder or a parent word, with at most a few words of role and agency
# after it ("[VH1]", "[VH1] mamma", "[NAMN_2] behandlare HVB", "mamma [VH1]").
PERSON_ITEM = re.compile(r"^\s*(?:och\s+)?(?:(?:mamma|pappa)\s+)?(?:\[(?:VH\d?|NAMN_\d+|BARN)\]|mamma|pappa)"
                         r"(?:\s+[\w./()-]+){0,4}\s*$", re.I)


def _persons_only_line(text: str) -> bool:
    """A line that is nothing but a list of persons (`PERSON_ITEM`s, at least `LIST_LINE_PERSONS` placeholders): in a
    form read out column by column it is the participant field's answer far from its label (GUIDELINES 4, block 77:
    pair the columns as a careful reader does), a participant list."""
    items = re.split(r"[,;]", text.rstrip(" ."))
    return len(PERSON_PLACEHOLDER.findall(text)) >= LIST_LINE_PERSONS and all(PERSON_ITEM.match(i) for i in items)


# The label of a field for another part of the plan ("Samtycke: ja.", "Uppföljning: 3/3", "Mål: ..."): below a heading
# for the guardians' view that had no answer of its own, it opens the next part, and the lines after it are that
# part's, not the guardians' view (GUIDELINES 4: a printed field with an empty answer shows nothing).
PLAN_PART_LABEL = folded_re(r"^\W*(?:samtycke\w*|uppföljning\w*|nästa möte|mål\w*|insats\w*|ansvar\w*|samordn\w*|"
                            r"behov\w*|bakgrund\w*|datum|deltagare|närvarande|underskrift\w*)\W*$", re.I)


# A sentence whose subject is a named professional ("[NAMN_2] har fört en lista ...", "[NAMN_4] på fritids har märkt
# ..."): the staff's account, whatever heading it stands under.
STAFF_SUBJECT = re.compile(r"^\W*\[NAMN_\d+\]")


def _staff_only_sections(ctx: Context) -> set[str]:
    """Headings for the guardians' view whose lines name professionals as subjects (`STAFF_SUBJECT`) and never the
    guardians as a subject (`GUARDIAN_SUBJECT`): the staff's account under the guardians' heading (GUIDELINES 4, block 82: content counts by what it is,
    not by the heading it stands under), not the guardians' view."""
    staff: set[str] = set()
    guardian: set[str] = set()
    for s in ctx.segs:
        if s.is_heading or not s.section or not GUARDIAN_VIEW_TITLE.search(s.section):
            continue
        if GUARDIAN_SUBJECT.search(s.text):
            guardian.add(s.section)
        elif STAFF_SUBJECT.match(s.text):
            staff.add(s.section)
    return staff - guardian


def guardian_findings(ctx: Context) -> _GuardianFindings:
    """Sort the plan's segments about the guardians by how they show the guardians' part in the plan."""
    f = _GuardianFindings()
    staff_sections = _staff_only_sections(ctx)
    consent_segs = {c.seg for c in consent_statements(ctx)[0]}
    unaccompanied = bool(UNACCOMPANIED.search(ctx.text))
    to_parents = _plan_addressee(ctx) == "guardian"
    to_child = _plan_addressee(ctx) == "child"
    goal_spans = [(g.start, g.end) for g in ctx.goals]
    table_goal_spans = [(g.start, g.end) for g in _cached(ctx, "table_goals", _table_goals)[0]]
    in_list = False  # below a list title, until a heading or a sentence
    list_line_end = -1  # the end of a line a list label opens ("Närv.: [NAMN_1] soc.sekr. IFO, mamma [VH1]")
    label_section: tuple[str, str] | None = None  # (section, label) of a field label the lines below belong to
    spoke: list[Segment] = []  # a guardian telling the meeting what the child wants
    closed_section = None  # a heading for the guardians' view that another part's field line has closed
    last_heading = ""
    non_guardian = _non_guardian_parent(ctx)
    guardian_parts = _guardian_contributions(ctx)
    for i, s in enumerate(ctx.segs):
        if _in_leftover(ctx, s) or _checklist_claim(s) or DISTRIBUTION_LABEL.match(s.text) \
                or _has_cue(s.text, GUARDIAN_TEMPLATE_CUES) and _search_ci(GUARDIAN_TEMPLATE_TEXT, s.text) \
                or INSTRUCTED_LABEL.match(s.text):
            continue  # text from an earlier plan that no longer applies; a checklist's tick; a distribution list; a
            # template's standard text; a form's printed label
        text = _checked(s.text)
        them = CONSENT_BY_THEM.match(text)
        if them and i and _search_ci(BOTH_PARENTS_SUBJECT, ctx.segs[i - 1].text):
            text = "Vårdnadshavarna " + text[them.end():]  # "[VH1] och [VH2] ... De berättade att ...": the guardians
        on_list_line = s.start < list_line_end
        if _list_label(text):
            line_end = ctx.text.find("\n", s.start)
            list_line_end = line_end if line_end >= 0 else len(ctx.text)
        if to_parents:  # the plan speaks to the parents: its "du"/"ni" is a guardian ("Ni båda var med")
            text = SECOND_PERSON_PLURAL.sub("vh", SECOND_PERSON.sub("vh", text))
        elif to_child:  # the plan speaks to the child: "Mamma har berättat att du vill ..." tells what the child wants
            text = SECOND_PERSON.sub("[BARN]", text)
        field_ = FIELD.match(text)
        if s.is_heading:
            last_heading = s.section
        elif field_ and _search_ci(PLAN_PART_LABEL, field_.group(1)) and _search_ci(GUARDIAN_VIEW_TITLE, last_heading):
            closed_section = last_heading  # "Familjens synpunkter:" (empty), "Samtycke: ja.": the view field was empty
        title_text = followup.SLIDE_NUMBER.sub("", text)  # also a slide's title: "Bild 3: Deltagare"
        if LIST_TITLE.match(title_text) or STAKEHOLDER_LABEL.match(title_text) or GRID_PARTICIPANT_HEADER.match(text):
            in_list = True
        elif s.is_heading or field_ or not TABLE_ROW.match(text) and len(text.split()) > 8:
            in_list = False
        if field_ and not CHECKBOX.search(s.text) and (not re.search(r"\w", field_.group(2))
                                                        or EMPTY_CELL.match(field_.group(2))):
            # an empty field ("Vårdnadshavare: –"), or a label the lines below belong to ("Mål (med [BARN]):")
            label_section = (s.section, field_.group(1).strip().lower()) \
                if not s.is_heading and not field_.group(2).strip() else None
            continue
        section = label_section[1] if label_section and label_section[0] == s.section else s.section
        if section == closed_section:
            section = ""  # a line after another part's field is not the view field's answer
        if (mail_sender(ctx, s.start) == "guardian" or _in_spans_of(guardian_parts, s.start)) \
                and MAIL_OWN_VIEW.search(text):
            f.views.append(s)  # a guardian's mail in the thread, or a guardian's own contribution in a compiled plan
            continue  # (GUIDELINES 4, block 81: its "jag" is the writer): "Jag vill att skolan ..."
        title = _search_ci(GUARDIAN_VIEW_TITLE, text) and len(text.split()) <= 5 and not re.search(r":\s*\S|[.!?]$", text)
        if s.is_heading or title or _printed_question(text) or not (_search_ci(GUARDIAN_WORD, text) or _search_ci(GUARDIAN_VIEW_TITLE, section)):
            continue
        if _not_the_guardians(text, section, non_guardian):
            continue  # another child's parents, or the parent without custody (GUIDELINES 4, separated parents)
        if _guardian_turn(ctx, s) and not GUARDIAN_ABSENT.search(text):
            f.attended.append(s)  # a guardian's own line in the minutes: they spoke at the meeting (GUIDELINES 4)
            continue
        clauses = _guardian_clauses(GUARDIAN_AS_SOURCE.sub(" ", GUARDIAN_VIEW_FORMULA.sub(" ", text)))
        reports = [c for c in clauses if c.verb and GUARDIAN_REPORTS.match(c.verb) and CHILD_CLAUSE.match(c.rest)
                   and not GUARDIAN_OPINION.search(c.rest)]
        own = [c for c in clauses if c.verb and c not in reports]
        nxt = ctx.segs[i + 1].text if i + 1 < len(ctx.segs) else ""
        tail = " " + nxt if _field_goes_on(ctx, i, field_) else ""
        goal = any(a < s.end and s.start < b for a, b in goal_spans) and (  # under "Mål" or in a goal column
            _goal_section(section) or any(a < s.end and s.start < b for a, b in table_goal_spans))
        if own and _search_ci(GUARDIAN_EARLIER_VIEW, text):
            f.mentioned.append(s)  # a view from before this plan ("mamma har tidigare sagt att ..."): no view in it
            continue
        if (own or _view_field(section, text) and s.section not in staff_sections) and not goal:  # a goal for the
            # parents is no view of theirs; the staff's account under the guardians' heading is not theirs either
            f.views.append(s)
        elif any(GUARDIAN_ATTENDED.match(c.rest) and not GUARDIAN_ABSENT.search(c.rest, 0, 60) for c in clauses):
            f.attended.append(s)
        elif _search_ci(GUARDIAN_WORD, text) and (GUARDIAN_EXCLUDED.search(text) or GUARDIAN_ABSENT.search(text) and (
                EXCLUSION_REASON.search(text) or _reason_follows(nxt))
                or unaccompanied and _search_ci(PARENTS_UNREACHABLE, text)):
            f.excluded.append(s)
        elif (_list_label(text) or _list_label(section) or in_list or on_list_line
              or _presence_field(s.text, text) or _persons_only_line(text)):
            f.listed.append(s)
        elif reports or GUARDIAN_SOURCE.search(text) or GUARDIAN_AS_SOURCE.search(text) \
                or GUARDIAN_ABSENT.search(text + tail) or s in consent_segs or _guardian_in_process(text + tail):
            f.mentioned.append(s)
            if any(SPOKEN_REPORT.match(c.verb) for c in reports) and not REPORT_CHANNEL.search(text) \
                    and _section_voice(section) != "child" and not _child_view_label(text):
                spoke.append(s)
    if f.listed:  # at the meeting, they spoke there (GUIDELINES 4.1: said to be at the meeting, met)
        f.attended += spoke
        f.mentioned = [s for s in f.mentioned if s not in spoke]
    return f


# A guardian's view told as said before this plan ("Placeringen är frivillig och mamma har tidigare sagt att hon står
# bakom den", "Pappa har tidigare önskat ..."): like the child's words from an earlier contact (GUIDELINES 4, block
# 61), it is no view given in this plan, only a mention of the guardian.
GUARDIAN_EARLIER_VIEW = folded_re(r"\b(?:har|hade)\s+tidigare\s+(?:sagt|uttryckt|berättat|framfört|önskat|meddelat|"
                                  r"framhållit|påpekat)\b|\btidigare\s+(?:har\s+)?(?:sagt|uttryckt|framfört)\b", re.I)


def _guardian_turn(ctx: Context, s: Segment) -> bool:
    """The segment opens a dialogue turn whose speaker is a guardian ("[VH1]: Ja. Och jag behöver avlastning.",
    "Mamma: Hon sover dåligt.", "[VH2] (pappa): ...", a dialogue table's "| [VH2] (pappa) | ..."; GUIDELINES 4, block 64: speaker labels name who speaks)."""
    turn = _turn_of(ctx, s)
    if not turn or turn[0] != "adult" or s.start > turn[1]:
        return False
    label = STAGE_NOTE.sub("", ctx.text[ctx.text.rfind("\n", 0, s.start) + 1:turn[1]])
    return bool(GUARDIAN_LABEL.match(label.strip(" \t|:")))


# A guardian's report said aloud ("Mamma säger att [BARN] ...", "[VH1] berättade att ...", "Pappa svarade på frågorna
# till [BARN] och säger att ..."), not written or sent.
SPOKEN_REPORT = re.compile(r"^(?:säger|sa|sade|berättar|berättade|svarar|svarade)$", re.I)
# A report that came by telephone, text message, mail or letter, or before the meeting ("Mamma har i telefon sagt att
# ...", "Pappa skriver i ett sms att ..."): not said at the meeting.
REPORT_CHANNEL = re.compile(r"\b(?:telefon\w*|sms\w*|mejl\w*|mail\w*|e-post|brev\w*|inför mötet|före mötet)\b", re.I)


def _child_view_label(text: str) -> bool:
    """The line opens with a label for the child's view ("Barnets synpunkter: Mamma säger att ...")."""
    label = LINE_LABEL.match(text)
    return bool(label) and _section_voice(label.group(1).lower()) == "child"


# A guardian (not a grandparent or a family home) among the writers of a plan that `GUARDIAN_WRITER` finds.
PARENT_WRITER = folded_re(r"(?<!\w)(?:mamma|pappa|föräldr\w*|vårdnadshavar\w*|\[VH\d?\])(?!\w)", re.I)


# A rating form or questionnaire the guardians filled in ("Vårdnadshavarna har fyllt i SDQ och SNAP-IV", "har fyllt i
# skattningsformulären"): data for a clinical assessment, not the plan written by them.
RATING_FORM = folded_re(r"\s+(?:[A-ZÅÄÖ]{2,}[A-ZÅÄÖ0-9-]*\b|(?:\w+\s+)?\w*(?:skattning|formulär|enkät|skala)\w*)")


def _written_by_guardians(ctx: Context) -> list[Segment]:
    """The segment that says the guardians themselves wrote the plan ("Skriven av [VH1], mamma", "mamma och pappa
    har skrivit texten åt mig"): the plan is their own account, they took part (GUIDELINES 3
    guardian_participation met); [] otherwise, also where what they filled in is a rating form (`RATING_FORM`)."""
    found = _guardian_writer(ctx)
    if not found or not _search_ci(PARENT_WRITER, ctx.text[found[0]:found[1]]) or RATING_FORM.match(ctx.text, found[1]):
        return []
    return [s for s in ctx.segs if s.start <= found[0] < s.end][:1]


# Both parents as the subject of a clause ("Föräldrarna berättade", "Båda vårdnadshavarna var med", "Mamma och pappa
# vill ..."), or one parent taking part by another way (by phone, at a meeting of their own).
BOTH_PARENTS_SUBJECT = folded_re(r"^[\W\d]*(?:(?:båda|bägge)\b|(?:föräldrarna|vårdnadshavarna|de)\b(?!\s+(?:till|på|i)\b)|"
                                 r"(?:mamma|pappa|\[VH\d\])[^.,;]{0,20}?\s(?:och|o|&)\s+(?:mamma|pappa|\[VH\d\]))", re.I)
# Why the other parent took no part, or how they took part instead ("Pappa avböjde", "hade förhinder", "deltog per
# telefon", "eget möte med pappa"): as usual, not one guardian of two without a reason.
OTHER_PARENT_ACCOUNTED = folded_re(r"\b(?:avböj\w*|förhinder\w*|sjuk\w*|pga|p\.g\.a|på grund av|eftersom|kontaktförbud\w*|"
                                   r"skydda\w*|telefon\w*|länk|digitalt|separat\w*|(?:eget|enskilt|eget) möte|"
                                   r"träffa\w* (?:\w+ )?(?:enskilt|separat|för sig))\b", re.I)


# A guardian placeholder with the parent word that says who it is ("[VH1] (pappa)", "[VH2], mamma", "pappa [VH1]"):
# the word, not the placeholder's number, tells mother from father (`MOTHER`, `FATHER` read "[VH1]" as the mother).
VH_WITH_PARENT_WORD = re.compile(r"\[VH\d\](?=\s*[(,]?\s*(?:mamma|pappa)\b)|(?<=mamma )\[VH\d\]|"
                                 r"(?<=pappa )\[VH\d\]", re.I)


def _one_guardian_of_two(ctx: Context, f: _GuardianFindings) -> bool:
    """The plan says the parents share custody, only one of them (mother or father) took part or gave a view, and
    nothing says why the other did not (GUIDELINES 4, separated parents: `guardian_participation` partial)."""
    if not _search_ci(JOINT_CUSTODY, ctx.text):
        return False
    present: set[str] = set()
    for s in f.views + f.attended + f.listed:
        if s in f.listed and (GUARDIAN_ABSENT.search(s.text) or _search_ci(JOINT_CUSTODY, s.text)):
            continue  # "Pappa [VH2] var kallad men kom inte." or who has custody, below the participant list
        if _search_ci(BOTH_PARENTS_SUBJECT, s.text):
            return False
        names = s.text if s in f.listed else " ".join(m.group() for m in GUARDIAN_SUBJECT.finditer(s.text))
        names = VH_WITH_PARENT_WORD.sub(" ", names)  # "[VH1] (pappa)": the word says which parent, not the number
        present.update(p for p, pattern in (("m", MOTHER), ("f", FATHER)) if pattern.search(names))
    if len(present) != 1:
        return False
    absent = FATHER if present == {"m"} else MOTHER
    return not any(absent.search(s.text) and (_search_ci(OTHER_PARENT_ACCOUNTED, s.text) or EXCLUSION_REASON.search(s.text)
                                              or _search_ci(PARENTS_UNREACHABLE, s.text)) for s in ctx.segs)


def guardian_participation(ctx: Context) -> CriterionResult:
    f = guardian_findings(ctx)
    written = _written_by_guardians(ctx)
    if written and not (f.views or f.attended):
        return _result("guardian_participation", "met", 0.6, [_ev(s, "GUARDIAN") for s in written],
                       "Vårdnadshavarna har själva skrivit planen: deras egen syn återges.")
    ctx.signals.update(guardian_mentions=len(f.listed) + len(f.mentioned), guardian_active=len(f.views),
                       guardian_present=len(f.listed) + len(f.attended), guardian_present_prose=len(f.attended))
    if (f.views or f.attended) and _one_guardian_of_two(ctx, f):
        return _result("guardian_participation", "partial", 0.55, [_ev(s, "GUARDIAN") for s in f.attended + f.views],
                       "Båda föräldrarna har vårdnaden, men bara den ena deltog eller kom till tals och inget skäl "
                       "anges för den andra.")
    if f.views or f.attended or f.excluded and not f.listed:  # the one not excluded only listed: partial
        return _result("guardian_participation", "met", 0.65,
                       [_ev(s, "GUARDIAN") for s in f.excluded + f.attended + f.views],
                       "Vårdnadshavarna deltog eller deras syn återges (eller skälet till att de inte deltog).")
    if f.listed or f.mentioned:
        return _result("guardian_participation", "partial", 0.55,
                       [_ev(s, "GUARDIAN") for s in f.listed + f.mentioned],
                       "Vårdnadshavarna finns bara i deltagarlistan eller nämns (informerade, samtycke, frånvaro), "
                       "men deras egen syn framgår inte.")
    # a placed child whose plan says nothing of the guardians' part: nothing (GUIDELINES 4.1, decided 2026-11-25);
    # the placement is shown as what was read, and the explanation says what is missing
    placed = [s for s in ctx.segs if PLACED.search(s.text) and not _in_leftover(ctx, s)]
    if placed and not UNACCOMPANIED.search(ctx.text):
        return _result("guardian_participation", "not_met", 0.6, [_ev(s, "GUARDIAN") for s in placed[:1]],
                       "Barnet är placerat, men planen säger inget om vårdnadshavarnas del: inte om de deltog, "
                       "kallades eller uteblev, inte deras syn och inget skäl till att de inte var med.")
    return _result("guardian_participation", "not_met", 0.7, [], "Letade efter vårdnadshavarnas deltagande eller "
                                                                   "syn (närvaro, vad de sagt eller önskat) men "
                                                                   "hittade inget.")


RULES = {
    "needs_described": on_paired_form(needs_described), "goals_present": on_paired_form(goals_present),
    "goals_evaluable": on_paired_form(goals_evaluable),
    # a form read out column by column is read with its labels and values paired (GUIDELINES 4, block 77)
    "responsibility_per_action": on_paired_form(responsibility_per_action),
    "overall_responsibility": on_paired_form(overall_responsibility),
    "follow_up_date": on_paired_form(follow_up_date), "follow_up_responsible": on_paired_form(follow_up_responsible),
    "child_voice": child_voice, "child_participation": child_participation, "child_goals": on_paired_form(child_goals),
    "consent": consent, "guardian_participation": guardian_participation,
}
assert tuple(RULES) == CRITERION_IDS


def coordinator_of(ctx: Context) -> str | None:
    """The normalised actor in the first statement that names the plan's coordinator (none when it is shared,
    undecided or only implied)."""
    for s in overall_statements(ctx).named:
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
    results = {cid: RULES[cid](ctx) for cid in CRITERION_IDS}
    return _as_written(ctx, results) if _grid_rows(ctx) else results


def _as_written(ctx: Context, results: dict[str, CriterionResult]) -> dict[str, CriterionResult]:
    """The results with each evidence's text as the plan has it at its span: a grid's cell or row is read whole
    (`_table_lines`), its evidence is its first line's fragment or the row's lines."""
    def shown(e: Evidence) -> Evidence:
        return e if ctx.text[e.start:e.end] == e.text else e.model_copy(update={"text": ctx.text[e.start:e.end]})

    return {cid: r.model_copy(update={"evidence": [shown(e) for e in r.evidence]}) for cid, r in results.items()}


class RuleAssessor:
    """Assess a plan with the rules alone."""

    model_version = MODEL_VERSION

    @reads_plan_text
    def assess(self, plan: Plan) -> Assessment:
        ctx = build_context(plan.text)
        criteria = assess_rules(ctx)
        form = paired_form(ctx)  # a form read column by column: its follow-up and coordinator fields paired
        return Assessment(
            id=plan.id,
            criteria=criteria,
            dimensions=dimension_scores({c: r.verdict for c, r in criteria.items()}),
            follow_up_dates=(form.ctx if form else ctx).follow_up_iso,
            plan_date=ctx.plan_date.isoformat() if ctx.plan_date else None,
            coordinator=coordinator_of(form.ctx if form else ctx),
            actors=sorted({n for _, _, n in ctx.actors}),
            entities=entities_of(ctx),
            warnings=[],
            model_version=self.model_version,
        )
