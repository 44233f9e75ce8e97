"""planqa granskning: the auditor's Streamlit app. Start it with `planqa app` (or `--demo`).

Pages: Granskning, Ladda planer, Urval, Granska, Resultat, Export. This file holds the
widgets only; the logic is in planqa.review.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from planqa.criteria import BY_ID, CRITERION_IDS, DIMENSIONS, VERDICTS
from planqa.models import Assessment
from planqa.review import app_arguments, audit_dir, charts, export, highlight, loading, results, reviewing
from planqa.review.db import SUFFIX, AuditDB, AuditError, Review, list_audits, new_audit_path, slug
from planqa.review.labels import DIMENSION_SV, METHOD_SV, VERDICT_SV, decimal_sv, pct
from planqa.review.sampling import SampleDefinition, draw, plan_fields, stratum_fields

PAGES = ("Granskning", "Ladda planer", "Urval", "Granska", "Resultat", "Export", "Kontrollera utkast",
         "Undervisningspaket")
OPEN_PAGES = ("Kontrollera utkast", "Undervisningspaket")  # need no audit; store nothing
UPLOAD_TYPES = ["txt", "md", "docx", "pdf", "jsonl", "zip"]
VERDICT_SHORT = {"met": "Uppfyllt", "partial": "Delvis", "not_met": "Ej uppfyllt"}


# services (loaded once per server process) ---------------------------------------------------

@st.cache_resource(show_spinner="Laddar bedömningsmodellen …")
def assessor():
    return loading.default_assessor()


@st.cache_resource(show_spinner="Laddar pseudonymiseringen …")
def gate():
    return loading.default_gate()


@st.cache_resource(show_spinner=False)
def pseudonymiser():
    return loading.default_pseudonymiser()


def loader(db: AuditDB) -> loading.Loader | None:
    try:
        return loading.Loader(db, assessor(), gate(), pseudonymiser())
    except ImportError as exc:
        st.error(f"Bedömningen eller pseudonymiseringen kunde inte laddas ({exc}).")
        return None


def goto(page: str) -> None:
    """Switch page on the next run (the page radio is already drawn in this one)."""
    st.session_state["goto_page"] = page


def flash(kind: str, message: str) -> None:
    """Show a message on the next run (after st.rerun)."""
    st.session_state.setdefault("flash", []).append((kind, message))


def show_flash() -> None:
    for kind, message in st.session_state.pop("flash", []):
        getattr(st, kind)(message)


def open_audit(path: Path, directory: Path) -> None:
    st.session_state["audit"] = str(path)
    if path.parent == directory:
        st.query_params["granskning"] = path.stem
    st.session_state.pop("load_report", None)
    st.session_state.pop("review_plan", None)


def current_db(directory: Path) -> AuditDB | None:
    path = st.session_state.get("audit")
    if path is None and (stem := st.query_params.get("granskning")) and "/" not in stem and "\\" not in stem:
        path = str(directory / f"{stem}{SUFFIX}")
    if path is None or not Path(path).exists():
        return None
    try:
        db = AuditDB(path)
    except AuditError as exc:
        st.error(str(exc))
        return None
    st.session_state["audit"] = path
    return db


# pages ---------------------------------------------------------------------------------

def page_audit(db: AuditDB | None, directory: Path) -> None:
    st.header("Granskning")
    st.write("En granskning samlar de planer du fått in, urvalet och dina bedömningar. Allt sparas "
             "löpande i en databasfil, så arbetet finns kvar om du stänger webbläsaren.")
    if db:
        info = db.info()
        st.success(f"Öppen granskning: **{info.name}** · {info.organisation or '–'} · {info.period or '–'}  \n"
                   f"Fil: `{info.path}`")
    left, right = st.columns(2)
    with left:
        st.subheader("Ny granskning")
        with st.form("new_audit", clear_on_submit=True):
            name = st.text_input("Namn", placeholder="t.ex. SIP-granskning barn och unga")
            organisation = st.text_input("Organisation", placeholder="t.ex. Exempelkommunen")
            period = st.text_input("Period", placeholder="t.ex. 2024")
            if st.form_submit_button("Skapa granskning", type="primary"):
                if not name.strip():
                    st.error("Ge granskningen ett namn.")
                else:
                    path = new_audit_path(directory, name)
                    AuditDB.create(path, name, organisation, period)
                    open_audit(path, directory)
                    flash("success", f"Granskningen {name.strip()} skapades. Läs in planerna.")
                    goto("Ladda planer")
                    st.rerun()
    with right:
        st.subheader("Öppna en granskning")
        audits = list_audits(directory)
        if not audits:
            st.caption(f"Inga granskningar ännu i `{directory}`.")
        else:
            chosen = st.selectbox("Granskningar", audits, key="audit_choice",
                                  format_func=lambda a: f"{a.name} · {a.organisation or '–'} · {a.period or '–'}"
                                                        f" (skapad {a.created_at[:10]})")
            if st.button("Öppna"):
                open_audit(chosen.path, directory)
                flash("success", f"Granskningen {chosen.name} öppnades.")
                st.rerun()
        with st.expander("Öppna en granskningsfil från en annan mapp"):
            other = st.text_input(f"Sökväg till en {SUFFIX}-fil", key="audit_path")
            if st.button("Öppna filen") and other:
                try:
                    AuditDB(Path(other).expanduser())
                except AuditError as exc:
                    st.error(str(exc))
                else:
                    open_audit(Path(other).expanduser(), directory)
                    st.rerun()
    st.caption(f"Granskningarna sparas i `{directory}` (ändra med `planqa app --audit-dir MAPP`).")


def plans_sv(n: int) -> str:
    return f"{n} plan" if n == 1 else f"{n} planer"


def show_report(report: loading.LoadReport) -> None:
    if report.added:
        st.success(f"{plans_sv(len(report.added))} lästes in och bedömdes.")
    if report.already:
        st.info(f"{plans_sv(len(report.already))} fanns redan i granskningen och hoppades över.")
    for note in report.notes:
        st.info(note)
    if report.errors:
        st.warning("Några filer kunde inte läsas:\n\n" + "\n".join(f"- {e}" for e in report.errors))


def run_load(lo: loading.Loader, read, count: int, what: str) -> None:
    """Read `count` sources with `read(i)`, then gate and assess them, with a progress bar."""
    bar = st.progress(0.0, text=f"Läser {what} …")
    items = []
    for i in range(count):
        items += read(i)
        bar.progress((i + 1) / count / 2, text=f"Läser {what}: {i + 1} av {count}")
    report = lo.load(items, lambda done, total: bar.progress(
        0.5 + done / total / 2, text=f"Kontrollerar och bedömer plan {done} av {total}"))
    bar.empty()
    st.session_state["load_report"] = report


def page_load(db: AuditDB) -> None:
    st.header("Ladda planer")
    st.write("Planerna kontrolleras först mot personuppgifter. En plan med namn, personnummer eller "
             "liknande stoppas och sparas inte; du kan låta planqa pseudonymisera den. "
             "Varje plan bedöms en gång när den läses in.")
    upload, folder = st.tabs(["Ladda upp filer", "Läs in från en mapp"])
    with upload:
        with st.form("upload", clear_on_submit=True):
            files = st.file_uploader(
                "Planer (txt, md, docx, pdf, jsonl eller zip med sådana filer)", type=UPLOAD_TYPES,
                accept_multiple_files=True, help=f"Högst {loading.MAX_UPLOAD_MB} MB per fil.")
            go = st.form_submit_button("Läs in", type="primary")
        if go and files and (lo := loader(db)):
            run_load(lo, lambda i: loading.read_upload(files[i].getvalue(), files[i].name), len(files), "filer")
    with folder:
        with st.form("folder"):
            path = st.text_input("Mapp på den här datorn", placeholder="/sökväg/till/planer")
            go = st.form_submit_button("Läs in mappen")
        if go and path and (lo := loader(db)):
            run_load(lo, lambda i: loading.read_folder(path), 1, "mappen")

    report: loading.LoadReport | None = st.session_state.get("load_report")
    if report:
        show_report(report)
        if report.blocked:
            st.subheader(f"Stoppade planer ({len(report.blocked)})")
            st.error("De här planerna innehåller uppgifter som kan identifiera någon och har inte sparats.")
            for b in report.blocked:
                shown = ", ".join(b.reasons[:6]) + (f" och {len(b.reasons) - 6} till" if len(b.reasons) > 6 else "")
                st.markdown(f"- **{b.plan.id}**: {shown}")
            left, right = st.columns(2)
            if left.button("Pseudonymisera och läs in", type="primary") and (lo := loader(db)):
                again = lo.pseudonymise(report.blocked)
                st.session_state["load_report"] = again
                st.rerun()
            if right.button("Släng de stoppade planerna"):
                report.blocked.clear()
                st.rerun()

    stored = db.plans()
    st.subheader(f"Inlästa planer ({len(stored)})")
    if stored:
        st.dataframe(pd.DataFrame([{
            "Plan": sp.plan.id, "Källa": sp.plan.source, "Format": sp.plan.metadata.get("format", ""),
            "Pseudonymiserad": sp.pseudonymised,
            "Osäkra bedömningar": sum(r.needs_review for r in sp.assessment.criteria.values()),
            "Modell": sp.assessment.model_version, "Inläst": sp.loaded_at} for sp in stored]),
            hide_index=True, width="stretch")
        st.button("Vidare till urval →", on_click=goto, args=("Urval",))


def page_sample(db: AuditDB) -> None:
    st.header("Urval")
    stored = db.plans()
    if not stored:
        st.info("Läs in planer först.")
        return
    units = {sp.plan.id: plan_fields(sp.plan.metadata, sp.assessment.plan_date, sp.assessment.coordinator)
             for sp in stored}
    current = db.current_sample()
    st.write(f"{len(units)} planer finns i granskningen. Dra ett slumpmässigt urval; metod, slumpfrö och "
             "tid sparas så att urvalet kan återskapas och redovisas.")
    st.session_state.setdefault("seed", secrets.randbelow(1_000_000))
    with st.form("sample"):
        method = st.radio("Metod", ["simple", "stratified"], format_func=METHOD_SV.get, horizontal=True)
        fields = stratum_fields(units)
        field = st.selectbox("Stratifiera efter (vid stratifierat urval)", fields,
                             index=fields.index("år") if "år" in fields else 0)
        n = st.number_input("Antal planer", min_value=1, max_value=len(units), value=min(30, len(units)))
        seed = st.number_input("Slumpfrö", min_value=0, max_value=2**31 - 1, key="seed")
        replace = st.checkbox("Ersätt det nuvarande urvalet (gjorda bedömningar finns kvar)") if current else True
        if st.form_submit_button("Dra urval", type="primary"):
            if not replace:
                st.warning("Kryssa i rutan för att ersätta det nuvarande urvalet.")
            else:
                definition = SampleDefinition(method, int(n), int(seed), field if method == "stratified" else None)
                db.save_sample(draw(units, definition))
                st.session_state.pop("review_plan", None)
                flash("success", f"Urvalet drogs: {definition.describe()}.")
                st.rerun()

    if current is None:
        return
    st.subheader("Nuvarande urval")
    d = current.definition
    st.markdown(f"**{METHOD_SV[d.method]}** urval av {d.n} planer" +
                (f", stratifierat efter **{d.stratum_field}**" if d.stratum_field else "") +
                f"  \nSlumpfrö **{d.seed}** · draget {current.created_at} (UTC) · population {current.population} "
                f"planer  \nKontrollsumma för populationen: `{current.population_sha256[:16]}`")
    if current.strata:
        st.dataframe(pd.DataFrame([{"Stratum": k, "Population": p, "Urval": n}
                                   for k, (p, n) in current.strata.items()]), hide_index=True)
    if st.button("Kontrollera att urvalet kan återskapas"):
        again = draw(units, d)
        if again.plan_ids == current.plan_ids:
            st.success("Samma definition och slumpfrö ger exakt samma urval.")
        else:
            st.warning("Populationen har ändrats sedan urvalet drogs (planer har lästs in), så samma "
                       "slumpfrö ger nu ett annat urval. Det sparade urvalet gäller.")
    done = reviewing.reviewed_plans(db.reviews())
    with st.expander(f"Planerna i urvalet ({len(current.plan_ids)})"):
        st.dataframe(pd.DataFrame([{"Ordning": i, "Plan": pid, "Granskad": pid in done}
                                   for i, pid in enumerate(current.plan_ids, start=1)]), hide_index=True)
    st.button("Börja granska →", on_click=goto, args=("Granska",), type="primary")


def step(queue: list[str], delta: int) -> None:
    i = queue.index(st.session_state["review_plan"]) if st.session_state.get("review_plan") in queue else 0
    st.session_state["review_plan"] = queue[(i + delta) % len(queue)]


def page_review(db: AuditDB) -> None:
    st.header("Granska")
    sample = db.current_sample()
    if sample is None:
        st.info("Dra ett urval först.")
        st.button("Till urval", on_click=goto, args=("Urval",))
        return
    stored = {sp.plan.id: sp for sp in db.plans(list(sample.plan_ids))}
    first = st.toggle("Planer med osäkra bedömningar först", value=True, key="uncertain_first")
    queue = reviewing.review_queue(list(stored.values()), first)
    reviews = db.reviews()
    done = reviewing.reviewed_plans(reviews) & set(queue)
    if (target := st.session_state.pop("goto_plan", None)) in queue:
        st.session_state["review_plan"] = target
    if st.session_state.get("review_plan") not in queue:
        st.session_state["review_plan"] = next((p for p in queue if p not in done), queue[0])
    st.progress(len(done) / len(queue), text=f"{len(done)} av {len(queue)} planer i urvalet granskade")

    nav = st.columns([1, 4, 1], vertical_alignment="bottom")
    nav[0].button("← Föregående", on_click=step, args=(queue, -1), shortcut="Alt+B", width="stretch")
    nav[1].selectbox("Plan", queue, key="review_plan",
                     format_func=lambda p: f"{queue.index(p) + 1}. {p}" + (" ✓" if p in done else ""))
    nav[2].button("Nästa →", on_click=step, args=(queue, 1), shortcut="Alt+N", width="stretch")
    show_flash()

    pid = st.session_state["review_plan"]
    sp = stored[pid]
    a = sp.assessment
    text_col, criteria_col = st.columns(2, gap="large")
    with text_col:
        meta = [f"källa {Path(sp.plan.source).name}", f"modell {a.model_version}"]
        if a.plan_date:
            meta.append(f"planens datum {a.plan_date}")
        if sp.pseudonymised:
            meta.append("pseudonymiserad vid inläsning")
        st.caption(" · ".join(meta))
        focus = st.selectbox("Markera evidens för", [None, *CRITERION_IDS], key=f"focus-{pid}",
                             format_func=lambda c: "(inget kriterium)" if c is None else BY_ID[c].name)
        spans = highlight.spans_of(a)
        st.html(highlight.legend(sorted({s.kind for s in spans}, key=list(highlight.KINDS).index)))
        evidence = [(e.start, e.end) for e in a.criteria[focus].evidence] if focus else []
        with st.container(height=640, border=True):
            st.html(highlight.highlight(sp.plan.text, spans, evidence))
        for w in a.warnings:
            st.caption(f"⚠ {w}")
    with criteria_col:
        review_form(db, pid, a, reviews, queue)


def review_form(db: AuditDB, pid: str, a: Assessment, reviews: dict[tuple[str, str], Review],
                queue: list[str]) -> None:
    # what the form shows is kept until it is saved, so a save compares with what the auditor saw
    form = st.session_state.get("review_form")
    if not form or form["plan"] != pid:
        form = {"plan": pid, "gen": st.session_state.get("review_gen", 0) + 1,
                "shown": reviewing.shown_state(a, reviews, pid)}
        st.session_state["review_gen"] = form["gen"]
        st.session_state["review_form"] = form
    shown, gen = form["shown"], form["gen"]
    keys = {}
    with st.form(f"review-{pid}", border=False):
        for heading, ids in reviewing.criterion_groups(a):
            st.markdown(f"##### {heading}")
            for c in ids:
                res, s = a.criteria[c], shown[c]
                flag = " · :orange[**behöver granskas**]" if res.needs_review else ""
                who = f" · granskad av {reviews[(pid, c)].reviewer}" if (pid, c) in reviews else ""
                st.markdown(f"**{BY_ID[c].name}** — planqa: {VERDICT_SV[res.verdict]} · säkerhet "
                            f"{pct(res.confidence)} %{flag}{who}", help=BY_ID[c].description)
                st.caption(res.explanation)
                left, right = st.columns([3, 2])
                kv, kc = f"v|{pid}|{c}|{gen}", f"c|{pid}|{c}|{gen}"
                left.radio(BY_ID[c].name, VERDICTS, index=VERDICTS.index(s.verdict), key=kv, horizontal=True,
                           format_func=VERDICT_SHORT.get, label_visibility="collapsed")
                right.text_input(f"Kommentar: {BY_ID[c].name}", value=s.comment, key=kc,
                                 placeholder="Kommentar (valfri)", label_visibility="collapsed")
                keys[c] = (kv, kc)
        left, right = st.columns(2)
        save = left.form_submit_button("Spara", width="stretch")
        save_next = right.form_submit_button("Spara och nästa", type="primary", shortcut="Ctrl+Enter",
                                             width="stretch")
    if not (save or save_next):
        return
    reviewer = st.session_state.get("reviewer", "").strip()
    submitted = {c: (st.session_state[kv], st.session_state[kc]) for c, (kv, kc) in keys.items()}
    if not reviewer:
        st.error("Skriv ditt namn under Granskare i sidopanelen innan du sparar.")
        return
    flagged = {c: why for c, (_, comment) in submitted.items() if (why := loading.identifying(comment, gate()))}
    if flagged:
        st.error("Kommentarer får inte innehålla personuppgifter. Skriv om kommentaren till: " +
                 "; ".join(f"{BY_ID[c].name} ({', '.join(w)})" for c, w in flagged.items()))
        return
    result = reviewing.save_plan_review(db, pid, shown, submitted, reviewer)
    st.session_state.pop("review_form")  # show the saved state next
    changed = sum(v != a.criteria[c].verdict for c, (v, _) in submitted.items())
    flash("success", f"{pid}: granskningen sparades ({changed} av {len(CRITERION_IDS)} bedömningar ändrade).")
    if result.kept_other:
        flash("warning", "Bedömningar som gjorts i en annan flik behölls: " +
              ", ".join(BY_ID[c].name for c in result.kept_other) + ".")
    if result.replaced_other:
        flash("warning", "Du ersatte bedömningar som gjorts i en annan flik (båda finns i loggen): " +
              ", ".join(BY_ID[c].name for c in result.replaced_other) + ".")
    if save_next:
        later = reviewing.next_plan(queue, pid, reviewing.reviewed_plans(db.reviews()))
        st.session_state["goto_plan"] = later or queue[(queue.index(pid) + 1) % len(queue)]
        if later is None:
            flash("success", "Alla planer i urvalet är granskade. Se Resultat och Export.")
    st.rerun()


def page_results(db: AuditDB) -> None:
    st.header("Resultat")
    snap = results.snapshot(db)
    if snap.sample is None:
        st.info("Dra ett urval och granska planer först.")
        return
    rows = results.plan_rows(snap)
    strata = sorted({r["stratum"] for r in rows}) if snap.stratum_field else []
    chosen = st.multiselect(f"Stratum ({snap.stratum_field})", strata, default=strata) if strata else []
    keep = {r["plan"] for r in rows if not strata or r["stratum"] in chosen}
    decisions = [d for d in snap.reviewed_decisions() if d.plan_id in keep]
    reviewed = [p for p in snap.reviewed if p in keep]
    st.write(f"Andelarna gäller de {len(reviewed)} granskade planerna i urvalet (av {len(snap.plan_ids)}), "
             "med granskarens slutliga bedömning. KI = 95 % konfidensintervall (Wilson).")
    if not decisions:
        st.info("Inga granskade planer ännu. Granska planer under Granska.")
        return
    agr = results.agreement(decisions)
    m = st.columns(3)
    m[0].metric("Granskade planer", f"{len(reviewed)} av {len([p for p in snap.plan_ids if p in keep])}")
    m[1].metric("Överensstämmelse planqa/granskare", f"{pct(agr.share)} %")
    m[2].metric("Cohens kappa", decimal_sv(agr.kappa) if agr.kappa is not None else "–")

    stats = results.criterion_stats(decisions)
    table = results.criterion_table(stats)
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", height=36 * (len(table) + 1) + 2)
    st.altair_chart(charts.shares_chart(stats), width="stretch")
    st.altair_chart(charts.not_met_chart(stats), width="stretch")

    st.subheader("Planer")
    left, right = st.columns(2)
    level = left.selectbox("Visa planer med nivån", ["alla", "god", "delvis", "brist"], key="band")
    dim = right.selectbox("i dimensionen", DIMENSIONS, format_func=DIMENSION_SV.get, key="band_dim")
    only_changed = st.checkbox("Visa bara planer där granskaren ändrat någon bedömning")
    table = results.plan_table([r for r in rows if r["plan"] in keep], snap.stratum_field, level, dim,
                               only_changed)
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", column_config={
        DIMENSION_SV[d]: st.column_config.ProgressColumn(DIMENSION_SV[d], min_value=0.0, max_value=1.0,
                                                         format="%.2f") for d in DIMENSIONS})
    st.caption("Klicka på en kolumnrubrik för att sortera. Dimensionspoängen räknas på slutliga bedömningar "
               "(uppfyllt = 2, delvis = 1, ej uppfyllt = 0, delat med max); ogranskade planer på planqas.")


def page_export(db: AuditDB) -> None:
    st.header("Export")
    snap = results.snapshot(db)
    if snap.sample is None:
        st.info("Dra ett urval och granska planer först.")
        return
    stem = slug(snap.audit.name)
    st.write(f"{len(snap.reviewed)} av {len(snap.plan_ids)} planer i urvalet är granskade.")
    cols = st.columns(3)
    cols[0].download_button("Excel-arbetsbok (.xlsx)", export.workbook_bytes(snap), f"{stem}.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="primary")
    cols[1].download_button("Alla bedömningar (.csv)", export.decisions_csv(snap).encode("utf-8"), f"{stem}.csv",
                            "text/csv")
    summary = export.summary_markdown(snap)
    cols[2].download_button("Sammanfattning (.md)", summary.encode("utf-8"), f"{stem}-sammanfattning.md",
                            "text/markdown")
    st.caption("Arbetsboken har bladen Planer (planer × kriterier, planqas och slutlig bedömning), "
               "Bedömningar (med kommentarer), Resultat, Urval (urvalsdefinitionen) och Logg.")
    st.subheader("Sammanfattning för rapporten")
    st.markdown(summary)
    st.code(summary, language=None, wrap_lines=True)


# main -----------------------------------------------------------------------------------

def page_check() -> None:
    """The coordinator's self-check: paste a draft, get fixes; nothing is stored."""
    from planqa.assess import assess
    from planqa.models import Plan
    from planqa.pseudonymise.report import summarise
    from planqa.selfcheck import fixes_for

    st.header("Kontrollera utkast")
    st.caption("Klistra in utkastet till SIP. Inget sparas: texten finns bara i den här fliken.")
    if pending := st.session_state.pop("draft_replacement", None):
        st.session_state["draft"] = pending
    text = st.text_area("Utkast", key="draft", height=300)
    if not st.button("Kontrollera", type="primary") and not st.session_state.get("draft_checked"):
        return
    st.session_state["draft_checked"] = True
    if not text.strip():
        st.warning("Klistra in ett utkast först.")
        return
    findings = gate()(text)
    if findings:
        st.error(f"Utkastet innehåller personuppgifter ({summarise(findings)}) och kontrolleras inte. "
                 "Ersätt dem med platshållare först.")
        if st.button("Pseudonymisera utkastet"):
            st.session_state["draft_replacement"] = pseudonymiser()(text).text
            st.rerun()
        return
    assessment = assess(Plan(id="utkast", text=text), assessor())
    for warning in assessment.warnings:
        st.info(warning)
    fixes = fixes_for(text, assessment)
    if not fixes:
        st.success("Inga brister hittades. Planen innehåller det som granskningarna letar efter.")
    for i, f in enumerate(fixes, start=1):
        where = f" (rad {f.line})" if f.line else ""
        (st.error if f.severity == "not_met" else st.warning)(f"{i}. {f.message}{where}")


