"""Which sections each role signs, and which roles a launch needs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# role -> the concerns (sections) an approval by that role signs. A team overrides or adds
# roles in its config ([tool.prd-forge.approvals] roles).
DEFAULT_ROLES: Mapping[str, tuple[str, ...]] = {
    "product": ("problem", "ai-fit", "scope", "baseline", "metrics", "rollout"),
    "engineering": ("fallbacks", "ux-states", "human-oversight", "monitoring", "rollout"),
    "ml": ("evaluation", "fallbacks", "monitoring"),
    "privacy": ("data", "privacy"),
    "legal": ("privacy", "human-oversight"),
}
# Roles a launch needs by default; ml joins for an AI feature, privacy when any data source
# holds personal data.
LAUNCH_ROLES: tuple[str, ...] = ("product", "engineering")


def role_sections(
    configured: Sequence[tuple[str, tuple[str, ...]]] = (),
) -> dict[str, tuple[str, ...]]:
    """Every role and the concerns it signs: the defaults, then the team's own."""
    roles = dict(DEFAULT_ROLES)
    roles.update(configured)
    return roles


def launch_roles(
    *, ai: bool, personal_data: bool, configured: Sequence[str] | None = None
) -> tuple[str, ...]:
    """The roles whose current approval a launch needs."""
    if configured is not None:
        return tuple(configured)
    roles = list(LAUNCH_ROLES)
    if ai:
        roles.append("ml")
    if personal_data:
        roles.append("privacy")
    return tuple(roles)
