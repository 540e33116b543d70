"""The catalogue of concerns, as the fixed tuple most of prd-forge reads.

A thin view of `prd_forge.concerns`, where each concern owns its knowledge. Code that must see a
concern registered at run time (lint, the render guard, `template check`) asks
`prd_forge.concerns.current()` instead of these constants.
"""

from __future__ import annotations

from types import MappingProxyType

from prd_forge import concerns
from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns import Concern, Level, applicable, get

if TYPE_CHECKING:
    from typing import Final

__all__ = ["BY_ID", "CONCERNS", "IDS", "Concern", "Level", "applicable", "get"]

CONCERNS: Final[tuple[Concern, ...]] = concerns.current()

BY_ID: Final = MappingProxyType({concern.id: concern for concern in CONCERNS})
"""Concern by id; read-only."""

IDS: Final[tuple[str, ...]] = tuple(concern.id for concern in CONCERNS)
