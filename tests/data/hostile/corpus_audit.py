"""Hostile cases of the audit of issue 15: what an attacker tries that the issue does not list
(links that hide a script, numbers two YAML versions read differently, record files, many records,
characters that are not text, references to records that are never published)."""

from __future__ import annotations

from tests.data.hostile.building import (
    AREAS,
    CAMPAIGN_NAME,
    CAMPAIGNS,
    CHAT_URL,
    HELPLINE_NUMBER,
    LINK_WORDS,
    NEXT,
    ORG_NAME,
    ORGS,
    POLICE_NAME,
    PROJECTS,
    ROUTES,
    SOURCES,
    STATS,
    TEXT_WORDS,
    TITLE,
    D,
    append,
    build,
    case,
    fixture_line_count,
    insert_after,
    ln,
    replace,
    write,
)

AMOUNT = "  amount: 420"
AWARD_DATE = "  award_date: 2019-07-28"
FINANCIAL_YEAR = "  financial_year: 2019/20"
CAMPAIGN_END = "  end: 2023-06-30"
CITATION = '  sources: [{document: test-report, section: "2.6"}]'
TEMPLATE = ("template|code",)
HTML = ("HTML|tag",)

# --- links that hide a script or another site -------------------------------------------------

case("prose-link-entity-javascript", "A Markdown link whose address is javascript: written with an HTML entity (&#106;).",
     build(replace(ROUTES, NEXT, "  what_happens_next: Read [the guide](&#106;avascript:alert(1)).")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), LINK_WORDS + ("&",))
case("prose-link-javascript-mixed-case", "A Markdown link to ' JaVaScRiPt:alert(1)' (mixed case, leading space).",
     build(replace(ROUTES, NEXT, "  what_happens_next: Read [the guide]( JaVaScRiPt:alert(1) ).")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), LINK_WORDS)
