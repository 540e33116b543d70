"""YAML 1.2 scalars for answers files: the core schema's booleans, integers and floats.

PyYAML implements YAML 1.1, where `on`, `off`, `yes`, `no`, `y` and `n` are booleans (a key
`on:`, which every GitHub workflow has, reads as `True`), `010` is octal 8, `1:30` is the
sexagesimal 90 and `1_000` is 1000. YAML 1.2's core schema, which editors and the
yaml-language-server use, keeps those strings (and `010` is ten). These loaders are PyYAML's
safe loaders with the 1.2 resolvers in place of the 1.1 ones; nulls and dates resolve as
before.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_REPLACED = frozenset({_BOOL, _INT, _FLOAT})
_RESOLVERS = (  # in this order: a decimal integer also fits the float pattern
    (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (
        _FLOAT,
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text, 10)  # 010 is ten, not octal eight


def _yaml12(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in _REPLACED]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    loader: type[yaml.SafeLoader] = type(
        f"{base.__name__}12", (base,), {"yaml_implicit_resolvers": resolvers}
    )
    for tag, regexp, first in _RESOLVERS:
        loader.add_implicit_resolver(tag, regexp, list(first))
    loader.add_constructor(_INT, _int)
    return loader


SafeLoader12: type[yaml.SafeLoader] = _yaml12(yaml.SafeLoader)
# libyaml's parser with the same resolvers, where libyaml is installed
FastLoader12: type[yaml.SafeLoader] = _yaml12(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _quoting_dumper() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper, quoting every string that YAML 1.1 or 1.2 would read as something
    else (`on`, `010`, `1e3`, `0o17`), so what prd-forge writes reads back the same in both."""
    resolvers = {
        first: list(entries) for first, entries in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }
    dumper: type[yaml.SafeDumper] = type(
        "SafeDumper12", (yaml.SafeDumper,), {"yaml_implicit_resolvers": resolvers}
    )
    for tag, regexp, first in _RESOLVERS:
        dumper.add_implicit_resolver(tag, regexp, list(first))
    return dumper


SafeDumper12: type[yaml.SafeDumper] = _quoting_dumper()
