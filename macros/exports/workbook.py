"""Every published record in one XLSX workbook: a first sheet saying what it is (licence,
sources, date), then a sheet per record type with the CSV's columns, typed (numbers, dates).

Written with openpyxl in write-only mode (rows streamed, not held as cells). Text is always
written as text, never as a formula, whatever it starts with.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

from macros.data.dataset import Dataset
from macros.exports.records import LICENCE, columns
from macros.exports.typed import rows
from macros.model import RECORD_TYPES

WORKBOOK_PATH = "data/all-records.xlsx"
ABOUT = "About"
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


def _cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=SUM(...)" in a title stays words: openpyxl would write a formula
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _about(sheet, dataset: Dataset, site_name: str, site_url: str, issued: dt.date) -> None:
    kinds = RECORD_TYPES.items()
    lines = [
        [site_name + ": every published record"],
        ["Published", issued], ["From", site_url], ["Licence", f"{LICENCE['title']}: {LICENCE['path']}"],
        ["Attribution", ATTRIBUTION],
        ["Cite as", f"{site_name}, open data, {site_url}data/ (published {issued.isoformat()})."],
        [],
        ["Sheets"], *([name, kind.description, len(dataset.all(name))] for name, kind in kinds),
        [],
        ["Sources: the documents every record cites"],
        ["id", "title", "publisher", "date", "original"],
    ]
    for source in dataset.all("sources"):
        publisher = dataset.find("organisations", getattr(source, "publisher", None))
        url = getattr(source, "url", None)
        lines.append([source.id, source.title, publisher.name if publisher else "not stated",
                      str(getattr(source, "date", "") or "not stated"), str(url) if url else "not linked"])
    for line in lines:
        sheet.append([_cell(sheet, value) for value in line])


def workbook(dataset: Dataset, site_name: str, site_url: str, issued: dt.date) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    stamp = dt.datetime.combine(issued, dt.time())
    book.properties.created = book.properties.modified = stamp  # the build date, not the clock
    _about(book.create_sheet(ABOUT), dataset, site_name, site_url, issued)
    for record_type in RECORD_TYPES:
        sheet = book.create_sheet(record_type)
        names = [c.name for c in columns(record_type)]
        sheet.append([_cell(sheet, name) for name in names])
        for row in rows(dataset, record_type):
            sheet.append([_cell(sheet, row[name]) for name in names])
    out = io.BytesIO()
    book.save(out)
    return _stamped(out.getvalue(), stamp)


def _stamped(archive: bytes, stamp: dt.datetime) -> bytes:
    """The same zip with every member dated `stamp`: two builds of the same data give the same bytes
    (openpyxl dates each member with the time of saving)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w") as copy:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            data = source.read(member.filename)
            if member.filename == "docProps/core.xml":  # openpyxl sets "modified" to the clock on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.strftime(
                    "%Y-%m-%dT%H:%M:%SZ").encode(), data)
            copy.writestr(info, data)
    return out.getvalue()
