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
        'The file is not valid YAML, or is not a list of records.',
        'Check indentation (two spaces), the colon after each field name, and quotes.')
    UNKNOWN_FILE = ("unknown-file",
        'A file in data/ is not named after a record type, so it would be ignored.',
        'Rename it, e.g. campaigns.yml, or move it into the right folder.')
    NO_DATA = ("no-data",
        'The data folder does not exist.',
        'Pass --data with the folder that holds sources.yml.')
    MISSING = ("missing",
        'A required field is missing.',
        'Add the field with a value.')
    UNKNOWN_FIELD = ("unknown-field",
        'A field name is not one this record type has, often a typo.',
        'Correct the spelling, or remove the field.')
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
    DUPLICATE_YEAR = ("duplicate-year",
        'A priority lists the same year twice.',
        'Keep one entry per year.')
    ROUTE_NOT_VERIFIED = ("route-not-verified",
        "A reporting route's details were last checked too long ago.",
        'Check the number, hours and links, then update verified_on.')
    ACTION_NOT_UPDATED = ("action-not-updated",
        'An action plan item that is under way has had no update for two quarters.',
        'Add an update for the latest quarter, or change its status.')
    CAMPAIGN_STATUS_OUT_OF_DATE = ("campaign-status-out-of-date",
        'A campaign is still marked upcoming or running after its dates.',
        'Set status: finished (or running), or correct the dates.')
    ORG_ID = ("org-id",
        'An organisation identifier is not a known register prefix followed by an id.',
        'Write it as org-id.guide does, e.g. GB-CHC-1108687 (a charity number), GB-COH-01234567.')
    GSS_CODE = ("gss-code",
        'An area code is not an ONS (GSS) code.',
        'Write the letter and 8 digits, e.g. E07000244, and cite where it comes from.')
    INVALID = ("invalid",
        'Some other value is not valid.',
        'Follow the message.')


def problem(rule: Rule, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error whose message is shown to staff unchanged.

    `field` names the field a whole-record check is about, so the error points at its line.
    """
    return PydanticCustomError(rule.value, message, {"field": field} if field else None)
