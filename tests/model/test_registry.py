"""The one registry of record types agrees with the models: no type without an entry, no entry
without a model, and every name a type goes by is distinct."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import macros.model
from macros.model import RECORD_TYPES, label, record_path
from macros.model.base import CitedRecord, Record


def record_models() -> set[type]:
    """Every concrete record model defined in macros.model (a Record subclass, bases excepted)."""
    found = set()
    for module in pkgutil.walk_packages(macros.model.__path__, "macros.model."):
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            own = value.__module__ == module.name
            if own and issubclass(value, Record) and value not in (Record, CitedRecord):
                found.add(value)
    return found


def test_every_record_model_is_registered_and_every_entry_has_a_model():
    registered = {t.model for t in RECORD_TYPES.values()}
    assert record_models() - registered == set(), "record models missing from macros/model/registry.py"
    assert registered - record_models() == set(), "registry entries whose model is not a record model"


def test_each_type_has_its_own_file_name_folder_and_noun():
    for attribute in ("name", "folder", "noun", "title"):
        values = [getattr(t, attribute) for t in RECORD_TYPES.values()]
        assert len(set(values)) == len(values), attribute
    for t in RECORD_TYPES.values():
        assert t.label_field in t.model.model_fields, t.name
        assert record_path(t.name, "x") == f"{t.folder}/x/"


def test_a_record_is_labelled_by_its_types_label_field():
    from macros.data.validate import load_dataset
    from tests.conftest import FIXTURES

    dataset = load_dataset(FIXTURES / "minimal" / "data")
    for name, t in RECORD_TYPES.items():
        for record in dataset.all(name):
            assert label(record) == getattr(record, t.label_field)
