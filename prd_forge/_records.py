"""typing.NamedTuple for the lint path, without importing typing.

A warm lint run (every file answered from the result cache) is short enough that importing
typing costs it about a twelfth of its time; what the run needs from typing is only the
NamedTuple class syntax. Type checkers see typing's own NamedTuple (and TYPE_CHECKING is
True for them); at run time `class Finding(NamedTuple): ...` builds the same
collections.namedtuple that typing's builds, with the class's own methods, properties and
docstring. Modules on that path write `from prd_forge._records import TYPE_CHECKING,
NamedTuple` and import the rest of typing under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # what namedtuple defines itself, or the class statement puts in every namespace
    _RESERVED = frozenset(
        {"__module__", "__annotations__", "__new__", "__init__", "__slots__", "__getnewargs__"}
        | {"_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"}
    )

    class _RecordMeta(type):
        def __new__(cls, name, bases, namespace):
            if namespace.get("_root"):
                return super().__new__(cls, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            defaults = [namespace[field] for field in fields if field in namespace]
            if any(field in namespace for field in fields[: len(fields) - len(defaults)]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            module = namespace["__module__"]
            record = namedtuple(name, fields, defaults=defaults, module=module)
            for key, value in namespace.items():
                if key in _RESERVED:
                    if key not in ("__module__", "__annotations__"):
                        raise AttributeError(f"{name}: cannot overwrite NamedTuple's {key}")
                elif key not in record._fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordMeta):
        """Base of a record class: the class statement returns a collections.namedtuple."""

        _root = True


__all__ = ["TYPE_CHECKING", "NamedTuple"]
