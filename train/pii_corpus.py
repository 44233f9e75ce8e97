"""Generate the PII corpus: SIP-like Swedish texts with fictional identifiers and gold spans.

Hand-written contexts (meeting notes, forms, signatures, tables, pasted e-mails, follow-ups,
the child's own words ...) with typed slots, filled with fictional values from Faker's
sv_SE provider and planqa's own name lists, plus names that are *not* in planqa's lists
(so the context rules are measured, not only the lists). Seeded and deterministic.

Each record: {id, text, split, template_ids, spans: [{start, end, label, text}],
keep: [{start, end, label, text}]}. `spans` are the identifiers (PERSON, PERSONNUMMER,
TELEFON, EMAIL, ADRESS, POSTNUMMER, DIARIENUMMER, ENHET); `keep` are words that must
survive (ACTOR, ROLE, DIAGNOS, DATE, PLACEHOLDER, KEEP).

The split is by context: a test document is built only from test contexts, so the test
figures are for contexts never seen while tuning. Usage:

    python train/pii_corpus.py [--n 250] [--seed 20250310] [--out annotations/pii/pii.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planqa.actors import find_actors, find_roles  # noqa: E402

NAMES_DIR = ROOT / "planqa" / "data" / "names"

# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

# Names deliberately NOT in planqa/data/names: the recognizer must find these from context.
NOVEL_FIRST = (
    "Ingegerd Rigmor Sölve Tuve Hjördis Majvor Sixtus Assar Torgny Gunvald Aapo Oula Sulo Kerttu Taisto "
    "Niilo Ghazal Hadis Delsha Rozh Lavin Ardalan Kaveh Sadaf Qais Wais Jwan Shahin Vian Aveen Hasret "
    "Nilüfer Gülsüm Birgül Tesfalem Yosief Mogos Filmawit Kisanet Gulnaz Wajma Palwasha Zarlasht Nazanin "
    "Dževad Sabina Mirsad Fikret Wiesław Bożena Halina Teodor Folkvard Ingemund Sigvard Hulda Gertrud"
).split()
NOVEL_SUR = (
    "Tjernberg Fjällgren Kangasniemi Huttunen Pesonen Ruotsalainen Abdulkadir Qasemi Sarwari Dizayee Berwari "
    "Mahmutović Vujović Zając Sobczak Akbulut Tekin Ghebrehiwet Okbamichael Zadran Mangal Hedenmo Ravelin "
    "Åkesdotter Wennergren Lindgärde Skoglösa Barakzai Kakar Jaafari Bayati Hajizadeh Rastegar Kurtović "
    "Zubčević Wrona Gąsior Yavuz Karadağ Woldegiorgis Habtemariam Nordvall Östgren Tallqvist Ahlgårde"
).split()

# street-name parts; "Storgatan 12 B", "Drottning Kristinas väg 3"
STREET_FIRST = ("Stor Kyrko Skol Park Ring Strand Björk Ek Lind Tall Gran Mühlen Hamn Järnvägs Kvarn Ängs Fabriks "
                "Södra Tull Väster Öster Norr Söder Blomster Lärk Vall Tegnér Linné Kungs Drottning Prins Slotts "
                "Hammar Sjö Back Berg Åker Mölle Lilje Rosen Solros Smedje Vinter Sommar").split()
STREET_LAST = "gatan vägen gränd stigen allén backen torget platsen leden".split()
STREET_TWO = ("Stora Nygatan", "Lilla Torget", "Gamla Kungsvägen", "Södra Förstadsgatan", "Norra Vallgatan",
              "Drottning Kristinas väg", "Sankt Eriksgatan", "Västra Ringvägen", "Östra Storgatan", "Karl XI:s väg")
SCHOOL_PREFIX = ("Söder Norr Väster Öster Ekbacke Björkhaga Rosengårds Kungsmarks Tallbacka Furulunds Hagaby "
                 "Vipeholms Solberga Ängsbacka Fågelsångs Lindängs Stenkulla Hedvigsborgs Ljungby Sjöstads "
                 "Mariedals Klostergårds Fredriksdals Österlens Nyhems Tullkammar Linnéa Ekeby Humle Hovslätts "
                 "Glumslövs Tornhags Kastanje Valhalla Slottsstads Brunnsby").split()
SCHOOL_SUFFIX = ("skolan", "skolan", "skolan", "gymnasiet", "skolan")
UNIT_NAMES = ("Solgläntan Björkbacken Lärkan Granbacken Vallmon Fyren Ankaret Kompassen Tallåsen Humlan Oasen "
              "Solrosen Nyckelpigan Linnean Kastanjen Gläntan Ekorren Bryggan Vitsippan Hamnen Navet Lyktan "
              "Klövern Blåklinten Stjärnan Backsippan Tranan").split()
UNIT_TYPES = ("HVB", "HVB-hemmet", "förskolan", "korttidsboendet", "fritidsgården", "familjecentralen",
              "stödboendet", "behandlingshemmet", "boendet")
DNR_PREFIX = ("SN", "BUN", "SOC", "IFO", "KS", "ÄR", "BoU", "SBF", "UN", "VON")
MAIL_DOMAINS = ("exempel.se", "exempel.com", "skola.exempel.se", "kommun.exempel.se", "region.exempel.se",
                "gmail.com", "hotmail.com", "outlook.com", "telia.com", "live.se", "icloud.com")
WORK_DOMAINS = ("kommun.exempel.se", "region.exempel.se", "skola.exempel.se", "bup.exempel.se",
                "socialtjansten.exempel.se")
AREA_CODES = ("08", "031", "040", "046", "0410", "042", "013", "019", "021", "018", "090", "0920",
              "054", "063", "035", "0455", "0470", "0480", "036", "016", "026", "060", "0430", "0411")
MOBILE_PREFIX = ("070", "072", "073", "076", "079")


def _read_sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = "?"
    for line in (NAMES_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            current = line[1:].strip()
            continue
        if line.strip():
            sections.setdefault(current, []).append(line.strip())
    return sections


ORIGINS = ("svenska", "finska", "arabiska", "somaliska", "persiska", "kurdiska", "bosniska_serbiska_kroatiska",
           "polska", "turkiska", "tigrinska", "afghanska_dari")
ORIGIN_WEIGHTS = (40, 6, 9, 6, 5, 5, 5, 5, 5, 5, 5)
WORD_FIRST = ("Sten", "Ros", "Björn", "Lilja", "Mark", "Vide", "Liv", "Saga", "Vilja", "Love", "Klara", "Hans",
              "Per", "Bo", "Dag", "Stig", "Max", "Ville", "Tor", "Inga", "Mina", "Dina")
WORD_SUR = ("Berg", "Lilja", "Ros", "Sten", "Björk", "Lind", "Ek", "Holm", "Ström", "Falk", "Strand", "Lund",
            "Borg", "Frost", "Sand", "Nord", "Vik", "Blom", "Hed", "Alm")


class NamePool:
    def __init__(self, rnd: random.Random, fake: Faker) -> None:
        self.rnd, self.fake = rnd, fake
        first = _read_sections("first_names.txt")
        sur = _read_sections("surnames.txt")
        listed = {n for v in first.values() for n in v} | {n for v in sur.values() for n in v}
        self.first = {o: first.get(o, []) for o in ORIGINS}
        self.sur = {o: sur.get(o, []) for o in ORIGINS}
        self.novel_first = [n for n in NOVEL_FIRST if n not in listed]
        self.novel_sur = [n for n in NOVEL_SUR if n not in listed]

    def origin(self) -> str:
        return self.rnd.choices(ORIGINS, ORIGIN_WEIGHTS)[0]

    def first_name(self, origin: str, female: bool | None = None) -> str:
        r = self.rnd.random()
        if r < 0.12:
            return self.rnd.choice(self.novel_first)
        if r < 0.20:
            return self.rnd.choice(WORD_FIRST)
        if origin == "svenska":
            if female is None:
                female = self.rnd.random() < 0.5
            name = self.fake.first_name_female() if female else self.fake.first_name_male()
            if self.rnd.random() < 0.08:  # Anna-Karin, Karl-Johan
                other = self.fake.first_name_female() if female else self.fake.first_name_male()
                if other != name:
                    name = f"{name}-{other}"
            return name
        return self.rnd.choice(self.first[origin])

    def surname(self, origin: str) -> str:
        r = self.rnd.random()
        if r < 0.12:
            return self.rnd.choice(self.novel_sur)
        if r < 0.20:
            return self.rnd.choice(WORD_SUR)
        if origin == "svenska":
            name = self.fake.last_name()
            if self.rnd.random() < 0.06:
                name = f"{name}-{self.fake.last_name()}"
            return name
        return self.rnd.choice(self.sur[origin])


def ascii_fold(s: str) -> str:
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def luhn_digit(nine: str) -> int:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


@dataclass
class Person:
    first: str
    sur: str
    birth_year: int
    birth_month: int
    birth_day: int
    female: bool
    pnr_cache: dict = field(default_factory=dict)

    @property
    def full(self) -> str:
        return f"{self.first} {self.sur}"


class Values:
    """Fictional values for one document."""

    def __init__(self, rnd: random.Random, fake: Faker, names: NamePool) -> None:
        self.rnd, self.fake, self.names = rnd, fake, names
        fam_origin = names.origin()
        fam_sur = names.surname(fam_origin)
        other_sur = names.surname(fam_origin if rnd.random() < 0.6 else names.origin())
        self.people: dict[str, Person] = {}
        child_year = rnd.randint(2007, 2022)
        self.people["B"] = self._person(fam_origin, None, child_year, fam_sur if rnd.random() < 0.8 else other_sur)
        self.people["S"] = self._person(fam_origin, None, rnd.randint(2004, 2022), self.people["B"].sur)
        self.people["M"] = self._person(fam_origin, True, rnd.randint(1970, 1998),
                                        fam_sur if rnd.random() < 0.5 else other_sur)
        self.people["F"] = self._person(fam_origin if rnd.random() < 0.8 else names.origin(), False,
                                        rnd.randint(1965, 1996), fam_sur)
        self.people["G"] = self._person(fam_origin, None, rnd.randint(1918, 1925), fam_sur)  # great-grandparent, '+'
        for k in ("P1", "P2", "P3", "P4", "P5"):
            o = "svenska" if rnd.random() < 0.5 else names.origin()
            self.people[k] = self._person(o, None, rnd.randint(1960, 1998), names.surname(o))
        self.street = self._street()
        self.post = self._postcode_town()
        self.school = rnd.choice(SCHOOL_PREFIX) + rnd.choice(SCHOOL_SUFFIX)
        self.unit_name = rnd.choice(UNIT_NAMES)
        self.dnr = self._dnr()

    def _person(self, origin: str, female: bool | None, year: int, sur: str) -> Person:
        if female is None:
            female = self.rnd.random() < 0.5
        first = self.names.first_name(origin, female)
        return Person(first, sur, year, self.rnd.randint(1, 12), self.rnd.randint(1, 28), female)

    # -- identifiers ----------------------------------------------------------------------
    def pnr(self, p: Person, fmt: str | None = None) -> str:
        if fmt is None and "default" in p.pnr_cache:
            return p.pnr_cache["default"]
        rnd = self.rnd
        coord = rnd.random() < 0.15
        day = p.birth_day + (60 if coord else 0)
        yymmdd = f"{p.birth_year % 100:02d}{p.birth_month:02d}{day:02d}"
        serial = f"{rnd.randint(980, 999):03d}"  # the test range of the serial numbers
        check = luhn_digit(yymmdd + serial)
        if rnd.random() < 0.25:  # a mistyped check digit
            check = (check + rnd.randint(1, 9)) % 10
        last4 = f"{serial}{check}"
        century = str(p.birth_year // 100)
        old = p.birth_year <= 1925
        fmt = fmt or rnd.choices(("short_dash", "long_dash", "short", "long", "space", "long_space"),
                                 (35, 27, 12, 12, 7, 7))[0]
        sep = "+" if old else "-"
        value = {
            "short_dash": f"{yymmdd}{sep}{last4}",
            "long_dash": f"{century}{yymmdd}-{last4}",
            "short": f"{yymmdd}{last4}",
            "long": f"{century}{yymmdd}{last4}",
            "space": f"{yymmdd} {last4}",
            "long_space": f"{century}{yymmdd} {last4}",
        }[fmt]
        p.pnr_cache.setdefault("default", value)
        return value

    def mobile(self) -> str:
        rnd = self.rnd
        pre = rnd.choice(MOBILE_PREFIX)
        d = "".join(str(rnd.randint(0, 9)) for _ in range(7))
        a, b, c = d[:3], d[3:5], d[5:]
        return rnd.choice((
            f"{pre}-{a} {b} {c}", f"{pre}-{a} {b} {c}", f"{pre} {a} {b} {c}", f"{pre}{d}", f"{pre}-{d}",
            f"+46 {pre[1:]} {a} {b} {c}", f"+46{pre[1:]}{d}", f"+46 (0){pre[1:]}-{a} {b} {c}",
            f"{pre}-{a}{b} {c}", f"0046 {pre[1:]} {a} {b} {c}", f"{pre} {a}{b}{c}", f"{pre}-{a}-{b}-{c}",
        ))

    def landline(self) -> str:
        rnd = self.rnd
        if rnd.random() < 0.25:
            return self.fake.phone_number()
        area = rnd.choice(AREA_CODES)
        n = 8 if area == "08" else (5 if len(area) == 4 else 6) + rnd.choice((0, 1))
        if len(area) == 4:
            n = rnd.choice((5, 6))
        d = "".join(str(rnd.randint(1 if i == 0 else 0, 9)) for i in range(n - (1 if area == "08" else 0)))
        if len(d) == 7:
            grouped = f"{d[:3]} {d[3:5]} {d[5:]}"
        elif len(d) == 6:
            grouped = f"{d[:2]} {d[2:4]} {d[4:]}"
        else:
            grouped = f"{d[:3]} {d[3:]}"
        return rnd.choice((f"{area}-{grouped}", f"{area}-{d}", f"{area} {grouped}", f"({area}) {grouped}",
                           f"+46 {area[1:]} {grouped}", f"{area}-{grouped}"))

    def email(self, p: Person, work: bool = False) -> str:
        rnd = self.rnd
        f = ascii_fold(p.first.lower()).replace(" ", "")
        s = ascii_fold(p.sur.lower()).replace(" ", "")
        local = rnd.choice((f"{f}.{s}", f"{f}.{s}", f"{f[0]}.{s}", f"{f}{s}{rnd.randint(1, 99)}",
                            f"{f}_{s}", f"{f}.{s}{rnd.randint(1, 9)}", f"{f}-{s}", f"{s}.{f}"))
        domain = rnd.choice(WORK_DOMAINS if work else MAIL_DOMAINS)
        value = f"{local}@{domain}"
        return value.upper() if rnd.random() < 0.04 else value

    def _street(self) -> str:
        rnd = self.rnd
        if rnd.random() < 0.15:
            name = rnd.choice(STREET_TWO)
        elif rnd.random() < 0.3:
            name = self.fake.street_name()
        else:
            name = rnd.choice(STREET_FIRST) + rnd.choice(STREET_LAST)
            name = name.replace("SödraGatan", "Södragatan")
        number = str(rnd.randint(1, 140))
        if rnd.random() < 0.3:
            number += rnd.choice((" A", " B", " C", "A", "B"))
        value = f"{name} {number}"
        if rnd.random() < 0.3:
            value += rnd.choice((", lgh ", " lgh ", ", lägenhet ")) + str(rnd.randint(1001, 1604))
        elif rnd.random() < 0.1:
            value += rnd.choice((", 2 tr", " 3 tr", ", 1 tr"))
        return value

    def _postcode_town(self) -> str:
        rnd = self.rnd
        code = f"{rnd.randint(100, 984)}{rnd.randint(0, 99):02d}"
        town = self.fake.city()
        fmt = rnd.choices(("spaced", "plain", "se"), (75, 18, 7))[0]
        if fmt == "spaced":
            return f"{code[:3]} {code[3:]} {town}"
        if fmt == "plain":
            return f"{code} {town}"
        return f"SE-{code[:3]} {code[3:]} {town}"

    def _dnr(self) -> str:
        rnd = self.rnd
        year = rnd.randint(2019, 2025)
        pre = rnd.choice(DNR_PREFIX)
        return rnd.choice((
            f"{pre} {year}/{rnd.randint(10, 2999)}-{rnd.randint(1, 9)}", f"{pre} {year}.{rnd.randint(100, 999)}",
            f"{year}-{rnd.randint(100, 99999):05d}", f"{pre}-{year}-{rnd.randint(100, 9999)}",
            f"{pre} {year}:{rnd.randint(10, 999)}", f"{pre} {year}/{rnd.randint(100, 9999):04d}",
            f"{rnd.randint(1000, 9999)}-{year % 100:02d}",
        ))


# ---------------------------------------------------------------------------------------------
# Contexts. {X} full name, {X.f} first, {X.s} surname, {X.fg}/{X.g}/{X.sg} genitive forms (the
# gold span leaves the s out), {X.pnr} personnummer, {X.mob}/{X.tel}/{X.mail}/{X.wmail}.
# X: B child, S sibling, M and F parents, G great-grandparent, P1..P5 professionals.
# {adr} street, {post} postal code + town, {co} c/o line, {dnr} case number, {skola} school,
# {enhet} unit ("HVB Solgläntan": only the name is an identifier), {enhet.n} the unit name alone,
# {tel} a landline. «text» marks a keep-word; agencies, roles, dates, placeholders and diagnoses
# are marked automatically.
# ---------------------------------------------------------------------------------------------

TEMPLATES: list[str] = [
    # 0 form header
    """SAMORDNAD INDIVIDUELL PLAN (SIP)
