"""Validation of a config file's table (pydantic; imported only when a config file exists)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from prd_forge import catalogue
from prd_forge.lint.config import Config, ConfigError, CustomSection
from prd_forge.terms import Severity, Stage

_KEBAB = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
SeverityName = Literal["error", "warning", "info", "off"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _Section(_Strict):
    id: str = Field(pattern=_KEBAB)
    title: str = Field(min_length=1)
    aliases: list[str] = []


class _Approvals(_Strict):
    roles: dict[str, list[str]] = {}
    launch: list[str] | None = None


class FileConfig(_Strict):
    """The keys of `[tool.prd-forge]` / .prd-forge.toml; any other key is an error."""

    preset: Literal["default", "strict"] = "default"
    stage: Literal["draft", "review", "launch"] | None = None
    select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, SeverityName] = {}
    per_path_ignores: dict[str, list[str]] = Field(default={}, alias="per-path-ignores")
    aliases: dict[str, list[str]] = {}
    required: list[str] = []
    sections: list[_Section] = []
    ai: bool | Literal["auto"] = "auto"
    fail_level: Literal["error", "warning", "info"] = Field(default="error", alias="fail-level")
    exclude: list[str] = []
    force_exclude: bool = Field(default=False, alias="force-exclude")
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    approvals: _Approvals = _Approvals()


def validate(table: Any, *, source: str, where: str, root: str) -> Config:
    """A Config from a parsed TOML table, or ConfigError naming the file and the key."""
    try:
        parsed = FileConfig.model_validate(table)
    except ValidationError as error:
        raise ConfigError(f"{source}: {where} {_explain(error)}") from None
    concerns = set(catalogue.IDS) | {section.id for section in parsed.sections}
    _check_selectors(parsed, concerns, source, where)
    signed = [c for sections in parsed.approvals.roles.values() for c in sections]
    for concern in (*parsed.aliases, *parsed.required, *signed):
        if concern not in concerns:
            known = ", ".join(sorted(concerns))
            raise ConfigError(f"{source}: {where}: unknown concern {concern!r}; known: {known}")
    return Config(
        preset=parsed.preset,
        stage=None if parsed.stage is None else Stage(parsed.stage),
        select=tuple(parsed.select),
        ignore=tuple(parsed.ignore),
        severity=tuple(parsed.severity.items()),
        per_path_ignores=tuple((k, tuple(v)) for k, v in parsed.per_path_ignores.items()),
        aliases=tuple((k, tuple(v)) for k, v in parsed.aliases.items()),
        required=tuple(parsed.required),
        sections=tuple(CustomSection(s.id, s.title, tuple(s.aliases)) for s in parsed.sections),
        ai=None if parsed.ai == "auto" else bool(parsed.ai),
        fail_level=Severity(parsed.fail_level),
        exclude=tuple(parsed.exclude),
        force_exclude=parsed.force_exclude,
        respect_gitignore=parsed.respect_gitignore,
        approval_roles=tuple((k, tuple(v)) for k, v in parsed.approvals.roles.items()),
        launch_roles=None if parsed.approvals.launch is None else tuple(parsed.approvals.launch),
        root=root,
        source=source,
    )


def _explain(error: ValidationError) -> str:
    """The first problem, as `key: what is wrong`; an unknown key gets the nearest real one."""
    from prd_forge.lint.selectors import nearest

    errors = error.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    key = ".".join(str(part) for part in first["loc"]) or "(table)"
    if first["type"] != "extra_forbidden":
        return f"{key}: {first['msg']}"
    model: type[BaseModel] = _Section if len(first["loc"]) > 1 else FileConfig
    names = [field.alias or name for name, field in model.model_fields.items()]
    guess = nearest(str(first["loc"][-1]), names)
    hint = f"did you mean {guess!r}?" if guess else f"known keys: {', '.join(sorted(names))}"
    return f"{key}: unknown key; {hint}"


def _check_selectors(parsed: FileConfig, concerns: set[str], source: str, where: str) -> None:
    from prd_forge.lint.selectors import known, unknown_message

    selectors = [
        *parsed.select,
        *parsed.ignore,
        *parsed.severity,
        *(s for values in parsed.per_path_ignores.values() for s in values),
    ]
    for selector in selectors:
        if not known(selector, concerns):
            raise ConfigError(f"{source}: {where}: {unknown_message(selector, concerns)}")
