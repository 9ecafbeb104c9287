"""Pydantic's error messages rewritten in plain English, each with its fix.

Every rule the validator applies has an entry in RULES; the staff guide is generated from it,
so a message can never be added without its explanation.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

# rule code -> (what it means, how to fix it). Codes are what Problem.rule holds.
RULES: dict[str, tuple[str, str]] = {
    "yaml-syntax": ("The file is not valid YAML, or is not a list of records.",
                    "Check indentation (two spaces), the colon after each field name, and quotes."),
    "unknown-file": ("A file in data/ is not named after a record type, so it would be ignored.",
                     "Rename it, e.g. campaigns.yml, or move it into the right folder."),
    "no-data": ("The data folder does not exist.", "Pass --data with the folder that holds sources.yml."),
    "missing": ("A required field is missing.", "Add the field with a value."),
    "unknown-field": ("A field name is not one this record type has, often a typo.",
                      "Correct the spelling, or remove the field."),
    "wrong-type": ("A value is the wrong kind: text where a list is needed, or the reverse.",
                   "Write it as the message says: a list has one '- item' per line."),
    "not-allowed": ("A value is not one of the allowed choices.", "Use one of the listed values."),
    "id": ("An id is not lower-case words joined by hyphens.", "Rewrite it, e.g. 'es-hate-crime'."),
    "money": ("An amount is not a plain, non-negative number of pounds.",
              "Write 8700, not '£8,700'; pence after a dot: 8700.50."),
    "number": ("A figure is not a plain number.", "Write digits only: 1343, not '1,343'."),
    "date": ("A date is not a real date in the form YYYY-MM-DD (or YYYY-MM, YYYY).",
             "Correct the date; use YYYY-MM or YYYY when the report gives no day."),
    "financial_year": ("A financial year is not written like 2019/20, or does not match a date.",
                       "Write the first year and the next: 2019/20."),
    "quarter": ("A quarter is not written like 'Q1 2023/24'.", "Q1 is April to June, Q4 January to March."),
    "end_before_start": ("An end date comes before the start date.", "Swap or correct the dates."),
    "url": ("A link is not https, tel: or mailto:.", "Write the full address starting https://."),
    "phone": ("A phone number is not a valid UK number.", "Check the digits: 0800 977 5690, or 101."),
    "email": ("An e-mail address is not valid.", "Correct the address."),
    "personal_email": ("An e-mail address looks like a person's (firstname.lastname@).",
                       "Publish a team mailbox; if it is one, set shared_mailbox: true."),
    "email_in_text": ("Text contains an e-mail address.",
                      "Remove it; put team mailboxes only in a route's channels."),
    "template_code": ("Text contains '{{', '{%' or '{#', which the site would treat as code.",
                      "Remove those characters or write the words out."),
    "html": ("Text contains an HTML tag.", "Remove the tag; use Markdown in description fields."),
    "missing_detail": ("A contact channel has no number, link or address.",
                       "Add it, or say why it is left out in missing_detail."),
    "undated": ("An update or a measured value has no date.", "Add a quarter, a date or as_of."),
    "overspent": ("A funding pot has spent more than was allocated.", "Check spent and allocated."),
    "does_not_add_up": ("Spent plus remaining does not equal the amount allocated.",
                        "Correct one of the three amounts."),
    "pot-overspent": ("The projects paid from a pot add up to more than the pot holds.",
                      "Check each project's amount and pot, and the pot's allocated amount."),
    "duplicate-id": ("Two records of the same type share an id.",
                     "Give the newer record a new id; never reuse or change a published id."),
    "unresolved-reference": ("A field names a record that does not exist.",
                             "Correct the id, or add the missing record."),
    "unpublished-reference": ("A public record names a draft, restricted or embargoed record.",
                              "Publish the other record first, or remove the reference."),
    "area-parent": ("An area's parent is not one level up (district > partnership > county).",
                    "Set parent to the area that contains it."),
    "duplicate-year": ("A priority lists the same year twice.", "Keep one entry per year."),
    "route-not-verified": ("A reporting route's details were last checked too long ago.",
                           "Check the number, hours and links, then update verified_on."),
    "action-not-updated": ("An action plan item that is under way has had no update for two quarters.",
                           "Add an update for the latest quarter, or change its status."),
    "campaign-status-out-of-date": ("A campaign is still marked upcoming or running after its dates.",
                                    "Set status: finished (or running), or correct the dates."),
    "invalid": ("Some other value is not valid.", "Follow the message."),
}

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
    "dict_type": "a set of fields", "model_type": "a set of fields", "model_attributes_type":
    "a set of fields", "date_type": "a date", "decimal_type": "a number",
}


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return repr(value) if not isinstance(value, str) else f"'{value}'"


def field_help(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    description = model.model_fields[name].description
    return f" ({description})" if description else ""


def explain(error: dict, model: type[BaseModel] | None, name: str) -> tuple[str, str]:
    """(rule code, plain-English message with the fix) for one pydantic error."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind in RULES and kind not in {"missing"}:  # our own PydanticCustomError codes
        return kind, error["msg"]
    if kind == "missing":
        return "missing", f"this field is required; add '{name}:' with a value{field_help(model, name)}"
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
        return "unknown-field", f"'{name}' is not a field here; {hint}"
    if kind in {"enum", "literal_error"}:
        return "not-allowed", f"{describe(value)} is not allowed; use one of: {ctx.get('expected')}"
    if kind == "too_short":
        return "missing", f"needs at least {ctx.get('min_length', 1)} entry; add one"
    if kind == "string_pattern_mismatch":
        return "invalid", f"{describe(value)} is not in the expected form ({ctx.get('pattern')})"
    if kind in _TYPE_WORDS:
        want = _TYPE_WORDS[kind]
        fix = "; write each item on its own line starting with '- '" if kind == "list_type" else ""
        return "wrong-type", f"should be {want}, not {describe(value)}{fix}"
    if kind == "value_error":
        return "invalid", str(ctx.get("error", error["msg"]))
    return "invalid", f"{error['msg']} (value: {describe(value)})"