Barnets namn: {B}
Personnummer: {B.pnr}
Adress: {adr}, {post}
Vårdnadshavare: {M} och {F}
Datum för mötet: 2024-10-08""",
    # 1 meeting notes with attendees
    """Närvarande vid mötet:
{M.f} {M.s}, mamma
{P1}, kurator, elevhälsan
{P2}, socialsekreterare, socialtjänsten
{P3} (mentor)
Förhinder: {P4}, psykolog på BUP""",
    # 2 signature after an e-mail pasted into the plan
    """Hej!
Jag bifogar underlaget från BUP inför mötet den 14 mars. Hör av dig om något är oklart.

Med vänlig hälsning
{P1}
Specialpedagog, {skola}
Tel: {tel}
{P1.wmail}""",
    # 3 table of actions
    """Insats | Ansvarig | Tidplan
Anpassad studiegång | {P3.f} {P3.s}, mentor | från v. 12
Samtalskontakt | kurator {P1.f} | varannan vecka
Föräldrastöd enligt «Komet» | {P2}, socialtjänsten | start 3 februari""",
    # 4 follow-up document
    """UPPFÖLJNING AV SIP, {dnr}
Uppföljning 14 mars. {B.fg} mamma {M.f} deltog via Teams. {P2.f} {P2.s} från socialtjänsten
redovisade att ansökan om kontaktperson är beviljad. Nästa uppföljning v. 20.""",
    # 5 child's own words
    """Barnets röst: {B.f} säger att det bästa i skolan är rasterna med {S.f}. "Jag vill att mamma och
{P3.f} pratar med varandra innan de bestämmer saker om mig", berättar {B.f}.""",
    # 6 contact list
    """Kontaktuppgifter
Mamma: {M}, mobil {M.mob}, e-post {M.mail}
Pappa: {F}, tel. {F.mob}
Samordnare: {P2}, {P2.tel}""",
    # 7 background paragraph with genitives
    """Bakgrund: {B} bor med sin mamma {M.f} på {adr} i {post.town}. {F.fg} kontakt med barnen
har varit sporadisk sedan 2022. {S.f} går i förskoleklass på {skola}.""",
    # 8 HVB placement
    """{B.f} är sedan 2024-01-15 placerad på {enhet} enligt LVU. Kontaktperson på boendet är
{P4.f} {P4.s}. Umgänge med mamma sker varannan helg, enligt överenskommelse med {P2.sg} enhet.""",
    # 9 consent form
    """SAMTYCKE
Jag/vi samtycker till att socialtjänsten, BUP och elevhälsan utbyter information om
{B} ({B.pnr}) inom ramen för SIP.
Underskrift vårdnadshavare: {M}
Underskrift vårdnadshavare: {F}""",
    # 10 referral letter
    """Remiss till BUP
Patient: {B}, pnr {B.pnr}
Remittent: {P5}, skolläkare, {skola}
Frågeställning: utredning av ADHD. Svar till remittenten på {P5.tel}.""",
    # 11 phone note
    """Telefonsamtal 2024-05-02 kl. 10.15: {M.f} ringde från {M.mob} och berättade att {B.f} inte
varit i skolan sedan måndag. Kuratorn {P1.f} lovade att ringa upp före fredag.""",
    # 12 journal extract
    """Journalanteckning, {dnr}
Besök av {B} med mamma. Mamma {M.f} uppger att sömnen är bättre. Ny tid hos psykolog
{P4} 12 april. Ansvarig läkare: {P5.f} {P5.s}.""",
    # 13 SMS transcript
    """SMS från {F.f} ({F.mob}) 2024-03-03: "Hej {P2.f}, {B.f} är sjuk idag och kommer inte till
mötet. Kan vi flytta till v. 11?"
""",
    # 14 address change
    """Familjen har flyttat. Ny adress: {adr}, {post}. Post kan även skickas {co}, {post}.""",
    # 15 LSS decision
    """Beslut enligt LSS, {dnr}
Sökande: {B}, {B.pnr}
Beslut: Korttidsvistelse på {enhet}, två helger i månaden.
Handläggare: {P2}, LSS-handläggare, tfn {P2.tel}""",
    # 16 signature with /
    """Vi ses på mötet den 3 april kl. 13.00 i skolans konferensrum.

/{P3.f}
mentor åk 7""",
    # 17 school report
    """Skolans rapport: {B.f} går i åk 6 på {skola}. Mentor {P3} och specialpedagog {P1.f} har
gjort en pedagogisk kartläggning. {B.f} har diagnosen autism och behöver förberedelse inför
förändringar. «Ros och beröm» fungerar bra.""",
    # 18 grandparent and '+'
    """Släktingar: morfars mor {G} ({G.pnr}) bor på särskilt boende. Moster {P4.f} hjälper till
med hämtning från {skola}.""",
    # 19 minutes: decisions
    """Beslut på mötet:
1. {P2.f} ({P2.s}) kallar till nytt möte.
2. Mamma {M.f} kontaktar vårdcentralen.
3. {P1} bokar samtal med {B.f} och {S.f}.""",
    # 20 e-mail header pasted
    """Från: {P2} <{P2.wmail}>
Skickat: den 12 mars 2024 09:14
Till: {P1.wmail}
Ämne: SIP {B.f}

Hej {P1.f}! Kan du ta med elevhälsans bedömning till mötet?""",
    # 21 form, two guardians with phones
    """Vårdnadshavare 1: {M}   Tel: {M.mob}
Vårdnadshavare 2: {F}   Tel: {F.mob}
Adress: {adr}
Postadress: {post}""",
    # 22 follow-up with names only as first names
    """Vid uppföljningen v. 12 berättade {M.f} att samarbetet med BUP fungerar bättre. {P4.f} från BUP
föreslog att {B.f} ska få träffa en arbetsterapeut. {P2.f} ansvarar för att boka tid.
«Per» vecka får {B.f} två extra lektioner i matematik.""",
    # 23 'jag' format
    """Jag heter {B.f} och jag är 12 år. Jag bor med mamma och min bror {S.f}. Jag vill att {P3.f}
min mentor ska veta att jag blir stressad när det är prov.""",
    # 24 coordinator block
    """Samordningsansvarig: {P2}, socialsekreterare, tfn {P2.tel}, e-post {P2.wmail}
Planeringsansvarig: {P1}, kurator""",
    # 25 diagnosis + interventions, names of word-type
    """{B.f} har diagnoserna ADHD och språkstörning. Familjen har tidigare deltagit i «FFT».
Pappa {F.f} och farmor {P5.f} är viktiga personer för {B.f}.""",
    # 26 police/child protection
    """Orosanmälan inkom 2023-11-20 från {skola} ({dnr}). Anmälare: rektor {P3}. Polisen har inte
kontaktats. Barnet {B} ({B.pnr}) hördes av socialsekreterare {P2.f}.""",
    # 27 list format
    """- {M.f} ringer BUP senast fredag
- {P1.f} ({P1.s}) pratar med {B.f} om skolgången
- {P2.s} skickar kallelse till uppföljning 5 maj""",
    # 28 interpreter
    """Mötet hölls med tolk på arabiska. Tolken {P5} var på plats. {M.fg} önskemål är att
{B.f} får fortsätta på {skola}.""",
    # 29 HVB report
    """Rapport från {enhet}: {B.f} har anpassat sig till rutinerna. Kontaktpersonerna {P4.f} och
{P5.f} har veckosamtal med {B.f}. Nästa nätverksmöte 2024-09-10.""",
    # 30 CV-like staff info
    """Kontaktperson inom habiliteringen: {P4}, arbetsterapeut. Nås på {P4.tel} måndag–torsdag
eller via {P4.wmail}.""",
    # 31 notes with genitive surnames
    """{P2.sg} bedömning är att behovet av stöd kvarstår. {P1.sg} samtal med {B.f} visar att
skolfrånvaron har minskat.""",
    # 32 short-form table
    """Namn | Roll | Telefon
{P1} | kurator | {P1.tel}
{P3} | mentor | {P3.mob}
{M} | mamma | {M.mob}""",
    # 33 e-mail with c/o
    """Kallelsen skickas till {M.f} {co}, {adr}, {post}.""",
    # 34 court/lvu
    """Förvaltningsrätten beslutade 2024-02-01 ({dnr}) om vård enligt 2 § LVU för {B}, född {B.pnr}.
Ombud för mamma: advokat {P5}.""",
    # 35 follow-up responsible
    """Ansvarig för uppföljning: {P2}
Datum för uppföljning: 2025-04-15
Plats: {post.town}, socialtjänstens lokaler på {adr}""",
    # 36 sibling and preschool
    """Lillasyster {S.f} går på {enhet}. Personalen där har märkt att {S.f} är ledsen efter helgerna.""",
    # 37 email body with phone in text
    """Hej {M.f}! Ring mig gärna på {P1.mob} så bokar vi en tid. Hälsningar {P1.f}""",
    # 38 mixed form
    """Elevens namn: {B}
Klass: 8B
Skola: {skola}
Mentor: {P3}
Elevhälsa: skolsköterska {P4.f} {P4.s}""",
    # 39 BBIC-style summary
    """Sammanfattning enligt BBIC: {B.f} ({B.pnr}) har behov av stöd i skolan och fritid. {M.f} och
{F.f} är överens om insatserna. Ärendet handläggs under {dnr}.""",
    # 40 narrative with word-names mid-sentence
    """Under mötet berättade {P1.f} att {B.f} har börjat träna fotboll. Både {M.f} och {F.f} tycker
att det har hjälpt. «Hans» mamma vill att tränaren bjuds in nästa gång.""",
    # 41 address on one line with flat
    """Folkbokförd på {adr}, {post}.""",
    # 42 unit staff list
    """Personal på {enhet}:
{P4}, behandlare
{P5}, enhetschef""",
    # 43 minutes with time and dates
    """Tid: tisdag 12 mars kl. 14.00–15.30
Plats: {skola}, rum 204
Antecknat av: {P3}""",
    # 44 pasted reply chain
    """> {M.f} skrev 2024-04-02:
> Tack för mötet. {B.f} var glad efteråt.
Svar från {P2.f}: Tack själv! Vi hörs v. 16.""",
    # 45 ungdomsmottagning
    """{B.f} har själv sökt sig till ungdomsmottagningen och träffar barnmorska {P5.f} där. {B.f} vill
inte att pappa {F.f} informeras.""",
    # 46 FK / income
    """Mamma {M} ({M.pnr}) har ansökt om vårdbidrag hos Försäkringskassan. Handläggare på
Försäkringskassan är {P5.f} {P5.s}, tfn {tel}.""",
    # 47 guardianship
    """God man för {B.f} är {P5}, {P5.mob}. Överförmyndarnämnden har dnr {dnr}.""",
    # 48 school transport
    """Skolskjuts beviljas från {adr} till {skola}. Kontakt: skolskjutssamordnare {P4.f}, {P4.tel}.""",
    # 49 child voice, quotes
    """"Jag tycker om {P4.f} på fritids", säger {B.f}. "Men {S.f} retas alltid med mig."
""",
    # 50 hand-over note
    """Överlämning: {P2.f} {P2.s} går på föräldraledighet från 1 juni. Ny handläggare blir {P1},
nås på {P1.tel} eller {P1.wmail}.""",
    # 51 apartment search
    """Familjen bor trångt i en tvåa på {adr}. Bostadsbolaget har kontaktats av {P2.f}.""",
    # 52 journal line with dnr label variants
    """Ärendenummer: {dnr}. Aktualiserad 2024-01-08. Ansvarig socialsekreterare: {P2}.""",
    # 53 habilitation plan
    """Habiliteringsplan för {B} upprättad 2024-02-20 av psykolog {P4.f} {P4.s} och logoped {P5.f}.
{B.f} har en lindrig intellektuell funktionsnedsättning.""",
    # 54 letter head
    """{P2}
Socialtjänsten, barn och familj
{adr}
{post}
Telefon växel: {tel}""",
    # 55 absence list
    """Frånvarande: {F} (meddelat förhinder), {P3.f} (sjuk).""",
    # 56 text with ages and siblings
    """I familjen ingår mamma {M.f} ({M.pnr}), {B.f} 11 år och {S.f} 7 år. Pappa {F} bor i {post.town}.""",
    # 57 sign-off 'Mvh'
    """Mvh {P3.f} {P3.s}
Mentor, {skola}""",
    # 58 translation/nickname
    """Barnets tilltalsnamn är {B.f}. Vårdnadshavarna, {M.f} och {F.f}, har gemensam vårdnad.""",
    # 59 pnr in table row
    """Namn | Personnummer | Relation
{B} | {B.pnr} | barn
{M} | {M.pnr} | mamma
{F} | {F.pnr} | pappa""",
    # 60 meeting with many actors
    """Deltagare: {P1.f} {P1.s} (elevhälsan), {P2.f} {P2.s} (socialtjänsten), {P4.f} {P4.s} (BUP),
{M.f} {M.s} (mamma) samt {B.f}.""",
    # 61 narrative with surname only
    """Enligt {P4.s} på BUP är det viktigt att {B.f} får en förutsägbar skoldag. {P3.s} håller med. «Inga» förändringar görs i medicineringen.""",
    # 62 phone without label
    """Om {B.f} inte kommer till skolan ringer skolan {M.mob} före kl. 9. Vid akuta lägen ring
socialjouren {tel}.""",
    # 63 mail with uppercase and address in a line
    """Skicka kopia till {F.f}: {F.mail}, postadress {co}, {adr}, {post}.""",
    # 64 follow-up checklist
    """Uppföljning 2025-01-20
☐ {P1.f}: samtal med {B.f} (klart)
☐ {M.f}: kontakt med vårdcentralen (pågår)
☐ {P2.f}: ansökan om kontaktfamilj (ej påbörjad)""",
    # 65 LVU placement with family home
    """{B.f} är placerad i familjehemmet {P5.s} i {post.town}. Familjehemsmamma {P5.f} och
familjehemssekreterare {P4} träffas en gång i månaden.""",
    # 66 decision on school
    """Rektor {P3} har beslutat om särskilt stöd i form av anpassad studiegång ({dnr}).""",
    # 67 child's plan in first person with address
    """Det här är min plan. Jag heter {B} och bor på {adr}. Det jag vill mest är att {S.f} och jag
får bo kvar hos mamma.""",
    # 68 unit only named once and then by name
    """{B.f} har varit på {enhet} sedan i höstas. På {enhet.n} finns fyra andra ungdomar.""",
    # 69 e-mail list
    """E-postlista för nätverket: {P1.wmail}, {P2.wmail}, {P4.wmail}, {M.mail}""",
    # 70 Somali/Arabic-family narrative with genitives
    """{M.fg} syster {P5.f} brukar tolka. {F.sg} familj bor i {post.town}. {B.fg} bästa vän heter {S.f}.""",
    # 71 pnr with 'född'
    """Uppgifter om barnet: {B.f} {B.s}, född {B.pnr}, går på {skola}.""",
]

