"""Ways to get in touch: links, team e-mail addresses and UK phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import BeforeValidator, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import core_schema

from macros.model.catalogue import Rule, problem
from macros.model.fields.text import EMAIL_RE

_PERSONAL_LOCAL_PART = re.compile(r"^[a-z]+[._-][a-z]+\d*$", re.IGNORECASE)


def looks_personal(address: str) -> bool:
    """firstname.lastname@ is a person; tradingstandards@ is a team mailbox."""
    return bool(_PERSONAL_LOCAL_PART.match(address.split("@", 1)[0]))


def parse_email(value: Any) -> str:
    text = str(value).strip()
    if not re.fullmatch(EMAIL_RE, text):
        raise problem(Rule.EMAIL, f"'{text}' is not an e-mail address")
    if looks_personal(text):
        raise problem(Rule.PERSONAL_EMAIL,
            f"'{text}' looks like a person's e-mail address; publish a team mailbox instead "
            "(if it is one, set shared_mailbox: true on this channel)",
        )
    return text


def parse_link(value: Any) -> str:
    """Links go to https pages, or are tel: or mailto: links; http is not allowed."""
    text = str(value).strip()
    if text.startswith("https://") and len(text) > len("https://") and " " not in text:
        return text
    if text.startswith("tel:"):
        parse_phone(text[4:])
        return text
    if text.startswith("mailto:"):
        parse_email(text[7:])
        return text
    if text.startswith("http://"):
        raise problem(Rule.URL, f"'{text}' is not secure; write https://{text[7:]}")
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", text, re.IGNORECASE):
        raise problem(Rule.URL, f"'{text}' has no scheme; write https://{text}")
    raise problem(Rule.URL, f"'{text}' is not a link; links start with https://, tel: or mailto:")


Link = Annotated[
    str,
    BeforeValidator(parse_link),
    WithJsonSchema({"type": "string", "pattern": "^(https://|tel:|mailto:)"}),
]


@dataclass(frozen=True)
class PhoneNumber:
    """A UK number, written GOV.UK style ('0800 977 5690') with a tel: link."""

    display: str
    e164: str

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

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


def parse_phone(value: Any) -> PhoneNumber:
    if isinstance(value, PhoneNumber):
        return value
    text = str(value).strip()
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException as exc:
        raise problem(Rule.PHONE, f"'{text}' is not a phone number; write it like 0800 977 5690") from exc
    digits = re.sub(r"\D", "", text)
    if number.country_code == 44 and shortnumberinfo.is_valid_short_number(number):
        # 999, 101, 18000 and 116 123 are dialled as written; libphonenumber cannot group them.
        return PhoneNumber(display=" ".join(text.split()), e164=digits)
    if number.country_code != 44 or not phonenumbers.is_valid_number(number):
        raise problem(Rule.PHONE,
            f"'{text}' is not a valid UK phone number; check the digits (UK numbers have "
            "11 digits starting with 0, like 0800 977 5690, or are short codes like 101)",
        )
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return PhoneNumber(display=display, e164=phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164))