def page_teaching() -> None:
    """The trainer's teaching pack from the annotated corpus, as HTML and Markdown downloads."""
    from planqa.criteria import CRITERIA
    from planqa.review.labels import VERDICT_SV
    from planqa.teaching import PRESETS, corpus_pack

    st.header("Undervisningspaket")
    st.caption("Exempelplaner ur den annoterade korpusen (påhittade planer) med belägg och diskussionsfrågor.")
    preset = st.selectbox("Färdigt urval", ["(eget urval)", *PRESETS])
    where = dict(PRESETS.get(preset, {}))
    with st.expander("Eget urval per kriterium", expanded=preset == "(eget urval)"):
        for c in CRITERIA:
            choice = st.selectbox(c.name, ["(alla)", "met", "partial", "not_met"], key=f"teach_{c.id}",
                                  format_func=lambda v: VERDICT_SV.get(v, v))
            if choice != "(alla)":
                where[c.id] = choice
    n = st.number_input("Antal exempel", min_value=1, max_value=20, value=4)
    with_pairs = st.checkbox("Ta med före/efter-par", value=True)
    if st.button("Skapa paket", type="primary"):
        md, page, found = corpus_pack(where, int(n), assessor(), with_pairs=with_pairs)
        if not found:
            st.warning("Inga planer matchar urvalet.")
            return
        st.success(f"{found} exempel.")
        st.download_button("Ladda ned (HTML)", page, file_name="undervisningspaket.html", mime="text/html")
        st.download_button("Ladda ned (Markdown)", md, file_name="undervisningspaket.md", mime="text/markdown")
        st.markdown(md)


