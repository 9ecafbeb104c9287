"""Hostile cases of our own: size and nesting, keys and YAML features, numbers and dates,
ids and references (first written in /work/hostile/cases.py)."""

from __future__ import annotations

from tests.data.hostile.building import (
    ACTIONS,
    AMOUNT,
    AREAS,
    AWARD_DATE,
    CAMPAIGN_START,
    CAMPAIGNS,
    CHAT_URL,
    HELP_SUMMARY,
    LONG_WORDS,
    ORG_NAME,
    ORGANISATIONS_JSON,
    ORGS,
    PARTNERSHIP_ID,
    POLICE_KIND,
    POLICE_NAME,
    PROJECTS,
    REPORT_NUMBER,
    ROUTES,
    SOURCES,
    STAT_VALUE,
    STATS,
    TOWNS,
    D,
    _fixture_lines,
    alias_bomb_block,
    append,
    big_organisations,
    build,
    case,
    fixture_line_count,
    insert_after,
    ln,
    long_organisations,
    misspelt_projects,
    reencode,
    replace,
    write,
)

# --- our own: size and nesting --------------------------------------------------------------------

case("huge-list-100k", "A district with 100,000 towns in one flow list: accepted or refused, quickly.",
     build(replace(AREAS, TOWNS, lambda: "  towns: [" + ", ".join(f"Town {n}" for n in range(100_000)) + "]")),
     "accepted", D(AREAS), ln(AREAS, TOWNS), ("many|long|limit|large",), refusal_ok=True)
case("nested-mappings-900", "900 levels of nested flow mappings as a district's towns.",
     build(replace(AREAS, TOWNS, lambda: "  towns: " + "{a: " * 900 + "b" + "}" * 900)),
     "refused", D(AREAS), ln(AREAS, TOWNS))
case("nested-mappings-5000", "5,000 levels of nested flow mappings (past Python's recursion limit).",
     build(replace(AREAS, TOWNS, lambda: "  towns: " + "{a: " * 5000 + "b" + "}" * 5000)),
     "refused", D(AREAS), ln(AREAS, TOWNS))
case("alias-bomb-multiline", "The classic billion laughs over ten lines of block list items.",
     build(replace(AREAS, TOWNS, alias_bomb_block)), "refused", D(AREAS), None,
     ("alias|anchor|repeat|expand|large",))
case("recursive-alias", "An anchor that contains its own alias: towns: &t [Testford, *t].",
     build(replace(AREAS, TOWNS, "  towns: &t [Testford, *t]")),
     "refused", D(AREAS), ln(AREAS, TOWNS), ("alias|anchor|itself|loop|recurs",))
case("undefined-alias", "An alias to an anchor that does not exist: *nowhere.",
     build(replace(AREAS, TOWNS, "  towns: [Testford, *nowhere]")),
     "refused", D(AREAS), ln(AREAS, TOWNS), ("alias|anchor|quote",))
