"""The funding explorer: funded projects one financial year per page, totals over every year, and pots."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from macros.data.dataset import Dataset
from macros.figures.tables import funding_totals as totals_for
from macros.model import label
from macros.model.fields import date_order
from macros.model.fields.dates import UNDATED
from macros.site.links import Links, section_path
from macros.site.paging import Page, chosen, paginate, year_nav
from macros.site.render import render
from macros.site.views import HIDDEN, view
from macros.site.views.common import in_area

COLUMNS = [("date", "Date", False), ("title", "Project", False), ("funder", "Funder", False),
           ("recipient", "Recipient", False), ("area", "Area", False), ("priorities", "Priorities", False),
           ("year", "Financial year", False), ("amount", "Amount", True)]
PER_PAGE = 60  # funded projects in one table (about 0.9 KB a row)


def _options(dataset: Dataset, record_type: str, ids) -> list[tuple[str, str]]:
    return sorted(((i, label(dataset.get(record_type, i))) for i in set(ids)), key=lambda o: o[1])


def _sum(projects) -> Decimal:
    return sum((p.amount for p in projects if p.amount is not None), Decimal(0))


def unstated(projects) -> int:
    """How many projects have no stated amount: a total says "and N of unstated amount"."""
    return sum(p.amount is None for p in projects)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    projects = sorted(in_area(dataset, "funded-projects", area), key=lambda p: date_order(p.award_date))
    # A site with few projects keeps them on one page, where the explorer filters by year too.
    return paginate(projects, lambda p: p.financial_year or UNDATED, PER_PAGE, whole_if_fits=True,
                    order=lambda key: (key != UNDATED, key))


@view("funding")
def funding_table(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    """The funded projects of one financial year (the newest unless `page` names another)."""
    every = pages(dataset, area)
    current = chosen(every, page)
    projects = current.items
    years = sorted({p.financial_year for p in projects if p.financial_year})
    filters = [("year", "Financial year", [(y, y) for y in years])] if len(years) > 1 else []
    filters += [
        ("funder", "Funder", _options(dataset, "organisations", (p.funder for p in projects if p.funder))),
        ("area", "Area", _options(dataset, "areas", (p.area for p in projects))),
        ("priorities", "Priority",
         _options(dataset, "priorities", (i for p in projects for i in p.priorities))),
    ]
    nav = year_nav(every, current, links, section_path(area, "funding"), "Funded projects by financial year",
                   "Showing the projects funded in")
    return render("funding_table.html", links=links, rows=projects, total=_sum(projects),
                  unstated=unstated(projects), data=dataset, columns=COLUMNS, filters=filters, nav=nav,
                  page=current, year_total=_sum(current.every))


# The explorer's filter (and address parameter) for each column the totals group by.
FILTER_OF = {"financial_year": "year", "funder": "funder", "area": "area", "priorities": "priorities"}
EXPLORER = "#funding-explorer"


def total_links(every: list[Page], links: Links, area: str | None, tables) -> dict[tuple[str, str], str]:
    """{(column, key): the view of that total's rows}. While every project fits one page, the
    explorer filtered by the address (?funder=x); on a page a year, a year's total links to its page
    (and a funder's, over every year, has no one view to link to)."""
    base = links.page(section_path(area, "funding"))
    whole = len(every) == 1
    firsts = {p.key: p for p in every if p.part == 1}
    found = {}
    for table in tables:
        for row in table.rows:
            if not row.key:
                continue
            if whole:
                query = urlencode({FILTER_OF[table.column]: row.key})
                found[table.column, row.key] = f"{base}?{query}{EXPLORER}"
            elif table.column == "financial_year" and row.key in firsts:
                found[table.column, row.key] = base + firsts[row.key].slug + EXPLORER
    return found


@view(HIDDEN)
def funding_totals(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    """Totals over every year (the same on every year's page), so each year's table adds up to its row;
    each total links to the view of the rows it adds up."""
    projects = in_area(dataset, "funded-projects", area)
    tables = totals_for(dataset, area)
    return render("funding_totals.html", links=links, tables=tables, count=len(projects),
                  unstated=unstated(projects), total=_sum(projects),
                  hrefs=total_links(pages(dataset, area), links, area, tables))


@view(HIDDEN)
def funding_pots(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    """The pots for the financial year shown by the funded projects table on the same page."""
    year = chosen(pages(dataset, area), page).key
    pots = []
    for pot in in_area(dataset, "funding-pots", area):
        if year and year not in pot.financial_years:
            continue
        paid = dataset.referrers("funding-pots", pot.id, of_type="funded-projects")
        pots.append((pot, _sum(paid), len(paid)))
    return render("funding_pots.html", links=links, pots=pots, data=dataset, year=year)
