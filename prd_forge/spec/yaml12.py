"""YAML 1.2 scalars for answers files: only true/false are booleans.

PyYAML implements YAML 1.1, where `on`, `off`, `yes`, `no`, `y` and `n` are booleans, so a
key `on:` (every GitHub workflow has one) reads as `True` and a value `no` as `False`. YAML
1.2's core schema, which editors and the yaml-language-server use, keeps them strings. These
loaders are PyYAML's safe loaders with the 1.2 boolean resolver in place of the 1.1 one;
numbers, nulls and dates resolve as before.
"""

from __future__ import annotations

import re

import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"
_BOOL_12 = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _yaml12(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != _BOOL_TAG]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    loader: type[yaml.SafeLoader] = type(
        f"{base.__name__}12", (base,), {"yaml_implicit_resolvers": resolvers}
    )
    loader.add_implicit_resolver(_BOOL_TAG, _BOOL_12, list("tTfF"))
    return loader


SafeLoader12: type[yaml.SafeLoader] = _yaml12(yaml.SafeLoader)
# libyaml's parser with the same resolvers, where libyaml is installed
FastLoader12: type[yaml.SafeLoader] = _yaml12(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
