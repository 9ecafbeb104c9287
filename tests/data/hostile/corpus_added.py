"""Hostile cases added with the fixes of issue 15: the general causes, tried another way than
the first corpus tries them (a fix for a case must fix its kind)."""

from __future__ import annotations

from tests.data.hostile.building import (
    AREAS,
    CHAT_URL,
    HELPLINE_NUMBER,
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
    build,
    case,
    insert_after,
    ln,
    replace,
)

AREA_TOWNS = "  towns: [Testford, Exampleton]"
KIND_LINE = "  kind: police"
LONG = ("long|length|characters|limit",)
QUOTE = ("quote",)
TAG = ("tag",)

# --- YAML features and tags ------------------------------------------------------------------------

case("yaml-tag-set", "A !!set tag (a YAML set) as towns.",
     build(replace(AREAS, AREA_TOWNS, "  towns: !!set {Testford: null}")),
     "refused", D(AREAS), ln(AREAS, AREA_TOWNS), TAG)
case("yaml-tag-timestamp", "A !!timestamp tag on a date.",
     build(replace(PROJECTS, "  award_date: 2019-07-28", "  award_date: !!timestamp 2019-07-28")),
     "refused", D(PROJECTS), ln(PROJECTS, "  award_date: 2019-07-28"), TAG)
case("yaml-tag-omap", "An !!omap tag on a record's citations.",
     build(replace(ORGS, '  sources: [{document: test-report, section: "1.2"}]',
                   '  sources: !!omap [{document: test-report}]', nth=2)),
     "refused", D(ORGS), ln(ORGS, '  sources: [{document: test-report, section: "1.2"}]', nth=2), TAG)
