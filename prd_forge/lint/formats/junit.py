"""JUnit XML: one test suite per file, one failing test case per finding.

A file without findings gets one passing case, so CI dashboards count it; a file that could
not be read is one erroring case.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from prd_forge.lint.formats import Options
from prd_forge.lint.run import RunResult


def render(result: RunResult, options: Options) -> str:
    root = ET.Element("testsuites", name="prd-forge")
    for report in result.reports:
        count = max(1, len(report.findings))
        suite = ET.SubElement(
            root,
            "testsuite",
            name=report.path,
            tests=str(count),
            failures=str(len(report.findings)),
            errors="0",
        )
        for f in report.findings:
            case = ET.SubElement(
                suite, "testcase", classname=report.path, name=f"{f.code} {f.name}"
            )
            failure = ET.SubElement(case, "failure", type=f.severity, message=f.message)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
        if not report.findings:
            ET.SubElement(suite, "testcase", classname=report.path, name="prd-forge")
    for problem in result.problems:
        suite = ET.SubElement(
            root, "testsuite", name=problem.path, tests="1", failures="0", errors="1"
        )
        case = ET.SubElement(suite, "testcase", classname=problem.path, name="read")
        ET.SubElement(case, "error", message=problem.message)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