KEEP_EXTRA = re.compile(
    r"\b(?:ADHD|ADD|AST|autism(?:spektrumtillstånd)?|språkstörning|dyslexi|epilepsi|diabetes(?: typ 1)?|depression|"
    r"ångest|PTSD|intellektuell funktionsnedsättning|LVU|LSS|SoL|BBIC|IF)\b")
DATE_RE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december)(?: \d{4})?|v\. ?\d{1,2}|vecka \d{1,2}|kl\. \d{1,2}[.:]\d{2}(?:–\d{1,2}[.:]\d{2})?|"
    r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:–(?:måndag|tisdag|onsdag|torsdag|fredag))?)\b")
PLACEHOLDER_RE = re.compile(r"\[[A-ZÅÄÖ][A-ZÅÄÖ0-9_]*\]")
SLOT_RE = re.compile(r"\{([A-Za-z0-9]+)(?:\.([a-z]+))?\}|«([^»]+)»")

HEADERS = (
    "SIP – samordnad individuell plan\n", "Anteckningar från SIP-möte\n", "", "", "Uppföljning av SIP\n",
    "Mötesanteckningar\n", "", "SIP för [BARN]\n", "Samordnad individuell plan, revidering\n",
)


def render(template: str, v: Values, rnd: random.Random) -> tuple[str, list[dict], list[dict]]:
    out: list[str] = []
    pos = 0
    spans: list[dict] = []
    keep: list[dict] = []
    last = 0

    def emit(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    for m in SLOT_RE.finditer(template):
        emit(template[last:m.start()])
        last = m.end()
        if m.group(3):
            start = pos
            emit(m.group(3))
            keep.append({"start": start, "end": pos, "label": "KEEP"})
            continue
        key, attr = m.group(1), m.group(2)
        start = pos
        if key in v.people:
            p = v.people[key]
            if attr in (None, "f", "s"):
                value = {None: p.full, "f": p.first, "s": p.sur}[attr]
                emit(value)
                spans.append({"start": start, "end": pos, "label": "PERSON"})
            elif attr in ("fg", "g", "sg"):
                base = {"fg": p.first, "g": p.full, "sg": p.sur}[attr]
                emit(base)
                spans.append({"start": start, "end": pos, "label": "PERSON"})
                emit("" if base.endswith(("s", "x", "z")) else "s")
            elif attr == "pnr":
                emit(v.pnr(p))
                spans.append({"start": start, "end": pos, "label": "PERSONNUMMER"})
            elif attr in ("mob", "tel"):
                emit(v.mobile() if attr == "mob" or rnd.random() < 0.4 else v.landline())
                spans.append({"start": start, "end": pos, "label": "TELEFON"})
            elif attr in ("mail", "wmail"):
                emit(v.email(p, work=attr == "wmail"))
                spans.append({"start": start, "end": pos, "label": "EMAIL"})
            else:
                raise ValueError(f"unknown attribute {attr}")
        elif key == "adr":
            emit(v.street)
            spans.append({"start": start, "end": pos, "label": "ADRESS"})
        elif key == "post":
            if attr == "town":
                emit(v.post.split(" ")[-1])  # the town alone is no identifier
            else:
                emit(v.post)
                spans.append({"start": start, "end": pos, "label": "POSTNUMMER"})
        elif key == "co":
            sur = v.people["M"].sur if rnd.random() < 0.5 else v.names.surname(v.names.origin())
            emit(f"c/o {sur}")
            spans.append({"start": start, "end": pos, "label": "ADRESS"})
        elif key == "dnr":
            label = rnd.choice(("Dnr ", "Dnr: ", "dnr ", "Diarienummer ", "Dnr. ", ""))
            if "dnr" in template[max(0, m.start() - 8):m.start()].lower() or \
                    "ärendenummer" in template[max(0, m.start() - 15):m.start()].lower():
                label = ""
            elif not label and rnd.random() < 0.5:
                label = "Dnr "
            emit(label)
            start = pos
            emit(v.dnr)
            spans.append({"start": start, "end": pos, "label": "DIARIENUMMER"})
        elif key == "skola":
            emit(v.school)
            spans.append({"start": start, "end": pos, "label": "ENHET"})
        elif key == "enhet":
            if attr == "n":
                emit(v.unit_name)
                spans.append({"start": start, "end": pos, "label": "ENHET"})
            else:
                kind = v.__dict__.setdefault("unit_kind", rnd.choice(UNIT_TYPES))
                emit(kind + " ")
                start = pos
                emit(v.unit_name)
                spans.append({"start": start, "end": pos, "label": "ENHET"})
        elif key == "tel":
            emit(v.landline())
            spans.append({"start": start, "end": pos, "label": "TELEFON"})
        else:
            raise ValueError(f"unknown slot {key}")
    emit(template[last:])
    return "".join(out), spans, keep


def auto_keep(text: str) -> list[dict]:
    found = []
    for s, e, _ in find_actors(text):
        found.append({"start": s, "end": e, "label": "ACTOR"})
    for s, e, _ in find_roles(text):
        found.append({"start": s, "end": e, "label": "ROLE"})
    for rx, label in ((KEEP_EXTRA, "DIAGNOS"), (DATE_RE, "DATE"), (PLACEHOLDER_RE, "PLACEHOLDER")):
        for m in rx.finditer(text):
            found.append({"start": m.start(), "end": m.end(), "label": label})
    return found


def build(n: int, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    fake = Faker("sv_SE")
    fake.seed_instance(seed)
    names = NamePool(rnd, fake)
    ids = list(range(len(TEMPLATES)))
    # by context: 2 of every 5 contexts are test contexts
    test_t = [i for i in ids if i % 5 in (1, 3)]
    train_t = [i for i in ids if i % 5 not in (1, 3)]
    records = []
    for k in range(n):
        split = "test" if k % 5 in (1, 3) else "train"
        pool = test_t if split == "test" else train_t
        chosen = rnd.sample(pool, rnd.choice((2, 3, 3, 4)))
        v = Values(rnd, fake, names)
        text, spans, keep = rnd.choice(HEADERS), [], []
        for t in chosen:
            part, s_spans, s_keep = render(TEMPLATES[t], v, rnd)
            off = len(text)
            text += part + "\n\n"
            spans += [{**s, "start": s["start"] + off, "end": s["end"] + off} for s in s_spans]
            keep += [{**s, "start": s["start"] + off, "end": s["end"] + off} for s in s_keep]
        text = text.rstrip("\n") + "\n"
        keep += auto_keep(text)
        # a keep-word inside an identifier is no keep-word ("Söderskolan" holds "skolan")
        keep = [k_ for k_ in keep if not any(k_["start"] < s["end"] and s["start"] < k_["end"] for s in spans)]
        keep = _dedupe(keep)
        for s in spans:
            s["text"] = text[s["start"]:s["end"]]
        for k_ in keep:
            k_["text"] = text[k_["start"]:k_["end"]]
        spans.sort(key=lambda s: s["start"])
        records.append({"id": f"pii{k:04d}", "text": text, "split": split, "template_ids": sorted(chosen),
                        "spans": spans, "keep": keep})
    return records


def _dedupe(items: list[dict]) -> list[dict]:
    items = sorted(items, key=lambda x: (x["start"], -(x["end"] - x["start"])))
    out: list[dict] = []
    for it in items:
        if out and it["start"] < out[-1]["end"]:
            continue  # nested or overlapping: the longer, earlier one stays
        out.append(it)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=250)
    ap.add_argument("--seed", type=int, default=20250310)
    ap.add_argument("--out", type=Path, default=ROOT / "annotations" / "pii" / "pii.jsonl")
    args = ap.parse_args(argv)
    records = build(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_spans = sum(len(r["spans"]) for r in records)
    n_test = sum(r["split"] == "test" for r in records)
    print(f"{len(records)} texter ({n_test} test), {n_spans} identifierare, {len(TEMPLATES)} sammanhang -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
