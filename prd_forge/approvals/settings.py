"""The team's approval settings for an answers file: its config file's, else the defaults."""

from __future__ import annotations

from pathlib import Path

from prd_forge.approvals import roles
from prd_forge.lint import config


def for_file(path: Path) -> config.Config:
    """The config that applies to `path` (raises config.ConfigError for a bad one)."""
    found = config.find(path.resolve().parent)
    return config.load(found) if found is not None else config.DEFAULT


def role_sections(settings: config.Config) -> dict[str, tuple[str, ...]]:
    """Every role the team knows and the concerns its approval signs."""
    return roles.role_sections(settings.approval_roles)