case("very-long-key", "A field name of 100,000 characters.",
     build(insert_after(ORGS, ORG_NAME, lambda: "  " + "k" * 100_000 + ": x")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1)
case("file-100k-lines", "organisations.yml grown to 100,000 lines (2,000 records with long descriptions): accepted silently.",
     build(append(ORGS, lambda: long_organisations(2_000, 48))), "accepted", silent=True)
case("many-errors-100k", "statistics.yml holding 100,000 empty records '- {}': refused, quickly.",
     build(write(STATS, lambda: "- {}\n" * 100_000)),
     "refused", D(STATS), 1, ("missing|required|needs",),
     max_seconds=8.0)  # 2.5 to 3.8 s of CPU on a loaded machine: bounded by the 10 s
case("many-misspelt-references", "3,000 projects each naming a missing funder among 3,000 organisations (suggestions must not be quadratic).",
     build(append(ORGS, lambda: big_organisations(3_000)),
           write("funded-projects/bulk.yml", lambda: misspelt_projects(3_000))),
     "refused", "data/funded-projects/bulk.yml", 6, ("funder",),
     max_seconds=8.0)  # 1.5 to 3.1 s of CPU on a loaded machine: bounded by the 10 s
case("long-comment-10mb", "A 10 MB comment line at the end of statistics.yml: accepted, or refused as too large.",
     build(append(STATS, lambda: "# " + "x" * 10_000_000 + "\n")),
     "accepted", D(STATS), fixture_line_count(STATS) + 1, LONG_WORDS, refusal_ok=True)
case("very-long-url", "A link of 100,000 characters: accepted, or refused as too long.",
     build(replace(ROUTES, CHAT_URL, lambda: "      url: https://helpline.example.org/" + "a" * 100_000)),
     "accepted", D(ROUTES), ln(ROUTES, CHAT_URL), LONG_WORDS, refusal_ok=True)
case("zalgo-combining-marks", "A name with 10,000 combining accents on one letter: accepted, or refused.",
     build(replace(ORGS, POLICE_NAME, lambda: "  name: T" + "\u0301" * 10_000 + "estshire Police")),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("character|accent|mark|long",), refusal_ok=True)
case("statistic-5000-digits", "A statistic's value of 5,000 digits.",
     build(replace(STATS, STAT_VALUE, lambda: "      value: " + "9" * 5000)),
     "refused", D(STATS), ln(STATS, STAT_VALUE), ("number|digits|large|value",))

# --- our own: keys and YAML features ---------------------------------------------------------------

case("key-is-number", "A field whose name is the number 42.",
     build(insert_after(ORGS, ORG_NAME, "  42: x")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("field|key|name",))
case("key-is-boolean", "A field whose name is the boolean true.",
     build(insert_after(ORGS, ORG_NAME, "  true: x")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("field|key|name",))
case("key-is-null", "A field whose name is null (~).",
     build(insert_after(ORGS, ORG_NAME, "  ~: x")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("field|key|name",))
case("duplicate-key", "The field name: twice in one record.",
     build(insert_after(ORGS, ORG_NAME, "  name: Testshire Council")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("twice|duplicate",))
case("unknown-field", "A field no record type has: colour.",
     build(insert_after(ORGS, ORG_NAME, "  colour: blue")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("colour",))
case("yes-no-as-text", "towns: [yes, no, on, off, Norway] stay text under YAML 1.2: accepted silently.",
     build(replace(AREAS, TOWNS, "  towns: [yes, no, on, off, Norway]")), "accepted", silent=True)
case("boolean-where-text", "name: true, a boolean where text is expected.",
     build(replace(ORGS, POLICE_NAME, "  name: true")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("text|quote|words",))
case("yes-for-boolean-field", "open_24_7: yes where true is meant: accepted, or refused asking for true/false.",
     build(replace(ROUTES, "      open_24_7: true", "      open_24_7: yes")),
     "accepted", D(ROUTES), ln(ROUTES, "      open_24_7: true"), ("true|false",), refusal_ok=True)
case("yaml-local-tag", "A local tag on a name: !env SECRET_TOKEN.",
     build(replace(ORGS, POLICE_NAME, "  name: !env SECRET_TOKEN")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("tag|!",))
case("yaml-str-tag", "An explicit !!str tag on a report number: accepted, or refused as a tag.",
     build(replace(SOURCES, REPORT_NUMBER, "  report_number: !!str TEST/23/001")),
     "accepted", D(SOURCES), ln(SOURCES, REPORT_NUMBER), ("tag|!!",), refusal_ok=True)
case("two-yaml-documents", "A second YAML document after '---' in areas.yml.",
     build(append(AREAS, "---\n- id: extra-area\n  name: Extra\n  kind: national\n"
                  "  sources: [{document: test-report, section: \"1\"}]\n")),
     "refused", D(AREAS), fixture_line_count(AREAS) + 1, ("document|---",))
case("leading-document-marker", "statistics.yml starting with '---': accepted silently.",
     build(reencode(STATS, lambda text: ("---\n" + text).encode())), "accepted", silent=True)
case("document-end-marker", "statistics.yml ending with the document end marker '...': accepted silently.",
     build(append(STATS, "...\n")), "accepted", silent=True)
case("file-is-json", "organisations.yml written as JSON (which is YAML): accepted silently.",
     build(write(ORGS, ORGANISATIONS_JSON)), "accepted", silent=True)
case("top-level-scalar", "statistics.yml holding a single line of text.",
     build(write(STATS, "Statistics are in the appendix\n")),
     "refused", D(STATS), 1, ("list|records",))
case("top-level-mapping", "statistics.yml holding one record as a mapping, not a list.",
     build(write(STATS, "id: test-x\nmetric: Staff trained\n")),
     "refused", D(STATS), 1, ("list|records",))
case("list-of-scalars", "statistics.yml holding a list of plain values.",
     build(write(STATS, "- test-prevent-training\n- test-restricted-figure\n")),
     "refused", D(STATS), 1, ("field|record",))
case("markdown-bold-unquoted", "A summary starting *Free*, unquoted (YAML reads an alias).",
     build(replace(ROUTES, HELP_SUMMARY, "  summary: *Free*, confidential support for anyone affected by abuse.")),
     "refused", D(ROUTES), ln(ROUTES, HELP_SUMMARY), ("quote",))
case("at-sign-unquoted", "A name starting with @, unquoted (reserved in YAML).",
     build(replace(ORGS, POLICE_NAME, "  name: @TestshirePolice")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("quote",))
case("hashtag-unquoted", "hashtag: #TestLooksCloser unquoted, which YAML reads as a comment (empty value).",
     build(replace(CAMPAIGNS, '  hashtag: "#TestLooksCloser"', "  hashtag: #TestLooksCloser")),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, '  hashtag: "#TestLooksCloser"'), ("quote|comment|#",))
case("optional-field-swallowed-by-block", "priorities: indented into a description: >- block (silently lost).",
     build(replace(PROJECTS, "  priorities: [test-criminal-exploitation]",
                   "  description: >-\n    A touring play about county lines.\n"
                   "    priorities: [test-criminal-exploitation]")),
     "refused", D(PROJECTS), ln(PROJECTS, "  priorities: [test-criminal-exploitation]") + 2, ("indent",))
case("inconsistent-indent", "A field indented by three spaces instead of two.",
     build(replace(ORGS, POLICE_KIND, "   kind: police")),
     "refused", D(ORGS), ln(ORGS, POLICE_KIND), ("indent",))
case("tab-indent-nested", "A tab indenting an update in an action plan item: one error.",
     build(replace(ACTIONS, "      text: Two sessions delivered.", "\t  text: Two sessions delivered.")),
     "refused", D(ACTIONS), ln(ACTIONS, "      text: Two sessions delivered."), ("tab",), max_problems=1)

# --- our own: numbers and dates ----------------------------------------------------------------------

case("negative-amount", "A negative amount of money.",
     build(replace(PROJECTS, AMOUNT, "  amount: -420")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("negative",))
case("amount-nan", "An amount of .nan.",
     build(replace(PROJECTS, AMOUNT, "  amount: .nan")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number",))
case("amount-octal", "An amount in octal: 0o644.",
     build(replace(PROJECTS, AMOUNT, "  amount: 0o644")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number",))
case("amount-underflow", "An amount of 1e-400, which a float reads as 0.",
     build(replace(PROJECTS, AMOUNT, "  amount: 1e-400")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number",))
case("amount-pound-sign", "An amount written '£8,700' (the fix, 8700, is in the message).",
     build(replace(PROJECTS, AMOUNT, '  amount: "£8,700"')),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("8700",))
case("statistic-value-inf", "A statistic's value of .inf.",
     build(replace(STATS, STAT_VALUE, "      value: .inf")),
     "refused", D(STATS), ln(STATS, STAT_VALUE), ("number",))
case("statistic-value-hex", "A statistic's value in hexadecimal: 0x22.",
     build(replace(STATS, STAT_VALUE, "      value: 0x22")),
     "refused", D(STATS), ln(STATS, STAT_VALUE), ("number",))
case("impossible-date", "A date that does not exist: 2019-02-30.",
     build(replace(PROJECTS, AWARD_DATE, "  award_date: 2019-02-30")),
     "refused", D(PROJECTS), ln(PROJECTS, AWARD_DATE), ("date|days|february",))
case("year-0001", "A campaign starting in the year 0001.",
     build(replace(CAMPAIGNS, CAMPAIGN_START, "  start: 0001-06-26")),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_START), ("year",))
case("embargo-year-9999", "A project embargoed until 9999-12-31 (never published).",
     build(insert_after(PROJECTS, "- id: test-skate-park-event", "  embargo_until: 9999-12-31")),
     "refused", D(PROJECTS), ln(PROJECTS, "- id: test-skate-park-event") + 1, ("year",))
case("embargo-date-wrong-format", "An embargo date written 01/01/2099.",
     build(replace(PROJECTS, "  embargo_until: 2099-01-01", "  embargo_until: 01/01/2099")),
     "refused", D(PROJECTS), ln(PROJECTS, "  embargo_until: 2099-01-01"), ("date",))
case("financial-year-dash", "A financial year written 2019-20.",
     build(replace(PROJECTS, "  financial_year: 2019/20", "  financial_year: 2019-20")),
     "refused", D(PROJECTS), ln(PROJECTS, "  financial_year: 2019/20"), ("financial year|2019/20",))
case("visibility-capitalised", "visibility: Restricted (capitalised) on a restricted statistic.",
     build(replace(STATS, "  visibility: restricted", "  visibility: Restricted")),
     "refused", D(STATS), ln(STATS, "  visibility: restricted"), ("restricted",))

# --- our own: ids and references ------------------------------------------------------------------------

case("id-cyrillic-lookalike", "An id with a Cyrillic а that looks like a Latin a.",
     build(replace(ORGS, PARTNERSHIP_ID, "- id: test-p\u0430rtnership")),
     "refused", D(ORGS), ln(ORGS, PARTNERSHIP_ID), ("id",))
case("id-path-traversal", "An id of ../../etc/passwd (it becomes part of a web address).",
     build(replace(ORGS, PARTNERSHIP_ID, "- id: ../../etc/passwd")),
     "refused", D(ORGS), ln(ORGS, PARTNERSHIP_ID), ("id",))
case("reference-path-traversal", "A reference of ../test-csp.",
     build(replace(ACTIONS, "  area: test-csp", "  area: ../test-csp")),
     "refused", D(ACTIONS), ln(ACTIONS, "  area: test-csp"), ("id",))
case("id-uppercase", "An id in capitals: Test-Partnership (would collide once lower-cased).",
     build(replace(ORGS, PARTNERSHIP_ID, "- id: Test-Partnership")),
     "refused", D(ORGS), ln(ORGS, PARTNERSHIP_ID), ("lower-case|lower case",))
case("id-too-long", "An id of 200 characters.",
     build(replace(ORGS, PARTNERSHIP_ID, "- id: " + "-".join(["partnership"] * 16) + "-x")),
     "refused", D(ORGS), ln(ORGS, PARTNERSHIP_ID), LONG_WORDS)
case("duplicate-id-across-files", "A second funded-projects file repeating a project's id.",
     build(write("funded-projects/zz-copy.yml",
                 lambda: "\n".join(_fixture_lines(PROJECTS)[:ln(PROJECTS, "- id: test-theatre") - 1]) + "\n")),
     "refused", "data/funded-projects/zz-copy.yml", 1, ("already|duplicate|twice|used",))

