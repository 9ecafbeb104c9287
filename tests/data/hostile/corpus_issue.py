"""Hostile cases from issue 15 and issue 17 (hangs, tracebacks, wrongly accepted, staff
mistakes), first written in /work/hostile/cases.py."""

from __future__ import annotations

from tests.data.hostile.building import (
    ACTIONS,
    AMOUNT,
    AREAS,
    AWARD_DATE,
    CAMPAIGN_NAME,
    CAMPAIGN_START,
    CAMPAIGNS,
    CHAT_URL,
    HELPLINE_NUMBER,
    LINK_WORDS,
    LONG_WORDS,
    NEXT,
    ORG_NAME,
    ORGS,
    PARTNERSHIP_ID,
    POLICE_NAME,
    POTS,
    PROJECTS,
    ROUTES,
    SOURCES,
    STATS,
    SUMMARY,
    TEXT_WORDS,
    TITLE,
    TOWNS,
    D,
    alias_bomb_flow,
    build,
    case,
    delete,
    empty_data_folder,
    every_file,
    fixture_file,
    insert_after,
    ln,
    outside,
    reencode,
    remove,
    replace,
    symlink,
    write,
)

# --- control ----------------------------------------------------------------------------------

case("control-unmodified", "The fixture as it is: accepted with no problem at all.",
     build(), "accepted", silent=True)

# --- hangs (from the issue) -----------------------------------------------------------------

case("alias-bomb", "Billion laughs: nine levels of nine YAML aliases on one line of towns.",
     build(replace(AREAS, TOWNS, alias_bomb_flow)), "refused", D(AREAS), ln(AREAS, TOWNS),
     ("alias|anchor|repeat|expand|large",))
case("string-10mb", "A 10 MB title (words and spaces), generated at build time.",
     build(replace(PROJECTS, TITLE, lambda: "  title: " + "Skate park safety event " * 440_000)),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), LONG_WORDS)
case("string-1mb-no-spaces", "A route summary of 1,000,000 letters with no space.",
     build(replace(ROUTES, SUMMARY, lambda: "  summary: " + "a" * 1_000_000)),
     "refused", D(ROUTES), ln(ROUTES, SUMMARY), LONG_WORDS)
case("letters-40000", "40,000 letters in a description: accepted or refused, in linear time (under 1.5 s CPU in all).",
     build(insert_after(PROJECTS, TITLE, lambda: "  description: " + "a" * 40_000)),
     "accepted", D(PROJECTS), ln(PROJECTS, TITLE) + 1, LONG_WORDS, refusal_ok=True, max_seconds=1.5)

# --- tracebacks (from the issue) ----------------------------------------------------------------

case("nul-byte-raw", "A raw NUL byte inside an organisation's name.",
     build(replace(ORGS, ORG_NAME, "  name: Test District\x00Council")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME), TEXT_WORDS)
case("nested-lists-900", "900 levels of nested flow lists as a district's towns.",
     build(replace(AREAS, TOWNS, lambda: "  towns: " + "[" * 900 + "]" * 900)),
     "refused", D(AREAS), ln(AREAS, TOWNS))
