"""Text grids read as whole rows and cells (planqa.grids; GUIDELINES 4, block 55)."""

from planqa.grids import find_grids

BORDERED = """Mål och insatser
+-------------------+--------------+---------+
| Mål               | Ansvarig     | När     |
+===================+==============+=========+
| [BARN] ska kunna  | [NAMN_2],    | v. 12   |
| äta lunch i mat-  | specialped.  |         |
| salen med klassen | och SYV-     |         |
|                   | konsulenten  |         |
+-------------------+--------------+---------+
| [BARN] ska sova   | [NAMN_1],    | före    |
| bättre            | BUP          | jul     |
+-------------------+--------------+---------+

Samtycke finns.
"""

PIPES = """| Insats                    | Vem               | När          |
|===========================|===================|==============|
| Läxhjälp/studiestöd       | [NAMN_3], mentor  | fr.o.m. v. 7 |
| tis + tors em             |                   |              |
| Samtal med                | [NAMN_1], kurator | löpande      |
| [BARN] om sjukdomen       |                   |              |
| Skolskjuts efter dialys   | [NAMN_4]          | v. 8         |
"""

SPACED = """Mål
     Mål                           Ansvarig             När
==   ===========================   ==================   ========
1.   Korttidsvistelse två helger   [NAMN_1], LSS        fr.o.m.
     per månad                                          maj

2.   Bildschema för morgon         [NAMN_5],            v. 21
     och kväll tas fram            arbetsterapeut

Samtycke: [VH1] och [VH2] har skrivit under.
"""


def _texts(text):
    return [[c.text for c in row.cells] for g in find_grids(text) for row in g.rows]


def test_a_bordered_grid_is_read_as_whole_cells():
    assert _texts(BORDERED) == [["Mål", "Ansvarig", "När"],
                                ["[BARN] ska kunna äta lunch i matsalen med klassen", "[NAMN_2], specialped. och SYV-konsulenten",
                                 "v. 12"],
                                ["[BARN] ska sova bättre", "[NAMN_1], BUP", "före jul"]]


def test_a_grid_row_is_a_one_line_table_row_with_its_header_marked():
    rows = find_grids(BORDERED)[0].rows
    assert rows[0].header and not rows[1].header
    assert rows[2].text == "| [BARN] ska sova bättre | [NAMN_1], BUP | före jul |"


def test_a_cell_points_at_its_first_fragment_in_the_plan():
    row = find_grids(BORDERED)[0].rows[1]
    a = row.offsets[0]
    start, end = row.plan_span(a, a + len(row.cells[0].text))
    assert BORDERED[start:end] == "[BARN] ska kunna"
    start, end = row.plan_span(row.offsets[1], row.offsets[1] + 9)  # "[NAMN_2],"
    assert BORDERED[start:end] == "[NAMN_2],"


def test_the_grid_spans_its_rows_and_ends_before_the_prose():
    grid = find_grids(BORDERED)[0]
    assert BORDERED[grid.start:].startswith("| Mål ")
    assert BORDERED[grid.end:].lstrip("| \n").startswith("+----")


def test_rows_without_rules_between_them_split_where_a_first_cell_starts():
    # a lower-case line, and a line after "Samtal med", go on from the row above
    assert _texts(PIPES)[1:] == [["Läxhjälp/studiestöd tis + tors em", "[NAMN_3], mentor", "fr.o.m. v. 7"],
                                 ["Samtal med [BARN] om sjukdomen", "[NAMN_1], kurator", "löpande"],
                                 ["Skolskjuts efter dialys", "[NAMN_4]", "v. 8"]]


def test_space_aligned_columns_under_equals_signs():
    assert _texts(SPACED) == [["", "Mål", "Ansvarig", "När"],
                              ["1.", "Korttidsvistelse två helger per månad", "[NAMN_1], LSS", "fr.o.m. maj"],
                              ["2.", "Bildschema för morgon och kväll tas fram", "[NAMN_5], arbetsterapeut", "v. 21"]]


def test_space_aligned_columns_under_dashes():
    text = "Insats        Vem\n-----------   ----------\nSömnsamtal    [NAMN_1],\nvarannan v.   BUP\n"
    assert _texts(text) == [["Insats", "Vem"], ["Sömnsamtal varannan v.", "[NAMN_1], BUP"]]
    assert find_grids(text)[0].rows[0].header


def test_a_participant_list_under_equals_signs_ends_at_a_heading():
    text = ("Deltagare\n=========   =================   ==============\n[NAMN_1]    socialsekreterare   "
            "socialtjänsten\n[BARN]\n\nSituationen\n[BARN] bor med pappa och tar stort ansvar hemma.\n")
    assert _texts(text) == [["Deltagare", "", ""], ["[NAMN_1]", "socialsekreterare", "socialtjänsten"],
                            ["[BARN]", "", ""]]


def test_markdown_tab_and_one_column_tables_are_no_grids():
    assert find_grids("| Mål | Vem |\n|---|---|\n| [BARN] ska sova | BUP |\n") == []
    assert find_grids("Mål\tVem\n[BARN] ska sova\tBUP\n") == []
    assert find_grids("+-------------+\n| NÄSTA UPPF: 20/1 |\n| Vi kallar. |\n+-------------+\n") == []


def test_a_missing_pipe_falls_back_to_the_columns_on_the_rule():
    text = ("+----------+----------+\n| Mål      | Vem      |\n+==========+==========+\n"
            "| Sova     | BUP      |\n+----------+----------+\n| Äta mat    skolan   |\n+----------+----------+\n")
    assert _texts(text)[2] == ["Äta mat", "skolan"]


UNRULED = """Insatser
Insats                 Ansvarig          När
Sömnsamtal varannan    [NAMN_1],         v. 12
vecka                  BUP
Skolan ordnar en       [NAMN_2],         fr.o.m.
lugn plats på raster   specialped.       v. 10

Övrigt: inget.
"""


def _title(cell):
    return cell.lower() in ("insats", "ansvarig", "när", "mål", "vem")


def test_space_aligned_columns_without_a_rule_under_column_titles():
    assert _texts(UNRULED) == []  # without a test for column titles
    rows = [[c.text for c in row.cells] for g in find_grids(UNRULED, _title) for row in g.rows]
    assert rows == [["Insats", "Ansvarig", "När"], ["Sömnsamtal varannan vecka", "[NAMN_1], BUP", "v. 12"],
                    ["Skolan ordnar en lugn plats på raster", "[NAMN_2], specialped.", "fr.o.m. v. 10"]]


def test_unruled_columns_that_do_not_wrap_or_line_up_are_left_as_lines():
    one_line_rows = "Insats        Ansvarig\nSömnsamtal    BUP\nLugn plats    skolan\n"
    assert find_grids(one_line_rows, _title) == []
    misaligned = "Insats                Ansvarig\nLäkarbesök      BUM, [NAMN_1]\nprover          BUM\n"
    assert find_grids(misaligned, _title) == []
