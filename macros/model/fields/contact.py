"""Ways to get in touch: links, team e-mail addresses and UK phone numbers."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import BeforeValidator, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import core_schema

from macros.model.catalogue import Rule, problem, shown
from macros.model.fields.text import EMAIL_RE

_PERSONAL_LOCAL_PART = re.compile(r"^[a-z]+[._-][a-z]+\d*$", re.IGNORECASE)


def looks_personal(address: str) -> bool:
    """firstname.lastname@ is a person; tradingstandards@ is a team mailbox."""
    return bool(_PERSONAL_LOCAL_PART.match(address.split("@", 1)[0]))


def parse_email(value: Any) -> str:
    text = str(value).strip()
    if not re.fullmatch(EMAIL_RE, text):
        raise problem(Rule.EMAIL, f"{shown(text)} is not an e-mail address")
    if looks_personal(text):
        raise problem(Rule.PERSONAL_EMAIL,
            f"{shown(text)} looks like a person's e-mail address; publish a team mailbox instead "
            "(if it is one, set shared_mailbox: true on this channel)",
        )
    return text


_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)\Z", re.ASCII)
_LOCAL_HOSTS = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


def _host_problem(text: str, host: str) -> str | None:
    """What is wrong with a web address's host, or None for a public name like www.gov.uk."""
    odd = next((c for c in host if not (c.isascii() and (c.isalnum() or c in ".-"))), None)
    if odd is not None:
        name = unicodedata.name(odd, "unknown").lower()
        return (f"the address in {shown(text)} has the character {shown(odd)} ({name}), which is not a "
                "plain letter, digit or hyphen and can make a link look like another website's; "
                "retype the address")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return (f"{shown(text)} points at a numbered computer address, not a website's name; "
                "write the website's address, like https://www.example.gov.uk/")
    except ValueError:
        pass
    if host == "localhost" or host.endswith(_LOCAL_HOSTS):
        return (f"{shown(text)} points at a local or private network address, which no resident can "
                "open; write the public website's address")
    labels = host.split(".")
    if any(label.startswith("xn--") for label in labels):
        return (f"{shown(text)} is an international address written in code (xn--), which can hide "
                "letters that look like others; check the organisation's real address and write it")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return (f"{shown(text)} has no website name after https:// (like www.example.gov.uk); "
                "check the link")
    return None


def _web_address(text: str) -> str:
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise problem(Rule.URL, f"{shown(text)} is not a link that works; check the address") from exc
    if "@" in parts.netloc:
        public = f"https://{parts.netloc.rsplit('@', 1)[1]}"
        raise problem(Rule.URL, "the link carries a user name or password (the part before '@'); "
                      f"links must never hold them: write {shown(public)} and what follows it")
    problem_text = _host_problem(text, (parts.hostname or "").lower())
    if problem_text:
        raise problem(Rule.URL, problem_text)
    return text


# Characters a web address never holds unencoded (RFC 3986): a quote or '<' could end the link.
_NOT_IN_LINKS = frozenset('"<>\\^`{|}')


def parse_link(value: Any) -> str:
    """Links go to public https pages, or are tel: or mailto: links; http is not allowed."""
    text = str(value).strip()
    if any(c.isspace() or not c.isprintable() for c in text):
        raise problem(Rule.URL, f"{shown(text)} has a space, a line break or another character that "
                      "cannot be in a link; a link is one unbroken address")
    odd = next((c for c in text if c in _NOT_IN_LINKS), None)
    if odd is not None:
        raise problem(Rule.URL, f"{shown(text)} has the character {shown(odd)}, which cannot be in a "
                      "link as it is typed (it could end the link and start something else on the "
                      "page); copy the address again from the browser's address bar")
    lowered = text.lower()
    if lowered.startswith("https://"):
        return _web_address(text)
    if lowered.startswith("tel:"):
        parse_phone(text[4:])
        return text
    if lowered.startswith("mailto:"):
        parse_email(text[7:])
        return text
    if lowered.startswith("http://"):
        raise problem(Rule.URL, f"{shown(text)} is not secure; write https://{text[7:]}")
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", text, re.IGNORECASE):
        raise problem(Rule.URL, f"{shown(text)} has no scheme; write https://{text}")
    raise problem(Rule.URL, f"{shown(text)} is not a link; links start with https://, tel: or mailto:")