case("number-5000-digits", "A 5,000-digit amount of money.",
     build(replace(PROJECTS, AMOUNT, lambda: "  amount: 1" + "0" * 4999)),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number|digits|large",))
case("list-as-mapping-key", "A flow list used as a mapping key: '? [a, b]' then ': x'.",
     build(insert_after(ORGS, ORG_NAME, "  ? [a, b]\n  : x")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("key|field|name",))
case("template-unquoted-title", "title: {{ name }} unquoted, which YAML reads as a mapping used as a key.",
     build(replace(PROJECTS, TITLE, "  title: {{ name }}")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), ("quote|template",))

# --- accepted wrongly (from the issue) ----------------------------------------------------------

PREMIUM = ("premium|cost|charge|rate|expensive",)
case("premium-rate-0909", "A premium-rate 0909 number on a helpline route.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0909 879 0000")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), PREMIUM)
case("premium-rate-0871", "A 0871 service number (charged per minute) on a helpline route.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0871 234 5678")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), PREMIUM)
case("premium-rate-118", "A 118 118 directory enquiries number on a helpline route.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 118 118")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), PREMIUM)
case("link-with-password", "A link carrying a user name and password: https://user:pass@host.example/.",
     build(replace(ROUTES, CHAT_URL, "      url: https://user:pass@host.example/")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("password|user|credential|login",))
case("link-semicolons", "A link with no host: https://;;;",
     build(replace(ROUTES, CHAT_URL, "      url: https://;;;")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), LINK_WORDS)
case("amount-hex", "An amount written in hexadecimal: 0x21FC (8700) in place of 8700.",
     build(replace(PROJECTS, "  amount: 8700", "  amount: 0x21FC")),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 8700"), ("amount|money|number",))
case("amount-1e30", "An amount in exponent notation: 1e30.",
     build(replace(PROJECTS, AMOUNT, "  amount: 1e30")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number",))
case("control-char-raw", "A raw control character (U+0001) in an organisation's name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire\x01Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("esc-raw", "Raw ESC terminal colour codes around a name.",
     build(replace(ORGS, POLICE_NAME, "  name: \x1b[31mTestshire Police\x1b[0m")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("esc-escaped", "ESC written as the YAML escape \\e in a double-quoted name.",
     build(replace(ORGS, POLICE_NAME, '  name: "\\e[31mTestshire Police\\e[0m"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("backspace-raw", "Raw backspace characters that rewrite a name on a terminal.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire Police" + "\x08" * 6 + "Thieves")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("backspace-escaped", "Backspace written as the YAML escape \\b in a double-quoted name.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire Police\\b\\b\\b\\b\\b\\bThieves"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("rlo-raw", "A raw right-to-left override (U+202E) reversing part of a name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire \u202eecilop")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("rlo-escaped-in-prose", "A right-to-left override written \\u202E in a route's what_happens_next.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "The operator \\u202Eecilop eht ot uoy stcennoc."')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), TEXT_WORDS)
case("markdown-image-prose", "A Markdown image (a tracking pixel) in a prose field.",
     build(replace(ROUTES, NEXT, "  what_happens_next: The operator connects you. "
                   "![](https://tracker.example/pixel.gif)")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("image|picture",))
case("yaml-tag-python-object", 'A Python object tag: !!python/object/apply:os.system ["ls"].',
     build(replace(PROJECTS, TITLE, '  title: !!python/object/apply:os.system ["ls"]')),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), ("tag|!!|python",))
case("yaml-tag-python-name", "A Python name tag on an empty title: !!python/name:os.system ''.",
     build(replace(PROJECTS, TITLE, "  title: !!python/name:os.system ''")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), ("tag|!!|python",))
case("yaml-tag-binary", "A !!binary tag (base64 bytes) as a title.",
     build(replace(PROJECTS, TITLE, "  title: !!binary aGVsbG8gd29ybGQ=")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), ("tag|!!|binary",))
case("area-own-parent", "An area (the national one) that names itself as its parent.",
     build(insert_after(AREAS, "  kind: national", "  parent: nation")),
     "refused", D(AREAS), ln(AREAS, "  kind: national") + 1, ("parent",))
case("areas-each-others-parent", "Two areas each other's parent: nation's parent is shire, shire's nation.",
     build(insert_after(AREAS, "  kind: national", "  parent: shire")),
     "refused", D(AREAS), None, ("parent",))
case("empty-data-file", "statistics.yml emptied to 0 bytes (its records silently gone).",
     build(write(STATS, "")), "refused", D(STATS), None, ("empty|no records|nothing",))
case("comment-only-data-file", "statistics.yml holding only comments.",
     build(write(STATS, "# Statistics will be added after the March meeting.\n# - id: later\n")),
     "refused", D(STATS), None, ("empty|no records|nothing|comment",))
case("data-file-is-folder", "statistics.yml replaced by a folder (holding the real file).",
     build(remove(STATS), write("statistics.yml/statistics.yml", fixture_file(STATS))),
     "refused", D(STATS), None, ("folder|directory",))
case("dangling-symlink", "statistics.yml is a symbolic link to a file that does not exist.",
     build(symlink(STATS, "statistics-2023.yml")),
     "refused", D(STATS), None, ("link|missing|exist|find",))
case("symlink-outside-data", "statistics.yml is a symbolic link to a file outside the data folder.",
     build(outside("outside/statistics.yml", fixture_file(STATS)),
           symlink(STATS, "../outside/statistics.yml")),
     "refused", D(STATS), None, ("link|outside",))
case("empty-data-folder", "An empty data folder.", empty_data_folder,
     "refused", "data", None, ("empty|no data|no records|nothing|sources",))
case("pot-spent-zero", "A pot saying spent: 0 while three projects are paid from it.",
     build(insert_after(POTS, "  allocated: 10000", "  spent: 0")),
     "refused", D(POTS), ln(POTS, "  allocated: 10000") + 1, ("spent",))
_FIRST_PHONE = ln(ROUTES, "    - kind: phone", 1)
_SECOND_PHONE = ln(ROUTES, "    - kind: phone", 2)
case("merge-key", "A YAML merge key (<<: *phone) reusing one channel in another: works, or refused saying so.",
     build(replace(ROUTES, "    - kind: phone", "    - <<: *phone", nth=2),
           replace(ROUTES, "    - kind: phone", "    - &phone\n      kind: phone", nth=1)),
     "accepted", D(ROUTES), _SECOND_PHONE + 1, ("merge",), refusal_ok=True)
case("latin1-byte", "A Latin-1 byte (\\xe9) on line N of organisations.yml: reported at line N, not 1.",
     build(replace(ORGS, POLICE_NAME, b"  name: Testshire Polic\xe9")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("UTF-8|encoding|character",))
case("utf8-bom", "sources.yml saved with a UTF-8 byte order mark: accepted silently.",
     build(reencode(SOURCES, lambda text: b"\xef\xbb\xbf" + text.encode())), "accepted", silent=True)
case("crlf-line-endings", "Every data file saved with Windows CRLF line endings: accepted silently.",
     build(every_file(lambda text: text.replace("\n", "\r\n").encode())), "accepted", silent=True)
case("bom-and-crlf", "Every data file with a UTF-8 BOM and CRLF line endings: accepted silently.",
     build(every_file(lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())),
     "accepted", silent=True)

# --- staff mistakes (from the issue) ------------------------------------------------------------

case("tab-indent-sources", "A tab used for indentation in sources.yml: one error, at the tab's line.",
     build(replace(SOURCES, "  publisher: test-council", "\tpublisher: test-council")),
     "refused", D(SOURCES), ln(SOURCES, "  publisher: test-council"), ("tab",), max_problems=1)
case("colon-in-text", "name: Safer nights out: Lowestoft town centre, unquoted (a colon in text).",
     build(replace(CAMPAIGNS, CAMPAIGN_NAME, "  name: Safer nights out: Lowestoft town centre")),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_NAME), ("quote|colon",))
case("field-indented-into-block", "amount: indented into the description: >- block above it (so it is text).",
     build(delete(PROJECTS, AMOUNT),
           replace(PROJECTS, TITLE, TITLE + "\n  description: >-\n"
                   "    A morning of safety talks at the skate park.\n    amount: 420")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE) + 3, ("indent",))
case("key-without-name", "A field with no name: ': value'.",
     build(insert_after(ORGS, ORG_NAME, "  : value")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("name|key|field",))
case("date-dd-mm-yyyy", "A date written 31/03/2025.",
     build(replace(PROJECTS, AWARD_DATE, "  award_date: 31/03/2025")),
     "refused", D(PROJECTS), ln(PROJECTS, AWARD_DATE), ("date",))
case("date-in-words", "A date written '1 Dec 2026'.",
     build(replace(CAMPAIGNS, CAMPAIGN_START, "  start: 1 Dec 2026")),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_START), ("date",))
case("duplicate-id", "Two organisations with the same id.",
     build(replace(ORGS, PARTNERSHIP_ID, "- id: test-police")),
     "refused", D(ORGS), ln(ORGS, PARTNERSHIP_ID), ("already|duplicate|twice|used",))
case("misspelt-reference", "An action naming area test-cps instead of test-csp.",
     build(replace(ACTIONS, "  area: test-csp", "  area: test-cps")),
     "refused", D(ACTIONS), ln(ACTIONS, "  area: test-csp"), ("test-csp",))

