"""requirements/action.txt, the lock the action installs from, stays in step with pyproject:
every runtime dependency and the build backend pinned to a version its specifier allows,
every pin hash-checked, nothing in the lock that nothing needs.

Regenerate it after a dependency change with the command in its header (pip-tools):
    pip-compile --allow-unsafe --build-deps-for=wheel --generate-hashes --no-emit-find-links \\
        --no-emit-index-url --output-file=requirements/action.txt --strip-extras pyproject.toml
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent.parent
LOCK = ROOT / "requirements" / "action.txt"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][\w.-]*)==(?P<version>\S+) \\$")


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: int
    via: frozenset[str]


def pins() -> dict[str, Pin]:
    found: dict[str, Pin] = {}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8"))
    for block in blocks:
        match = PIN.match(block.splitlines()[0])
        if match is None:
            continue
        via = re.findall(r"^\s+#\s+(?:via\s+)?(?:[# ]*)([A-Za-z0-9][\w.-]*)", block, re.M)
        found[canonicalize_name(match["name"])] = Pin(
            match["version"],
            block.count("--hash=sha256:"),
            frozenset(canonicalize_name(name) for name in via if name != "via"),
        )
    return found


def declared() -> list[Requirement]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [
        Requirement(text)
        for text in (*pyproject["project"]["dependencies"], *pyproject["build-system"]["requires"])
    ]


def test_every_declared_dependency_is_pinned_within_its_specifier() -> None:
    locked = pins()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml but not in {LOCK.name}: regenerate"
        assert requirement.specifier.contains(locked[name].version, prereleases=True), (
            f"{name}=={locked[name].version} does not satisfy {requirement}: regenerate"
        )


def test_every_pin_is_hash_checked_and_needed() -> None:
    locked = pins()
    assert len(locked) >= len(declared())
    direct = {canonicalize_name(r.name) for r in declared()}
    for name, pin in locked.items():
        assert pin.hashes >= 1, f"{name} has no --hash"
        assert name in direct or pin.via & set(locked), f"{name}: nothing in the lock needs it"


def test_the_lock_names_its_source_and_no_machine_specific_index() -> None:
    text = LOCK.read_text(encoding="utf-8")
    command = next(line for line in text.splitlines() if "pip-compile --" in line)
    assert "--generate-hashes" in command
    assert command.endswith(" pyproject.toml")
    assert "--index-url" not in text and "--find-links" not in text