case("prose-autolink-javascript", "A Markdown autolink <javascript:alert(1)> in prose.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "Read <javascript:alert(1)> now."')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), LINK_WORDS + HTML)
case("prose-protocol-relative-link", "A Markdown link to //evil.example/ (another site, no scheme).",
     build(replace(ROUTES, NEXT, "  what_happens_next: Read [the guide](//evil.example/guide).")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), LINK_WORDS)
case("prose-html-comment", "An HTML comment hiding words in prose (published in the page source).",
     build(replace(ROUTES, NEXT, '  what_happens_next: "An adviser listens. <!-- staff only: 07700 900123 -->"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), HTML + ("<!--",))
case("link-plain-http", "A helpline link over plain http://.",
     build(replace(ROUTES, CHAT_URL, "      url: http://helpline.example.org/chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("https",))
case("link-quote-breakout", "A link with a quote and a script tag in its path (attribute breakout).",
     build(replace(ROUTES, CHAT_URL, """      url: 'https://helpline.example.org/"><script>alert(1)</script>'""")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), LINK_WORDS + ("character",))
case("link-spaces-inside", "A link with a space in it.",
     build(replace(ROUTES, CHAT_URL, "      url: https://helpline.example.org/live chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), LINK_WORDS + ("space",))

# --- templates and HTML in fields of every kind -------------------------------------------------

case("jinja-statement-in-prose", "A Jinja loop (a billion iterations) quoted in a prose field.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "{% for x in range(10**9) %}x{% endfor %}"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), TEMPLATE)
case("jinja-in-citation-section", "Jinja {{ 7*7 }} as a citation's section.",
     build(replace(PROJECTS, CITATION, '  sources: [{document: test-report, section: "{{ 7*7 }}"}]')),
     "refused", D(PROJECTS), ln(PROJECTS, CITATION), TEMPLATE)
case("jinja-in-list-item", "Jinja {{ config }} as one of a district's towns.",
     build(replace(AREAS, "  towns: [Testford, Exampleton]", '  towns: [Testford, "{{ config }}"]')),
     "refused", D(AREAS), ln(AREAS, "  towns: [Testford, Exampleton]"), TEMPLATE)
case("jinja-in-source-title", "Jinja {{ '' }} in a source's title.",
     build(replace(SOURCES, "  title: Test partnership annual report",
                   """  title: "Annual report {{ ''.__class__ }}\"""")),
     "refused", D(SOURCES), ln(SOURCES, "  title: Test partnership annual report"), TEMPLATE)
case("html-in-hashtag", "HTML in a campaign's hashtag.",
     build(replace(CAMPAIGNS, '  hashtag: "#TestLooksCloser"', '  hashtag: "#Test<b onmouseover=alert(1)>"')),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, '  hashtag: "#TestLooksCloser"'), HTML + ("hashtag",))
case("html-in-list-item", "A <script> tag as one of a route's languages.",
     build(replace(ROUTES, "  languages: [English, Interpreters for other languages]",
                   '  languages: [English, "<script>alert(1)</script>"]')),
     "refused", D(ROUTES), ln(ROUTES, "  languages: [English, Interpreters for other languages]"), HTML)
case("html-in-metric", "An <iframe> in a statistic's metric.",
     build(replace(STATS, "  metric: Staff trained in Prevent",
                   '  metric: "Staff <iframe src=https://evil.example></iframe>"')),
     "refused", D(STATS), ln(STATS, "  metric: Staff trained in Prevent"), HTML)
case("formula-in-name", "A name that a spreadsheet would run as a formula: accepted (escaped in every export).",
     build(replace(ORGS, POLICE_NAME, """  name: '=HYPERLINK("https://evil.example", "Police")'""")),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("formula|spreadsheet|=",), refusal_ok=True)

# --- numbers and dates two readers read differently ---------------------------------------------

case("amount-leading-zero", "An amount of 0420: YAML 1.1 readers (PyYAML, many tools) read 272 (octal).",
     build(replace(PROJECTS, AMOUNT, "  amount: 0420")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("420",))
case("amount-plus-sign", "An amount of +420: accepted as 420, or refused saying to write 420.",
     build(replace(PROJECTS, AMOUNT, "  amount: +420")),
     "accepted", D(PROJECTS), ln(PROJECTS, AMOUNT), ("420",), refusal_ok=True)
case("amount-fraction-of-penny", "An amount of 420.505 (a fraction of a penny).",
     build(replace(PROJECTS, AMOUNT, "  amount: 420.505")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("pence|penny|decimal|places",))
case("amount-sexagesimal", "An amount of 1:30 (YAML 1.1 reads 90, base 60).",
     build(replace(PROJECTS, AMOUNT, "  amount: 1:30")),
     "refused", D(PROJECTS), ln(PROJECTS, AMOUNT), ("amount|money|number",))
case("date-with-time", "An award date with a time of day: 2019-07-28T10:00:00.",
     build(replace(PROJECTS, AWARD_DATE, "  award_date: 2019-07-28T10:00:00")),
     "refused", D(PROJECTS), ln(PROJECTS, AWARD_DATE), ("date",))
case("financial-year-skips-a-year", "A financial year written 2019/21.",
     build(replace(PROJECTS, FINANCIAL_YEAR, "  financial_year: 2019/21")),
     "refused", D(PROJECTS), ln(PROJECTS, FINANCIAL_YEAR), ("2019/20|financial year",))
case("campaign-ends-before-it-starts", "A campaign whose end is before its start.",
     build(replace(CAMPAIGNS, CAMPAIGN_END, "  end: 2023-06-01")),
     "refused", D(CAMPAIGNS), None, ("end|before|start",))
case("yaml-11-directive", "A %YAML 1.1 directive (booleans and octals would change meaning): refused or read as 1.2.",
     build(lambda data: (data / AREAS).write_text("%YAML 1.1\n---\n" + (data / AREAS).read_text())),
     "accepted", D(AREAS), 1, ("YAML|directive|1.1",), refusal_ok=True)

# --- characters that are not text ---------------------------------------------------------------

case("line-separator-in-value", "A U+2028 line separator inside a name (breaks scripts and JSON-LD readers).",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire\\u2028Police"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS + ("separator|line",))
case("private-use-character", "A private-use character (U+E000, shows as a box or a logo) in a name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire \ue000Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|private",))
case("noncharacter", "The noncharacter U+FFFF written \\uFFFF in a name.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire \\uFFFF Police"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character",))
case("tab-in-quoted-text", "A tab written \\t inside a double-quoted name: accepted, or refused as a character.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire\\tPolice"')),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("character|tab",), refusal_ok=True)
case("variation-selectors-10000", "A name with 10,000 variation selectors after one letter: refused, or accepted quickly.",
     build(replace(ORGS, POLICE_NAME, lambda: "  name: T" + "\ufe0f" * 10_000 + "estshire Police")),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("character|invisible|long",), refusal_ok=True, max_seconds=1.5)
case("confusable-field-name", "A field name with a Cyrillic а (nаme): named as unknown, shown readably.",
     build(insert_after(ORGS, ORG_NAME, "  n\u0430me: Testshire")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("field|name",))
case("decomposed-accents", "Welsh letters written with combining accents (NFD): accepted silently.",
     build(replace(ORGS, POLICE_NAME, "  name: Heddlu Cymru Swyddfa\u2019r Comisiynydd w\u0302 y\u0302")),
     "accepted", silent=True)

# --- record files and many records --------------------------------------------------------------

case("record-file-named-otherwise", "data/campaigns/other-name.yml holding the record test-late-campaign (file and id differ).",
     build(write("campaigns/other-name.yml",
                 "id: test-late-campaign\nname: Late campaign\narea: test-csp\nstart: 2023-06-26\n"
                 "status: finished\nsources: [{document: test-report, section: \"2.3\"}]\n")),
     "refused", "data/campaigns/other-name.yml", 1, ("name|file|id",))
case("record-file-repeats-list-record", "A one-record file repeating a record that campaigns.yml holds.",
     build(write("campaigns/test-awareness-week.yml",
                 "id: test-awareness-week\nname: Copy\narea: test-csp\nstart: 2023-06-26\n"
                 "status: finished\nsources: [{document: test-report, section: \"2.3\"}]\n")),
     "refused", "data/campaigns/test-awareness-week.yml", 1, ("already|duplicate|twice|used",))
case("record-file-bidi-name", "A funded-projects file whose name holds a right-to-left override.",
     build(write("funded-projects/\u202elmy.yml", "[]\n")),
     "refused", "data/funded-projects/\\u202elmy.yml", None, ("name",))
case("citations-10000", "One record citing the same source 10,000 times: refused or accepted, quickly.",
     build(replace(PROJECTS, CITATION, lambda: "  sources:" + "".join(
         ['\n    - {document: test-report, section: "2.6"}'] * 10_000))),
     "accepted", D(PROJECTS), ln(PROJECTS, CITATION), ("many|sources|twice|same",), refusal_ok=True,
     max_seconds=3.0)
case("organisations-20000", "20,000 valid organisations: accepted silently, quickly.",
     build(append(ORGS, lambda: "".join(
         f"- id: bulk-{n:05d}\n  name: Bulk organisation {n}\n  kind: charity\n"
         f"  sources: [{{document: test-report, section: \"1\"}}]\n" for n in range(20_000)))),
     "accepted", silent=True, max_seconds=6.0)
case("project-files-1000", "1,000 files in funded-projects/, one project each: accepted silently.",
     build(*[write(f"funded-projects/bulk-{n:04d}.yml",
                   f"- id: bulk-project-{n:04d}\n  title: Bulk project {n}\n  amount: 1\n"
                   "  award_date: 2019-07-28\n  financial_year: 2019/20\n  funder: test-council\n"
                   "  area: test-csp\n  sources: [{document: test-report, section: \"2.6\"}]\n")
             for n in range(1000)]),
     "accepted", silent=True, max_seconds=6.0)
case("channels-5000", "A route with 5,000 channels: refused or accepted, quickly.",
     build(replace(ROUTES, HELPLINE_NUMBER, lambda: HELPLINE_NUMBER + "".join(
         "\n    - kind: phone\n      number: 0808 2000 247" for _ in range(5000)))),
     "accepted", D(ROUTES), None, ("channel|many",), refusal_ok=True, max_seconds=3.0)
case("areas-empty-list", "areas.yml holding [] (no areas at all).",
     build(write(AREAS, "[]\n")), "refused", D(AREAS), 1, ("area",))
case("sources-empty-list", "sources.yml holding [] (no sources at all).",
     build(write(SOURCES, "[]\n")), "refused", D(SOURCES), 1, ("source",))

# --- what is never published, named by what is ---------------------------------------------------

case("public-names-restricted-recipient", "A public project whose recipient is a restricted organisation (its name would show).",
     build(append(ORGS, "- id: test-secret-refuge\n  visibility: restricted\n  name: Secret refuge\n"
                  "  kind: charity\n  sources: [{document: test-report, section: \"1.2\"}]\n"),
           insert_after(PROJECTS, TITLE, "  recipient: test-secret-refuge")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE) + 1, ("restricted|not published|draft",))
case("public-in-draft-area", "A public route whose area is a draft area.",
     build(append(AREAS, "- id: test-draft-area\n  visibility: draft\n  name: Draft district\n"
                  "  kind: district\n  parent: test-csp\n  sources: [{document: test-report, section: \"1\"}]\n"),
           replace(ROUTES, "  area: test-csp", "  area: test-draft-area")),
     "refused", D(ROUTES), ln(ROUTES, "  area: test-csp"), ("draft|not published|restricted",))
case("personal-email-in-prose", "A private person's e-mail address in a prose field.",
     build(replace(ROUTES, NEXT, "  what_happens_next: Write to john.smith@gmail.com for help.")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("mail|person",))
case("campaign-name-only-jinja-comment-close", "A campaign name ending in '#}' or '%}' alone: accepted or refused as template.",
     build(replace(CAMPAIGNS, CAMPAIGN_NAME, '  name: "Week 50%} off"')),
     "accepted", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_NAME), TEMPLATE, refusal_ok=True)

# --- bad bytes everywhere -----------------------------------------------------------------------

case("latin1-every-line", "A 3 MB file with a Latin-1 byte on each of its 300,000 lines: named quickly.",
     build(append(STATS, lambda: b"# caf\xe9 note\n" * 300_000)),
     "refused", D(STATS), fixture_line_count(STATS) + 1, ("UTF-8",), max_seconds=3.0)
case("latin1-late-lines", "Latin-1 bytes on 50,000 lines after 200,000 good ones.",
     build(append(STATS, lambda: b"# good\n" * 200_000 + b"# caf\xe9\n" * 50_000)),
     "refused", D(STATS), fixture_line_count(STATS) + 200_001, ("UTF-8",), max_seconds=3.0)
case("latin1-in-comment-only-file", "A comment-only file with a Latin-1 byte on line 2: both named.",
     build(write(STATS, b"# Statistics\n# caf\xe9 figures to come\n")),
     "refused", D(STATS), 2, ("UTF-8",))
case("statistic-leading-zero", "A statistic's value of 034 (28 to a YAML 1.1 reader).",
     build(replace(STATS, "      value: 34", "      value: 034")),
     "refused", D(STATS), ln(STATS, "      value: 34"), ("write 34",))
case("text-leading-zero-kept", "A report number 007 unquoted: kept as the text 007, accepted silently.",
     build(replace(SOURCES, "  report_number: TEST/23/001", "  report_number: 007")),
     "accepted", silent=True)

# --- organisation identifiers (360Giving joins organisations by them) -----------------------------

case("org-id-with-script", "An organisation identifier GB-CHC-<script>...: not a register's number.",
     build(insert_after(ORGS, "  kind: police", "  identifier: GB-CHC-<script>alert(1)</script>")),
     "refused", D(ORGS), ln(ORGS, "  kind: police") + 1, ("identifier",))
case("org-id-bad-charity-number", "A charity number of 3 digits: GB-CHC-123.",
     build(insert_after(ORGS, "  kind: police", "  identifier: GB-CHC-123")),
     "refused", D(ORGS), ln(ORGS, "  kind: police") + 1, ("charity number",))
case("org-id-company-number", "A Companies House number GB-COH-SC123456: accepted silently.",
     build(insert_after(ORGS, "  kind: police", "  identifier: GB-COH-SC123456")),
     "accepted", silent=True)
