"""What prd-forge knows about the concern "Rollout and rollback"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="rollout",
    title="Rollout and rollback",
    why=(
        "A phased launch with gates, a rollback trigger and a kill switch with an owner "
        "limits the blast radius."
    ),
    anchor="NIST AI RMF MANAGE 1.1, MANAGE 2.4 (supersede, disengage, deactivate)",
    level=Level.REQUIRED,
    ai_only=False,
    fields=("rollout",),
    partial="sections/rollout.md.j2",
    strong=(
        "rollout",
        "roll-out",
        "rollout plan",
        "launch plan",
        "rollback",
        "rollback plan",
        "kill switch",
        "phased rollout",
        "launch readiness",
        "deployment plan",
        "ramp plan",
        "ramp",
        "roll out",
        "roll it out",
    ),
    weak=(
        "launch",
        "release plan",
        "release",
        "go to market",
        "go-to-market",
        "deployment",
        "milestones",
        "timeline",
        "experiment plan",
        "go live",
        "phase",
        "ship",
        "shipping",
    ),
    evidence=(
        r"roll-?out",
        r"rollback",
        r"roll back",
        r"kill switch",
        r"feature flag",
        r"canary",
        r"shadow mode",
        r"dogfood\w*",
        r"internal (?:users|pilot|beta)",
        r"general availability",
        r"ga",
        r"phased",
        r"ramp\w*",
        r"cohorts?",
        r"pilot",
        r"beta",
        r"\d+ ?% of (?:users|traffic|customers|accounts|tenants|stores|teams)",
        r"(?:expand|widen|open) (?:it )?to",
        r"turn (?:it )?off",
    ),
)