Link = Annotated[
    str,
    BeforeValidator(parse_link),
    WithJsonSchema({"type": "string", "pattern": "^(https://|tel:|mailto:)"}),
]


# What some numbers cost residents (Ofcom's caps). Numbers that cost more are refused below.
_CHARGES = (
    ("0870", "Calls to 0870 numbers cost up to 13p a minute, plus your phone company's access charge."),
    ("084", "Calls to 084 numbers cost up to 7p a minute, plus your phone company's access charge."),
)
_PREMIUM = (
    ("09", "a premium-rate number (starting 09), which can cost several pounds a minute"),
    ("0871", "a service number (0871) that is charged at premium rate"),
    ("0872", "a service number (0872) that is charged at premium rate"),
    ("0873", "a service number (0873) that is charged at premium rate"),
    ("118", "a directory enquiries number (118), which can cost several pounds a call"),
)


@dataclass(frozen=True)
class PhoneNumber:
    """A UK number, written GOV.UK style ('0800 977 5690') with a tel: link."""

    display: str
    e164: str

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

    @property
    def national(self) -> str:
        """The digits as dialled in the UK: 0870..., 101."""
        return "0" + self.e164[3:] if self.e164.startswith("+44") else self.e164

    @property
    def charge(self) -> str | None:
        """What a resident pays to call, when it is more than an ordinary call; None otherwise."""
        if self.national == "101":
            return "Calls to 101 cost 15p, however long the call."
        return next((text for prefix, text in _CHARGES if self.national.startswith(prefix)), None)

    def __str__(self) -> str:
        return self.display

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            parse_phone, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {"type": ["string", "integer"], "description": "A UK phone number, e.g. 0800 977 5690"}


def _refuse_premium(number: PhoneNumber, text: str) -> PhoneNumber:
    """Residents in danger or distress must never be sent to a number that costs pounds."""
    what = next((words for prefix, words in _PREMIUM if number.national.startswith(prefix)), None)
    if what:
        raise problem(Rule.PREMIUM_RATE, f"{shown(text)} is {what}; residents who need help must not "
                      "be charged for it: give the service's free, local or 03 number instead")
    return number


def parse_phone(value: Any) -> PhoneNumber:
    if isinstance(value, PhoneNumber):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise problem(Rule.PHONE, f"{shown(value)} is not a phone number; write it like 0800 977 5690")
    text = str(value).strip()
    if re.search(r"[A-Za-z]", text):
        raise problem(Rule.PHONE, f"{shown(text)} has letters in it; phone numbers are written in digits "
                      "(the letters on a keypad are not dialled the same on every phone): write the digits")
    if not re.fullmatch(r"\+?[0-9 ()-]{2,30}", text):
        raise problem(Rule.PHONE, f"{shown(text)} is not a phone number; write it like 0800 977 5690")
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException as exc:
        raise problem(Rule.PHONE, f"{shown(text)} is not a phone number; write it like 0800 977 5690"
                      ) from exc
    digits = re.sub(r"\D", "", text)
    if number.country_code == 44 and shortnumberinfo.is_valid_short_number(number):
        # 999, 101, 18000 and 116 123 are dialled as written; libphonenumber cannot group them.
        return _refuse_premium(PhoneNumber(display=" ".join(text.split()), e164=digits), text)
    if digits.startswith("118") and len(digits) == 6:
        return _refuse_premium(PhoneNumber(display=text, e164=digits), text)
    if number.country_code != 44 or not phonenumbers.is_valid_number(number):
        raise problem(Rule.PHONE,
            f"{shown(text)} is not a valid UK phone number; check the digits (UK numbers have "
            "11 digits starting with 0, like 0800 977 5690, or are short codes like 101)",
        )
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _refuse_premium(PhoneNumber(display=display, e164=phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164)), text)
