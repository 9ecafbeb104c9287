"""Hostile cases of our own: text, links and contacts, encodings and line endings, files and
folders (first written in /work/hostile/cases.py)."""

from __future__ import annotations

from tests.data.hostile.building import (
    ACTIONS,
    AREAS,
    CAMPAIGN_NAME,
    CAMPAIGNS,
    CHAT_URL,
    HELPLINE_NUMBER,
    LINK_WORDS,
    NEXT,
    ORG_NAME,
    ORGS,
    POLICE_KIND,
    POLICE_NAME,
    PROJECTS,
    REPORT_NUMBER,
    ROUTES,
    SOURCES,
    STATS,
    SUMMARY,
    TEXT_WORDS,
    D,
    build,
    case,
    every_file,
    fixture_file,
    insert_after,
    ln,
    make_fifo,
    reencode,
    rename,
    replace,
    symlink,
    write,
)

# --- our own: text ---------------------------------------------------------------------------------------

case("nul-escaped", "A NUL written as the YAML escape \\0 in a double-quoted name.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire\\0Police"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("zero-width-space", "A zero-width space (U+200B) inside a campaign name.",
     build(replace(CAMPAIGNS, CAMPAIGN_NAME, "  name: Test\u200bAwareness Week")),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_NAME), ("invisible|character|zero",))
