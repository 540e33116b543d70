"""Where the shipped data (templates, schemas) lives, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` ("templates" or "schemas").

    A wheel carries it inside the package (see pyproject's force-include); a source checkout
    or an editable install keeps it at the top of the repository.
    """
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name
