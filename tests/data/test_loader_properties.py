"""Whatever a data file holds, the validator answers with problems or a Dataset: never an
exception, never a long wait. Hypothesis writes the files: any bytes, YAML made of the pieces
of YAML syntax in any order, and well-formed YAML documents of any shape, into one file of a copy
of the minimal fixture (each record type's file in turn)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.validate import validate
from macros.model import RECORD_TYPES
from tests.conftest import FIXTURES

TODAY = dt.date(2023, 8, 1)
SECONDS = 3.0  # per file, on a busy machine; a hostile file of this size takes well under 0.2 s
FILES = sorted({f"{name}.yml" for name in RECORD_TYPES} - {"actions.yml", "funded-projects.yml"})
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The pieces YAML is made of, and some that are not YAML's but are hostile.
PIECES = ["- ", "id: ", "name: ", "kind: ", "sources: ", "document: ", ": ", "\n", "  ", "    ", "\t",
          "[", "]", "{", "}", ", ", "&a ", "*a", "<<: ", "!!str ", "!!python/object:os.system ",
          "!x ", "? ", "|", ">-", "# ", "'", '"', "\\u202e", "\\x00", "\\e", "---\n", "...\n", "%YAML 1.2\n",
          "~", "null", "true", "0x1F", "1e400", "9" * 50, "2019-02-30", "test-report", "test-council",
          "police", "\u202e", "\x00", "\x1b", "\ufeff", "\u2028", "\r", "\r\n", "é", "\xe9", "{{ x }}",
          "<script>", "![i](https://x.example/p.gif)", "https://u:p@h/", "0909 879 0000", "@"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=40), st.sampled_from(["test-report", "test-council", "nation", "1.2"]))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(
        ["id", "name", "kind", "sources", "document", "section", "parent", "title", "publisher",
         "date", "amount", "x"]) | st.text(max_size=8), inner, max_size=6)), max_leaves=25)


def _check(content: bytes, file: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURES / "minimal" / "data", data)
        (data / file).write_bytes(content)
        start = time.process_time()
        result = validate(data, TODAY)  # any exception fails the test
        spent = time.process_time() - start
    assert result.dataset is not None or result.problems, "neither a Dataset nor a problem"
    assert result.ok == (result.dataset is not None)
    assert spent < SECONDS, f"{spent:.1f} s CPU for {len(content)} bytes"
    for problem in result.problems:
        text = str(problem)
        assert "\n" not in text and len(text) < 1500, text[:300]


@PROPERTIES
@given(st.binary(max_size=3000), st.sampled_from(FILES))
def test_any_bytes(content: bytes, file: str):
    _check(content, file)


@PROPERTIES
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(FILES))
def test_yaml_made_of_yaml_pieces(pieces: list[str], file: str):
    _check("".join(pieces).encode("utf-8", "surrogatepass"), file)


@PROPERTIES
@given(documents, st.sampled_from(FILES))
def test_any_yaml_document(document, file: str):
    text = yaml.safe_dump(document, allow_unicode=True)
    _check(text.encode("utf-8", "surrogatepass"), file)


@PROPERTIES
@given(st.lists(documents, min_size=1, max_size=4), st.sampled_from(FILES))
def test_any_list_of_records(records, file: str):
    text = yaml.safe_dump(records, allow_unicode=True)
    _check(text.encode("utf-8", "surrogatepass"), file)
