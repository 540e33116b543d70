"""The wheel carries schemas/ and templates/: build it, install it fresh, use it from there.

The fresh virtual environment gets only the built wheel; its dependencies (click, pydantic...)
are borrowed from the test environment through a .pth path entry, which saves a network install
and cannot leak the source checkout: path entries in a .pth file do not run the editable-install
hook, and the commands run from an empty folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from prd_forge.spec.schema import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

PROBE = """
import json, prd_forge
from prd_forge._resources import data_dir
templates = data_dir("templates")
print(json.dumps({
    "package": prd_forge.__file__,
    "schemas": str(data_dir("schemas")),
    "templates": str(templates),
    "template_files": sorted(
        str(p.relative_to(templates)) for p in templates.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    ),
}))
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout installed."""
    work = tmp_path_factory.mktemp("packaging")
    dist = work / "dist"
    # With hatchling in the test extras the build skips pip's isolated environment (seconds,
    # not half a minute); without it, pip fetches the backend as usual.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *isolation]
    build = _run([*pip_wheel, "-w", str(dist), str(ROOT)], cwd=work)
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("prd_forge-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    install = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            str(wheel),
        ],
        cwd=work,
    )
    assert install.returncode == 0, install.stderr
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], work
    )
    borrowed = sysconfig.get_paths()["purelib"]
    (Path(site.stdout.strip()) / "borrowed-deps.pth").write_text(borrowed + "\n", encoding="utf-8")
    return env_dir


def test_wheel_provides_the_schema_command(installed: Path, tmp_path: Path) -> None:
    result = _run([str(installed / "bin" / "prd-forge"), "schema"], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == schema_text()


def test_wheel_checks_a_sample(installed: Path, tmp_path: Path) -> None:
    sample = tmp_path / "copilot.yaml"
    sample.write_bytes((ROOT / "samples" / "support-reply-copilot.yaml").read_bytes())
    result = _run([str(installed / "bin" / "prd-forge"), "check", sample.name], cwd=tmp_path)
    assert result.stdout == "copilot.yaml: ok (review): 0 errors, 0 warnings\n"
    assert result.returncode == 0


def test_schemas_and_templates_load_from_inside_the_installed_package(
    installed: Path, tmp_path: Path
) -> None:
    result = _run([str(installed / "bin" / "python"), "-c", PROBE], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    package = Path(found["package"]).parent
    assert package.is_relative_to(installed), "imported the checkout, not the wheel"
    assert Path(found["schemas"]) == package / "schemas"
    assert (package / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    assert Path(found["templates"]) == package / "templates"
    in_checkout = sorted(
        str(p.relative_to(ROOT / "templates"))
        for p in (ROOT / "templates").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    assert found["template_files"] == in_checkout


def test_wheel_carries_the_licence_and_project_urls(installed: Path) -> None:
    (metadata,) = installed.glob("lib/python*/site-packages/prd_forge-*.dist-info/METADATA")
    lines = metadata.read_text(encoding="utf-8").splitlines()
    assert "License-Expression: MIT" in lines
    assert "License-File: LICENSE" in lines
    assert "Project-URL: Source, https://github.com/prd-forge/prd-forge" in lines
    (licence,) = metadata.parent.glob("licenses/LICENSE")
    assert licence.read_bytes() == (ROOT / "LICENSE").read_bytes()
