"""A number that costs more than an ordinary call says what it costs, where residents read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from macros.data.validate import load_dataset
from macros.site.render import render


@pytest.mark.parametrize("number, says", [
    ("0845 123 4567", "Calls to 084 numbers cost up to 7p a minute"),
    ("0870 123 4567", "Calls to 0870 numbers cost up to 13p a minute"),
    ('"101"', "Calls to 101 cost 15p"),
    ("0808 2000 247", None),
])
def test_a_channel_shows_the_call_charge_of_its_number(minimal_data: Path, number: str, says: str | None):
    routes = minimal_data / "routes.yml"
    routes.write_text(routes.read_text().replace("      number: 0808 2000 247", f"      number: {number}"))
    dataset = load_dataset(minimal_data, dt.date(2023, 8, 1))
    route = dataset.get("routes", "test-helpline")
    text = lxml.html.fromstring(str(render("_channels.html", route=route))).text_content()
    if says:
        assert says in text
    else:
        assert "cost" not in text.lower()
