"""A checker of GitHub code scanning's documented SARIF rules, beyond the OASIS schema.

Written from docs.github.com: "SARIF support for code scanning" (required properties, how
fingerprints and file paths are used, automationDetails) and "SARIF results exceed one or more
limits" (runs per file 20; results per run 25,000, of which only the top 5,000 are kept; rules
per run 25,000; locations per result 1,000; tags per rule 20, of which 10 are kept). Each
returned string is one broken rule; an empty list means code scanning would take the file whole.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

MAX_RUNS = 20
KEPT_RESULTS = 5000
MAX_RULES = 25000
MAX_LOCATIONS = 1000
KEPT_TAGS = 10
LEVELS = {"none", "note", "warning", "error"}


def problems(log: dict[str, Any]) -> list[str]:
    found: list[str] = []
    if log.get("version") != "2.1.0":
        found.append("version must be 2.1.0")
    runs = log.get("runs") or []
    if not 1 <= len(runs) <= MAX_RUNS:
        found.append(f"{len(runs)} runs: code scanning takes 1 to {MAX_RUNS}")
    for number, run in enumerate(runs):
        found.extend(f"runs[{number}]: {problem}" for problem in _run(run))
    return found


def _run(run: dict[str, Any]) -> list[str]:
    found: list[str] = []
    driver = run.get("tool", {}).get("driver", {})
    if not driver.get("name"):
        found.append("tool.driver.name is required")
    rules = driver.get("rules", [])
    if len(rules) > MAX_RULES:
        found.append(f"{len(rules)} rules, over {MAX_RULES}")
    for rule in rules:
        found.extend(_rule(rule))
    results = run.get("results", [])
    if len(results) > KEPT_RESULTS:
        found.append(f"{len(results)} results: only the top {KEPT_RESULTS} would be kept")
    bases = set(run.get("originalUriBaseIds", {}))
    for index, result in enumerate(results):
        found.extend(f"results[{index}]: {p}" for p in _result(result, rules, bases))
    identities = Counter(_identity(result) for result in results)
    found.extend(
        f"{n} results share one fingerprint: {key}" for key, n in identities.items() if n > 1
    )
    automation = run.get("automationDetails", {}).get("id")
    if automation is not None and not automation.strip():
        found.append("automationDetails.id is empty")
    return found


def _rule(rule: dict[str, Any]) -> list[str]:
    found: list[str] = []
    if not rule.get("id"):
        found.append("a rule has no id")
    if not rule.get("shortDescription", {}).get("text"):
        found.append(f"rule {rule.get('id')}: shortDescription.text shows atop every alert")
    if not rule.get("help", {}).get("markdown") and not rule.get("help", {}).get("text"):
        found.append(f"rule {rule.get('id')}: no help")
    if len(rule.get("properties", {}).get("tags", [])) > KEPT_TAGS:
        found.append(f"rule {rule.get('id')}: more than {KEPT_TAGS} tags")
    return found


def _result(result: dict[str, Any], rules: list[dict[str, Any]], bases: set[str]) -> list[str]:
    found: list[str] = []
    rule_id = result.get("ruleId") or result.get("rule", {}).get("id")
    if not rule_id:
        found.append("ruleId is required")
    if "ruleIndex" in result and rules[result["ruleIndex"]].get("id") != rule_id:
        found.append("ruleIndex points at another rule")
    if not result.get("message", {}).get("text"):
        found.append("message.text is required")
    if result.get("level", "warning") not in LEVELS:
        found.append(f"level {result.get('level')!r} is not a SARIF level")
    locations = result.get("locations") or []
    if not 1 <= len(locations) <= MAX_LOCATIONS:
        found.append("a result needs a location (code scanning shows the first)")
    for location in locations:
        found.extend(_location(location.get("physicalLocation", {}), bases))
    if not result.get("partialFingerprints"):
        found.append("no partialFingerprints: alerts would be matched by line hash only")
    return found


def _location(physical: dict[str, Any], bases: set[str]) -> list[str]:
    found: list[str] = []
    artifact = physical.get("artifactLocation", {})
    uri = artifact.get("uri", "")
    parts = urlsplit(uri)
    if not uri:
        found.append("artifactLocation.uri is required")
    elif "uriBaseId" in artifact:
        if parts.scheme or uri.startswith("/"):
            found.append(f"{uri}: a uri with a uriBaseId must be relative")
        if artifact["uriBaseId"] not in bases:
            found.append(f"{artifact['uriBaseId']} is not declared in originalUriBaseIds")
    elif parts.scheme not in ("", "file"):
        found.append(f"{uri}: not a file in the repository")
    if ".." in uri.split("/") or uri in ("stdin", "-"):
        found.append(f"{uri}: not a path inside the repository")
    if physical.get("region", {}).get("startLine", 0) < 1:
        found.append("region.startLine must be 1 or more")
    return found


def _identity(result: dict[str, Any]) -> tuple[str, str, str]:
    location = result.get("locations", [{}])[0].get("physicalLocation", {})
    uri = location.get("artifactLocation", {}).get("uri", "")
    prints = sorted(result.get("partialFingerprints", {}).items())
    return (result.get("ruleId", ""), uri, repr(prints))
