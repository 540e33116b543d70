"""prd_forge/_records.py: its NamedTuple builds what typing.NamedTuple builds, without typing."""

from __future__ import annotations

import pickle
import subprocess
import sys
import typing

import pytest

from prd_forge import _records
from prd_forge._records import NamedTuple
from prd_forge.lint.results import Finding
from prd_forge.terms import Severity


class Point(NamedTuple):
    """A point, with a default and a property."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)


class TypedPoint(typing.NamedTuple):
    """A point, with a default and a property."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


def test_the_runtime_base_is_not_typing_s() -> None:
    assert NamedTuple is not typing.NamedTuple  # else the rest would prove nothing
    assert not _records.TYPE_CHECKING


def test_a_record_is_the_namedtuple_typing_would_build() -> None:
    point = Point(3, -4)
    assert tuple(point) == (3, -4, ()) and issubclass(Point, tuple)
    assert Point._fields == TypedPoint._fields == ("x", "y", "tags")
    assert Point._field_defaults == TypedPoint._field_defaults == {"y": 0, "tags": ()}
    assert (point.norm, tuple(point.moved(1))) == (7, (4, -4, ()))
    assert point._asdict() == TypedPoint(3, -4)._asdict()
    assert Point._make([1, 2, ("a",)]) == Point(1, 2, ("a",))
    assert (Point.__name__, Point.__qualname__, Point.__module__) == ("Point", "Point", __name__)
    assert Point.__doc__ == TypedPoint.__doc__
    assert repr(point) == "Point(x=3, y=-4, tags=())"
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        point.x = 1  # type: ignore[misc]


def test_records_survive_pickling_as_the_worker_pool_sends_them() -> None:
    finding = Finding("a.md", 1, 2, "PRD001", "name", "metrics", Severity.ERROR, "message")
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert type(pickle.loads(pickle.dumps(finding))) is Finding


def test_a_field_without_a_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        class Bad(NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]


def test_namedtuple_s_own_names_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError, match="_make"):

        class Bad(NamedTuple):
            a: int

            def _make(self) -> None:  # type: ignore[misc]
                pass


def test_importing_it_does_not_import_typing() -> None:
    code = "import sys; import prd_forge._records; print('typing' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