case("yaml-tag-int-on-text", "An explicit !!int tag on a value that is not a number.",
     build(replace(PROJECTS, "  amount: 420", "  amount: !!int lots")),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 420"), TAG)
case("yaml-tag-directive", "A %TAG directive that makes '!' mean a Python tag.",
     build(lambda data: (data / ORGS).write_text(
         "%TAG ! tag:yaml.org,2002:python/\n---\n" + (data / ORGS).read_text().replace(
             POLICE_NAME, "  name: !object:os.system ls"))),
     "refused", D(ORGS), None, TAG)
case("yaml-anchor-alone", "An anchor (&x) that nothing reuses: refused as unused YAML machinery.",
     build(replace(ORGS, POLICE_NAME, "  name: &police Testshire Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("anchor",))
case("yaml-alias-of-scalar", "An alias repeating one name (*n) in another record.",
     build(replace(ORGS, POLICE_NAME, "  name: &n Testshire Police"),
           replace(ORGS, "  name: Test Community Safety Partnership (all partners)", "  name: *n")),
     "refused", D(ORGS), ln(ORGS, "  name: Test Community Safety Partnership (all partners)"),
     ("alias",))
case("merge-key-list", "A merge key with a list of aliases: <<: [*a, *b].",
     build(insert_after(ORGS, ORG_NAME, "  <<: [*a, *b]")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("merge",))
case("nested-lists-25", "25 levels of nested lists: past the depth any record needs.",
     build(replace(AREAS, AREA_TOWNS, "  towns: " + "[" * 25 + "]" * 25)),
     "refused", D(AREAS), ln(AREAS, AREA_TOWNS), ("nested|deep|levels",))
case("flow-mapping-as-title", "A title written {x: y} (a set of fields where text is wanted).",
     build(replace(PROJECTS, TITLE, "  title: {x: y}")),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE), QUOTE)
case("bracket-text-unquoted", "A name starting with [Draft], unquoted.",
     build(replace(ORGS, POLICE_NAME, "  name: [Draft] Testshire Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), QUOTE)
case("apostrophe-in-single-quotes", "name: 'It's ours', an apostrophe inside single quotes.",
     build(replace(ORGS, POLICE_NAME, "  name: 'Testshire's Police'")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("quote|apostrophe",))
case("greater-than-text", "name: > 5 officers, unquoted (a folded block to YAML).",
     build(replace(ORGS, POLICE_NAME, "  name: > 5 officers")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), QUOTE)
case("exclamation-text", "name: !Important, unquoted (a tag to YAML).",
     build(replace(ORGS, POLICE_NAME, "  name: !Important notice")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("quote|tag",))
case("empty-required-text", "name: with nothing after it.",
     build(replace(ORGS, POLICE_NAME, "  name:")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("value|empty",))
case("comment-as-value", "status: # to be confirmed (the value is a comment).",
     build(replace(ORGS, KIND_LINE, "  kind: # police")),
     "refused", D(ORGS), ln(ORGS, KIND_LINE), ("comment|quote",))
case("duplicate-key-nested", "A field written twice inside a channel.",
     build(insert_after(ROUTES, "      number: 0808 2000 247", "      number: 0808 2000 248")),
     "refused", D(ROUTES), ln(ROUTES, "      number: 0808 2000 247") + 1, ("twice",))

# --- characters ------------------------------------------------------------------------------------

case("soft-hyphen", "A soft hyphen (U+00AD, invisible) inside a name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire Po\u00adlice")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS + ("hyphen|invisible",))
case("hangul-filler", "A Hangul filler (U+3164), a letter that shows as nothing, as a whole name.",
     build(replace(ORGS, POLICE_NAME, "  name: \u3164")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|filler|invisible",))
case("bom-mid-file", "A byte order mark (U+FEFF) in the middle of a file.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire\ufeff Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|byte order",))
case("next-line-character", "A C1 next-line character (U+0085) in a name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire\u0085Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character",))
case("lrm-in-name", "A left-to-right mark (U+200E) in a name.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire\u200e Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("isolate-escaped", "A first-strong isolate written \\u2068 in double quotes.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire \\u2068Police"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), TEXT_WORDS)
case("carriage-return-escaped", "A carriage return written \\r in a double-quoted name.",
     build(replace(ORGS, POLICE_NAME, '  name: "Testshire\\rPolice"')),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|carriage",))
case("control-in-comment", "A control character (U+0007, bell) in a comment.",
     build(replace(ORGS, ORG_NAME, ORG_NAME + "  # ring\u0007")),
     "refused", D(ORGS), ln(ORGS, ORG_NAME), ("character|control",))
case("two-control-lines", "Control characters on two lines: each line named.",
     build(replace(ORGS, ORG_NAME, "  name: Test\u0001District Council"),
           replace(ORGS, POLICE_NAME, "  name: Testshire\u0002Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("character|control",))
case("welsh-flag-and-family-emoji", "A Welsh flag (tag characters) and a family emoji (joiners): accepted.",
     build(replace(ORGS, POLICE_NAME, "  name: Heddlu \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C"
                   "\U000E0073\U000E007F \U0001F468\u200d\U0001F469\u200d\U0001F467")),
     "accepted", silent=True)
case("nbsp-in-text", "A no-break space in a name (it shows as a space): accepted.",
     build(replace(ORGS, POLICE_NAME, "  name: Testshire\u00a0Police")), "accepted", silent=True)
case("utf16-without-bom", "organisations.yml in UTF-16 without a byte order mark.",
     build(lambda data: (data / ORGS).write_bytes(
         (data / ORGS).read_text().encode("utf-16-le"))),
     "refused", D(ORGS), 1, ("UTF|text",))
case("binary-file", "areas.yml replaced by binary bytes.",
     build(lambda data: (data / AREAS).write_bytes(bytes(range(256)) * 64)),
     "refused", D(AREAS), None, ("UTF|text|character",))
case("overlong-utf8", "An overlong UTF-8 encoding of '/' (\\xc0\\xaf) on line N.",
     build(replace(ORGS, POLICE_NAME, b"  name: Testshire \xc0\xaf Police")),
     "refused", D(ORGS), ln(ORGS, POLICE_NAME), ("UTF-8",))

# --- sizes -----------------------------------------------------------------------------------------

case("block-text-too-long", "A 300,000-character description in a block over many lines.",
     build(insert_after(PROJECTS, TITLE, lambda: "  description: >-\n" + "    words words words\n" * 15_000)),
     "refused", D(PROJECTS), ln(PROJECTS, TITLE) + 1, LONG)
case("number-40-digits", "A 40-digit count.",
     build(replace(PROJECTS, "  amount: 420", "  amount: " + "1" * 40)),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 420"), ("digits|number",))
case("amount-over-ceiling", "An amount of £50 billion (in pence, perhaps).",
     build(replace(PROJECTS, "  amount: 420", "  amount: 50000000000")),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 420"), ("more than|ceiling|most",))
case("amount-underscores", "An amount written 8_700 (YAML 1.1 digit groups).",
     build(replace(PROJECTS, "  amount: 420", "  amount: 8_700")),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 420"), ("8700",))
case("amount-arabic-digits", "An amount in Arabic-Indic digits.",
     build(replace(PROJECTS, "  amount: 420", '  amount: "\u0664\u0662\u0660"')),
     "refused", D(PROJECTS), ln(PROJECTS, "  amount: 420"), ("amount|money|number",))
case("statistic-exponent", "A statistic's value written 3.4e1.",
     build(replace(STATS, "      value: 34", "      value: 3.4e1")),
     "refused", D(STATS), ln(STATS, "      value: 34"), ("number|exponent",))
case("many-fields-one-record", "One record with 20,000 unknown fields: listed up to a limit, quickly.",
     build(insert_after(ORGS, ORG_NAME, lambda: "\n".join(f"  field{n}: x" for n in range(20_000)))),
     "refused", D(ORGS), ln(ORGS, ORG_NAME) + 1, ("field",), max_seconds=3.0)
case("quadratic-html", "A 19,000-character name of '<a' repeated (no '>'): checked in linear time.",
     build(replace(ORGS, POLICE_NAME, lambda: "  name: " + "<x" * 9_500)),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("HTML|tag",), refusal_ok=True, max_seconds=1.5)
case("quadratic-email", "A 19,000-character name of 'a@' repeated: checked in linear time.",
     build(replace(ORGS, POLICE_NAME, lambda: "  name: " + "a@" * 9_500)),
     "accepted", D(ORGS), ln(ORGS, POLICE_NAME), ("mail|text",), refusal_ok=True, max_seconds=1.5)
case("quadratic-links", "A description of '](' repeated: checked in linear time.",
     build(insert_after(PROJECTS, TITLE, lambda: "  description: '" + "](" * 9_000 + "'")),
     "accepted", D(PROJECTS), ln(PROJECTS, TITLE) + 1, ("link",), refusal_ok=True, max_seconds=1.5)

# --- links and numbers ------------------------------------------------------------------------------

case("link-ipv6-loopback", "A link to https://[::1]/.",
     build(replace(ROUTES, CHAT_URL, "      url: https://[::1]/")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("address|host|link",))
case("link-decimal-ip", "A link to https://2130706433/ (127.0.0.1 written as one number).",
     build(replace(ROUTES, CHAT_URL, "      url: https://2130706433/")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("address|name|link",))
case("link-punycode", "A link whose host is punycode (xn--), which can hide look-alike letters.",
     build(replace(ROUTES, CHAT_URL, "      url: https://xn--hlpline-9hg.example.org/chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("address|letters|xn--",))
case("link-user-only", "A link with a user name and no password: https://admin@host.example/.",
     build(replace(ROUTES, CHAT_URL, "      url: https://admin@helpline.example.org/chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("user|password",))
case("link-bad-port", "A link with a port that is not a number.",
     build(replace(ROUTES, CHAT_URL, "      url: https://helpline.example.org:http/chat")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("link|address",))
case("prose-link-with-password", "A Markdown link in prose carrying a password.",
     build(replace(ROUTES, NEXT, "  what_happens_next: See [the form](https://u:p@forms.example.org/x).")),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("password|user",))
case("prose-unclosed-img", "An unclosed <img onerror=...> tag in prose.",
     build(replace(ROUTES, NEXT, '  what_happens_next: "Hi <img src=x onerror=alert(1)//"')),
     "refused", D(ROUTES), ln(ROUTES, NEXT), ("HTML|tag",))
case("premium-rate-international", "A premium-rate number written +44 909 879 0000.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: +44 909 879 0000")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), ("premium|charge|cost",))
case("premium-rate-tel-link", "A tel: link to a premium-rate number on a channel.",
     build(replace(ROUTES, CHAT_URL, "      url: tel:09098790000")),
     "refused", D(ROUTES), ln(ROUTES, CHAT_URL), ("premium|charge|cost",))
case("premium-rate-0873", "An 0873 number on a helpline route.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0873 123 4567")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), ("premium|charge|cost",))
case("call-charge-0845", "An 0845 number (a call charge, not premium rate): accepted.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0845 123 4567")), "accepted", silent=True)
case("call-charge-0870", "An 0870 number: accepted.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: 0870 123 4567")), "accepted", silent=True)
case("call-charge-101", "The police non-emergency number 101: accepted.",
     build(replace(ROUTES, HELPLINE_NUMBER, '      number: "101"')), "accepted", silent=True)
case("phone-fullwidth-digits", "A phone number in full-width digits.",
     build(replace(ROUTES, HELPLINE_NUMBER, "      number: \uff10\uff18\uff10\uff18 2000 247")),
     "refused", D(ROUTES), ln(ROUTES, HELPLINE_NUMBER), ("phone|number|digits",))
case("date-day-first-dashes", "A date written 28-07-2019.",
     build(replace(PROJECTS, "  award_date: 2019-07-28", "  award_date: 28-07-2019")),
     "refused", D(PROJECTS), ln(PROJECTS, "  award_date: 2019-07-28"), ("2019-07-28",))
case("date-one-digit-month", "A date written 2019-7-28.",
     build(replace(PROJECTS, "  award_date: 2019-07-28", "  award_date: 2019-7-28")),
     "refused", D(PROJECTS), ln(PROJECTS, "  award_date: 2019-07-28"), ("2019-07-28",))

# --- files -----------------------------------------------------------------------------------------


def _hard_link(data):
    outside = data.parent / "outside.yml"
    outside.write_text((data / STATS).read_text())
    (data / STATS).unlink()
    (data / STATS).hardlink_to(outside)


case("hard-link-outside", "statistics.yml is a hard link to a file outside the data folder.",
     build(_hard_link), "refused", D(STATS), None, ("link",))
case("symlink-inside-data", "statistics.yml is a symbolic link to a copy inside the data folder.",
     build(lambda data: (data / "copy.txt").write_text((data / STATS).read_text()),
           lambda data: (data / STATS).unlink(),
           lambda data: (data / STATS).symlink_to("copy.txt")),
     "refused", D(STATS), None, ("link",))
case("symlink-in-type-folder", "A file in funded-projects/ that is a symbolic link.",
     build(lambda data: (data / "funded-projects" / "more.yml").symlink_to("test.yml")),
     "refused", "data/funded-projects/more.yml", None, ("link",))
case("newline-in-file-name", "A data file whose name holds a line break.",
     build(lambda data: (data / "funded-projects" / "a\nb.yml").write_text("[]\n")),
     "refused", "data/funded-projects/a\\nb.yml", None, ("name",))
case("missing-sources-file", "sources.yml deleted: one error naming it, no cascade.",
     build(lambda data: (data / SOURCES).unlink()),
     "refused", D(SOURCES), 1, ("missing|sources",), max_problems=1)
case("empty-sources-file", "sources.yml emptied: one error naming it, no cascade.",
     build(lambda data: (data / SOURCES).write_text("")),
     "refused", D(SOURCES), 1, ("empty|no records",), max_problems=1)
case("routes-empty-list", "routes.yml holding [] (no routes at all).",
     build(lambda data: (data / ROUTES).write_text("[]\n")),
     "refused", D(ROUTES), 1, ("routes",))
case("areas-file-is-folder", "areas.yml replaced by a folder: one error, no cascade of references.",
     build(lambda data: (data / AREAS).unlink(), lambda data: (data / AREAS).mkdir()),
     "refused", D(AREAS), None, ("folder",), max_problems=1)
case("empty-list-optional-file", "campaigns.yml holding [] (no campaigns): accepted.",
     build(lambda data: (data / "campaigns.yml").write_text("[]\n")), "accepted", silent=True)
