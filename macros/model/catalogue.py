"""The rule catalogue: every problem the validator can report, with what it means and how to fix it.

A problem carries its rule; the message names the rule's code in brackets (`[money]`) so staff can
look it up in the guide, which is generated from this catalogue, as are the tests that every rule
is explained. Codes are lower-case words joined by hyphens.
"""

from __future__ import annotations

from enum import Enum

from pydantic_core import PydanticCustomError


class Rule(str, Enum):
    """A rule: its code (the enum's value), its meaning and its fix, in plain English."""

    meaning: str
    fix: str

    def __new__(cls, code: str, meaning: str, fix: str) -> Rule:
        rule = str.__new__(cls, code)
        rule._value_ = code
        rule.meaning = meaning
        rule.fix = fix
        return rule

    def __str__(self) -> str:
        return self.value

    YAML_SYNTAX = ("yaml-syntax",
        'The file is not valid YAML, or holds neither a list of records nor one record of its own.',
        'Check indentation (two spaces), the colon after each field name, and quotes.')
    ENCODING = ("encoding",
        'A file, or a line of it, is not UTF-8 text.',
        'Retype the character, or save the file with the encoding UTF-8.')
    CHARACTER = ("character",
        'A line holds a character that does not show on screen or changes the direction of text '
        '(a control character, a right-to-left override, a zero-width space).',
        'Delete it; retype the words around it if you cannot see where it is.')
    LIMIT = ("limit",
        'A file, a line or a value is larger than a data file needs (32 MB a file, 20,000 characters '
        'a line or a value, 30 digits a number, 20 levels of nesting).',
        'Shorten it, or split a large file into several files in a folder.')
    TAB = ("tab",
        'A line is indented with a tab; YAML needs spaces.',
        'Replace the tab with spaces, two for each level.')
    INDENTATION = ("indentation",
        'A line does not line up with the fields around it.',
        'Indent every field of a record by the same number of spaces.')
    YAML_FEATURE = ("yaml-feature",
        'The file uses a part of YAML these files do not use: an alias (*name), a merge key (<<), '
        'an anchor (&name) or a tag (!!binary, !env).',
        'Write the value out in full, and delete the tag or anchor.')
    FIELD_NAME = ("field-name",
        'A field has no name, or its name is a number, true/false, a list or a set of fields.',
        "Write a word before the colon, like 'name:'; put text that starts with '[' or '{' in quotes.")
    DUPLICATE_FIELD = ("duplicate-field",
        'The same field is written twice in one record.',
        'Keep one of them.')
    DATA_FILE = ("data-file",
        'A data file is a symbolic link, a folder, a pipe or cannot be opened.',
        'Put an ordinary file with the records in its place, inside the data folder.')
    EMPTY_FILE = ("empty-file",
        'A data file is empty or holds only comments.',
        'Add records, or write [] if it should have none.')
    MISSING_FILE = ("missing-file",
        'A file every site needs (sources, areas, routes) is missing or has no records.',
        'Add the file and at least one record to it.')
    UNKNOWN_FILE = ("unknown-file",
        'A file in data/ is not named after a record type, so it would be ignored.',
        'Rename it, e.g. campaigns.yml, or move it into the right folder.')
    FILE_NAME = ("file-name",
        'A record in a file of its own has an id that differs from the file name.',
        'Rename the file to the id with .yml after it, or put the id back; never change a published id.')
    NO_DATA = ("no-data",
        'The data folder does not exist.',
        'Pass --data with the folder that holds sources.yml.')
    MISSING = ("missing",
        'A required field is missing.',
        'Add the field with a value.')
    UNKNOWN_FIELD = ("unknown-field",
        'A field name is not one this record type has, often a typo.',
        'Correct the spelling, or remove the field.')
    MISPLACED_FIELD = ("misplaced-field",
        'A field is written in the wrong place: it belongs under another field, or to the record itself.',
        'Move it where the message says, indented like the fields around it.')
    FIELD_IN_TEXT = ("field-in-text",
        "A field is indented under a block of text ('description: >-'), so it is read as part of the text.",
        'Move it left, to line up with the field above the text.')
    WRONG_TYPE = ("wrong-type",
        'A value is the wrong kind: text where a list is needed, or the reverse.',
        "Write it as the message says: a list has one '- item' per line.")
    NOT_ALLOWED = ("not-allowed",
        'A value is not one of the allowed choices.',
        'Use one of the listed values.')
    ID = ("id",
        'An id is not lower-case words joined by hyphens.',
        "Rewrite it, e.g. 'es-hate-crime'.")
    MONEY = ("money",
        'An amount is not a plain, non-negative number of pounds.',
        "Write 8700, not '£8,700'; pence after a dot: 8700.50.")
    NUMBER = ("number",
        'A figure is not a plain number.',
        "Write digits only: 1343, not '1,343'.")
    DATE = ("date",
        'A date is not a real date in the form YYYY-MM-DD (or YYYY-MM, YYYY).',
        'Correct the date; use YYYY-MM or YYYY when the report gives no day.')
    FINANCIAL_YEAR = ("financial-year",
        'A financial year is not written like 2019/20, or does not match a date.',
        'Write the first year and the next: 2019/20.')
    QUARTER = ("quarter",
        "A quarter is not written like 'Q1 2023/24'.",
        'Q1 is April to June, Q4 January to March.')
    END_BEFORE_START = ("end-before-start",
        'An end date comes before the start date.',
        'Swap or correct the dates.')
    URL = ("url",
        'A link is not https, tel: or mailto:.',
        'Write the full address starting https://.')
    PHONE = ("phone",
        'A phone number is not a valid UK number.',
        'Check the digits: 0800 977 5690, or 101.')
    EMAIL = ("email",
        'An e-mail address is not valid.',
        'Correct the address.')
    PERSONAL_EMAIL = ("personal-email",
        "An e-mail address looks like a person's (firstname.lastname@).",
        'Publish a team mailbox; if it is one, set shared_mailbox: true.')
    EMAIL_IN_TEXT = ("email-in-text",
        'Text contains an e-mail address.',
        "Remove it; put team mailboxes only in a route's channels.")
    TEMPLATE_CODE = ("template-code",
        "Text contains '{{', '{%' or '{#', which the site would treat as code.",
        'Remove those characters or write the words out.')
    EMPTY_TEXT = ("empty-text",
        'A text field is empty or only spaces.',
        'Write the text, or leave the field out when it is optional.')
    IMAGE = ("image",
        "Prose holds a picture (Markdown's ![...](...)), which the site would fetch from elsewhere.",
        'Remove it, or link to the page that shows it.')
    PREMIUM_RATE = ("premium-rate",
        'A phone number is premium rate (09, 0871 to 0873) or directory enquiries (118).',
        "Give the service's free, local or 03 number instead.")
    HTML = ("html",
        'Text contains an HTML tag.',
        'Remove the tag; use Markdown in description fields.')
    MISSING_DETAIL = ("missing-detail",
        'A contact channel has no number, link or address.',
        'Add it, or say why it is left out in missing_detail.')
    UNDATED = ("undated",
        'An update or a measured value has no date.',
        'Add a quarter, a date or as_of.')
    OVERSPENT = ("overspent",
        'A funding pot has spent more than was allocated.',
        'Check spent and allocated.')
    DOES_NOT_ADD_UP = ("does-not-add-up",
        'Spent plus remaining does not equal the amount allocated.',
        'Correct one of the three amounts.')
    POT_OVERSPENT = ("pot-overspent",
        'The projects paid from a pot add up to more than the pot holds.',
        "Check each project's amount and pot, and the pot's allocated amount.")
    DUPLICATE_ID = ("duplicate-id",
        'Two records of the same type share an id.',
        'Give the newer record a new id; never reuse or change a published id.')
    UNRESOLVED_REFERENCE = ("unresolved-reference",
        'A field names a record that does not exist.',
        'Correct the id, or add the missing record.')
    UNPUBLISHED_REFERENCE = ("unpublished-reference",
        'A public record names a draft, restricted or embargoed record.',
        'Publish the other record first, or remove the reference.')
    AREA_PARENT = ("area-parent",
        "An area's parent is not one level up (district > partnership > county).",
        'Set parent to the area that contains it.')
    POT_SPENT = ("pot-spent",
        'A funding pot says nothing was spent, but projects awarded by then are paid from it.',
        "Check the pot's spent amount (leave it out when the report does not give it), or the projects' pot.")
    UNFINISHED = ("unfinished",
        "A record that would be published still holds a placeholder from 'cspsite new' (a value "
        "starting TODO, or a '# TODO' comment).",
        'Write the real value and delete the TODO; or keep the record a draft (visibility: draft).')
    REPLACES = ("replaces",
        "A record's 'replaces' names an id that a record still has, or that another record also replaces.",
        'List an old id in one record only, once no record has that id; never reuse a replaced id.')
    ID_GONE = ("id-gone",
        "A published record's id is no longer in the data (deleted or renamed), so its public address "
        'would stop working.',
        "To rename, add 'replaces: <old-id>' to the renamed record (the old address then redirects); "
        "to take it down, keep it and set closed_on (see 'Taking something down'); else put it back.")
    DUPLICATE_YEAR = ("duplicate-year",
        'A priority lists the same year twice.',
        'Keep one entry per year.')
    ROUTE_NOT_VERIFIED = ("route-not-verified",
        "A reporting route's details were last checked too long ago.",
        'Check the number, hours and links, then update verified_on.')
    ROUTE_UNREACHABLE = ("route-unreachable",
        "A reporting route gives residents no way to get in touch, so the report pages leave it out.",
        "Add a phone or text number, a link, an e-mail, or an address with hours, with its citation.")
    ACTION_NOT_UPDATED = ("action-not-updated",
        'An action plan item that is under way has had no update for two quarters.',
        'Add an update for the latest quarter, or change its status.')
    CAMPAIGN_STATUS_OUT_OF_DATE = ("campaign-status-out-of-date",
        "A campaign's status contradicts the date of the report it cites (a status is as at the "
        "report's date: marked finished before it began, or upcoming after it ended).",
        "Write the status the report gives as at its date, or correct the dates.")
    ORG_ID = ("org-id",
        'An organisation identifier is not a known register prefix followed by an id.',
        'Write it as org-id.guide does, e.g. GB-CHC-1108687 (a charity number), GB-COH-01234567.')
    GSS_CODE = ("gss-code",
        'An area code is not an ONS (GSS) code.',
        'Write the letter and 8 digits, e.g. E07000244, and cite where it comes from.')
    EDITORS_SOURCE = ("editors-source",
        "An editors' source (kind: editors) does not say what the editors checked, or when.",
        "Add checked: (what you checked, and against what) and checked_on: (the day, YYYY-MM-DD).")
    PLACEHOLDER = ("placeholder",
        "A record, or a value, stands in for a fact the report does not give ('not named', 'unknown', "
        "'TBC').",
        "Delete it and leave the field out: the site shows a missing fact as not stated in the report. "
        "If an editor knows the fact from elsewhere, cite an editors' source.")
    NO_URL = ("no-url",
        "A source has no url, so readers cannot open the original document.",
        "Add url: with the document's address, when it is published online; the site says plainly that "
        "the original is not linked until you do.")
    PARTS_DO_NOT_ADD_UP = ("parts-do-not-add-up",
        "A statistic's breakdown (by district, town or kind) does not add up to its total.",
        "Correct the figures; if the report's own figures disagree, keep them and add discrepancy: "
        "saying so.")
    INVALID = ("invalid",
        'Some other value is not valid.',
        'Follow the message.')


SHOWN_CHARS = 60  # a value echoed in a message: enough to recognise it, never a page of it


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value quoted for a message: on one line, control characters written as escapes, and cut
    short with '...' when long, so a message is never longer than the fix it gives."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    text = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04X}" if ord(c) > 0xFF
                   else f"\\x{ord(c):02X}" for c in text)
    return f"'{text}'"


def problem(rule: Rule, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error whose message is shown to staff unchanged.

    `field` names the field a whole-record check is about, so the error points at its line.
    """
    return PydanticCustomError(rule.value, message, {"field": field} if field else None)