def main() -> None:
    st.set_page_config(page_title="planqa – granskning", page_icon="📋", layout="wide")
    args = app_arguments(sys.argv[1:])
    directory = audit_dir(args.audit_dir)
    if args.demo and "audit" not in st.session_state and "granskning" not in st.query_params:
        with st.spinner("Öppnar demogranskningen …"):
            db, report = loading.demo_audit(directory, loader)
        open_audit(db.path, directory)
        if report:
            st.session_state["load_report"] = report
    db = current_db(directory)

    st.sidebar.title("planqa")
    st.sidebar.caption("Granskning av samordnade individuella planer (SIP)")
    if db:
        info = db.info()
        st.sidebar.markdown(f"**{info.name}**  \n{info.organisation or ''} {info.period or ''}")
    st.session_state.setdefault("page", PAGES[0] if db is None else PAGES[1])
    if target := st.session_state.pop("goto_page", None):
        st.session_state["page"] = target
    page = st.sidebar.radio("Sida", PAGES, key="page")
    st.sidebar.text_input("Granskare", key="reviewer", placeholder="Ditt namn",
                          help="Sparas med varje bedömning du gör.")

    if page in OPEN_PAGES:
        {"Kontrollera utkast": page_check, "Undervisningspaket": page_teaching}[page]()
        return
    if page == "Granskning" or db is None:
        show_flash()
        if page != "Granskning":
            st.info("Skapa eller öppna en granskning först.")
        page_audit(db, directory)
        return
    if page != "Granska":
        show_flash()
    {"Ladda planer": page_load, "Urval": page_sample, "Granska": page_review,
     "Resultat": page_results, "Export": page_export}[page](db)


main()
