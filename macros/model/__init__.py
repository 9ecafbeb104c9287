"""What a record is: one model per record type, the field types they share, and the registry."""

from macros.model.registry import INTERNAL_FIELDS, RECORD_TYPES, RecordType, label, record_path, type_of

__all__ = ["INTERNAL_FIELDS", "RECORD_TYPES", "RecordType", "label", "record_path", "type_of"]
