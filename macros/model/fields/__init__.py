"""Field types shared by every record, one module per kind of value.

Each parser raises a plain-English problem (macros.model.catalogue.problem) that ends with the
fix, so the validator can print it as it stands.
"""

from macros.model.catalogue import problem
from macros.model.fields.contact import (
    Link,
    PhoneNumber,
    looks_personal,
    parse_email,
    parse_link,
    parse_phone,
)
from macros.model.fields.dates import (
    FinancialYear,
    FullDate,
    PartialDate,
    Quarter,
    date_order,
    financial_year_of,
    financial_year_or_undated,
    parse_financial_year,
    parse_full_date,
    parse_quarter,
    quarter_bounds,
    quarter_of,
)
from macros.model.fields.ids import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    AreaRef,
    CampaignRef,
    Id,
    OrgRef,
    PotRef,
    PriorityRef,
    RefTo,
    SourceRef,
    parse_id,
    ref,
)
from macros.model.fields.money import Money, Number, parse_money, parse_number
from macros.model.fields.registers import GssCode, OrgId
from macros.model.fields.text import EMAIL_RE, PlainText, Prose, check_prose, check_text

__all__ = [
    "EMAIL_RE", "ID_MAX_LENGTH", "ID_PATTERN", "AreaRef", "CampaignRef", "FinancialYear", "FullDate",
    "GssCode", "Id", "Link", "Money", "Number", "OrgId", "OrgRef", "PartialDate", "PhoneNumber",
    "PlainText", "PotRef", "PriorityRef", "Prose", "Quarter", "RefTo", "SourceRef", "check_prose",
    "check_text", "date_order", "financial_year_of", "financial_year_or_undated",
    "looks_personal", "parse_email", "parse_financial_year",
    "parse_full_date", "parse_id", "parse_link", "parse_money", "parse_number", "parse_phone",
    "parse_quarter", "problem", "quarter_bounds", "quarter_of", "ref",
]