case("escaped-lone-surrogate", "A lone surrogate written \\uD800 in a double-quoted name.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire \\uD800 Police"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|encoding",))
case("whitespace-only-name", 'A name of only spaces: "   ".',
     build(replace(ORGS, POLICE_NAME, '  name: "   "')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("empty|blank",))
case("empty-name", 'An empty name: "".',
     build(replace(ORGS, POLICE_NAME, '  name: ""')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("empty|blank",))
case("html-script-in-text", "A <script> tag in an organisation's name.",
     build(replace(ORGS, POLICE_NAME, "  name: <script>alert(1)</script>")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("HTML|tag",))
case("html-event-handler-prose", "An <img onerror=...> tag in a prose field.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "<img src=x onerror=alert(1)>"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("HTML|tag",))
case("markdown-image-reference-style", "A reference-style Markdown image in a prose field.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "See ![map][m].\\n\\n[m]: https://tracker.example/p.gif"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("image|picture",))
case("prose-reference-link-javascript", "A reference-style Markdown link to javascript: in a prose field.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "Read [our guide][g].\\n\\n[g]: javascript:alert(1)"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), LINK_WORDS)
case("prose-tel-letters", "A Markdown tel: link with letters in a prose field.",
     build(replace(ROUTES, NEXT, "  what_happens_next: Call [our line](tel:0800FLOWERS) any time.")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("phone|number|letters|digits",))
case("jinja-raw-quoted", "Jinja {% raw %} ... {% endraw %} in a quoted summary.",
     build(replace(ROUTES, SUMMARY, '  summary: "{% raw %}If someone is in danger now.{% endraw %}"')),
     "refused", D(ROUTES), ln(ROUTES, SUMMARY), ("template|code",))
case("jinja-config-quoted", "Jinja {{ config }} in a quoted campaign name.",
     build(replace(CAMPAIGNS, CAMPAIGN_NAME, '  name: "Week of {{ config }}"')),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_NAME), ("template|code",))
case("jinja-config-unquoted-prose", "{{ config.__class__ }} unquoted in a prose field (a mapping key to YAML).",
     build(replace(ROUTES, NEXT, "  what_happens_next: {{ config.__class__ }}")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("quote|template",))
case("jinja-comment", "A Jinja comment {# ... #} in a quoted campaign name.",
     build(replace(CAMPAIGNS, CAMPAIGN_NAME, '  name: "Test {# hidden #}Awareness Week"')),
     "refused", D(CAMPAIGNS), ln(CAMPAIGNS, CAMPAIGN_NAME), ("template|code",))
case("welsh-and-emoji-text", "Welsh letters, a curly apostrophe and an emoji in a name: accepted silently.",
     build(replace(ORGS, POLICE_NAME, "  name: Heddlu Gogledd Cymru – Swyddfa’r Comisiynydd ŵ ŷ 📞")),
     "accepted", silent=True)

# --- our own: links and contacts ------------------------------------------------------------------------

SOURCE_URL_LINE = ln(SOURCES, REPORT_NUMBER) + 1
case("link-javascript", "A source link of javascript:alert(document.cookie).",
     build(insert_after(SOURCES, REPORT_NUMBER, "  url: javascript:alert(document.cookie)")),
     "refused", D(SOURCES), SOURCE_URL_LINE, LINK_WORDS)
case("link-data", "A source link of data:text/html;base64,...",
     build(insert_after(SOURCES, REPORT_NUMBER,
                        "  url: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")),
     "refused", D(SOURCES), SOURCE_URL_LINE, LINK_WORDS)
case("link-vbscript", "A source link of vbscript:msgbox(1).",
     build(insert_after(SOURCES, REPORT_NUMBER, "  url: vbscript:msgbox(1)")),
     "refused", D(SOURCES), SOURCE_URL_LINE, LINK_WORDS)
case("mailto-personal-address", "A source link mailing a person: mailto:john.smith@council.example.",
     build(insert_after(SOURCES, REPORT_NUMBER, "  url: mailto:john.smith@council.example")),
     "refused", D(SOURCES), SOURCE_URL_LINE, ("person",))
case("tel-link-with-letters", "A channel link tel:0800FLOWERS (letters read as digits).",
     build(replace(ROUTES, CHAT_URL, "      url: tel:0800FLOWERS")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("phone|number|letters|digits",))
case("phone-number-with-letters", "A phone number written 0800 FLOWERS.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0800 FLOWERS")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), ("phone|number|letters|digits",))
case("homoglyph-url", "A link whose host has a Cyrillic е: https://hеlpline.example.org/chat.",
     build(replace(ROUTES, CHAT_URL, "      url: https://h\u0435lpline.example.org/chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("character|letter",))
case("url-with-crlf", "A link with CR LF and a header after it (response splitting).",
     build(replace(ROUTES, CHAT_URL, '      url: "https://helpline.example.org/chat\\r\\nSet-Cookie: a=b"')),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("link|character|line|space",))
case("url-localhost", "A helpline link to https://127.0.0.1:8000/admin.",
     build(replace(ROUTES, CHAT_URL, "      url: https://127.0.0.1:8000/admin")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("local|address|host|link",))

# --- our own: encodings and line endings ---------------------------------------------------------------

case("utf16-file", "organisations.yml saved as UTF-16 (with its BOM).",
     build(reencode(ORGS, lambda text: text.encode("utf-16"))),
     "refused", D(ORGS), None, ("UTF-8|encoding",))
case("lone-surrogate-bytes", "An encoded lone surrogate (\\xed\\xa0\\x80, invalid UTF-8) on line N.",
     build(replace(ORGS, POLICE_NAME, b"  name: Testshire \xed\xa0\x80Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("UTF-8|encoding|character",))
case("cp1252-smart-quotes", "Windows-1252 curly quotes (\\x93 \\x94) pasted on line N of an action.",
     build(replace(ACTIONS, "  activity: Deliver training to frontline staff",
                   b"  activity: Deliver \x93training\x94 to frontline staff")),
     "refused", D(ACTIONS), ln(ACTIONS, "  activity: Deliver training to frontline staff"),
     ("UTF-8|encoding|character",))
case("cr-only-line-endings", "Every data file with old Mac CR-only line endings: accepted silently.",
     build(every_file(lambda text: text.replace("\n", "\r").encode())), "accepted", silent=True)
case("crlf-error-line", "CRLF line endings and a wrong kind on line N: reported at line N.",
     build(replace(ORGS, POLICE_KIND, "  kind: polise"),
           reencode(ORGS, lambda text: text.replace("\n", "\r\n").encode())),
     "refused", D(ORGS), ln(ORGS, POLICE_KIND), ("police",))
case("bom-error-line", "A UTF-8 BOM and a wrong kind on line N: reported at line N.",
     build(replace(ORGS, POLICE_KIND, "  kind: polise"),
           reencode(ORGS, lambda text: b"\xef\xbb\xbf" + text.encode())),
     "refused", D(ORGS), ln(ORGS, POLICE_KIND), ("police",))
case("line-separator-in-comment", "A U+2028 line separator in a comment: a later error keeps its editor line.",
     build(replace(ORGS, POLICE_KIND, "  kind: polise"),
           replace(ORGS, ORG_NAME, ORG_NAME + "  # was \u2028Test Borough Council")),
     "refused", D(ORGS), ln(ORGS, POLICE_KIND), ("police",))
case("no-trailing-newline", "statistics.yml without a final newline: accepted silently.",
     build(reencode(STATS, lambda text: text.rstrip("\n").encode())), "accepted", silent=True)

# --- our own: files and folders ------------------------------------------------------------------------

case("symlink-to-etc-passwd", "statistics.yml is a symbolic link to /etc/passwd.",
     build(symlink(STATS, "/etc/passwd")), "refused", D(STATS), None, ("link|outside",))
case("fifo-as-data-file", "statistics.yml is a named pipe (FIFO): refused, without waiting on it.",
     build(make_fifo(STATS)), "refused", D(STATS), None)
case("folder-symlink-to-root", "The actions folder is a symbolic link to /.",
     build(symlink("actions", "/")), "refused", "data/actions", None, ("link|outside",))
case("symlink-loop-folder", "A symbolic link inside funded-projects pointing back up (..).",
     build(symlink("funded-projects/loop", "..")), "refused", "data/funded-projects/loop", None,
     ("link",))
case("uppercase-file-name", "statistics.yml renamed Statistics.yml (never read).",
     build(rename(STATS, "Statistics.yml")), "refused", "data/Statistics.yml", None,
     ("not read|name",))
case("yaml-extension", "statistics.yml renamed statistics.yaml (never read).",
     build(rename(STATS, "statistics.yaml")), "refused", "data/statistics.yaml", None,
     ("not read|yml|name",))
case("editor-backup-file", "An editor's backup areas.yml~ left in data/.",
     build(write("areas.yml~", fixture_file(AREAS))), "refused", "data/areas.yml~", None,
     ("not read|name",))
case("nested-subfolder", "A funded-projects file one folder too deep: funded-projects/2023/extra.yml.",
     build(write("funded-projects/2023/extra.yml", fixture_file(PROJECTS))),
     "refused", "data/funded-projects/2023/extra.yml", None, ("not read|folder",))
case("file-name-with-spaces", "A valid new funded-projects file named 'east suffolk.yml': accepted, or refused for its name.",
     build(write("funded-projects/east suffolk.yml",
                 "- id: spaced-file-project\n  title: Youth club\n  amount: 50\n"
                 "  award_date: 2019-08\n  financial_year: 2019/20\n  funder: test-council\n"
                 "  area: test-csp\n  sources: [{document: test-report, section: \"2.6\"}]\n")),
     "accepted", "data/funded-projects/east suffolk.yml", None, ("name|space",), refusal_ok=True)
case("readme-in-data", "A README.md beside the data files: accepted silently.",
     build(write("README.md", "# Data\n\nEdit these files and open a pull request.\n")),
     "accepted", silent=True)
case("dotfile-in-data", "A macOS .DS_Store of binary junk in data/: accepted silently.",
     build(write(".DS_Store", bytes(range(256)) * 4)), "accepted", silent=True)


