"""Where a questionnaire's files go, the draft saved after every answer, and the final write.

For `prd-forge new -o docs/PRD.md`:
- the PRD is `docs/PRD.md`;
- the answers file is `docs/PRD.yaml` (what `prd-forge edit` and `prd-forge render` read);
- the draft is `docs/.PRD.draft.yaml`, rewritten atomically after every answer and removed once
  the answers file and the PRD are written.
`prd-forge edit docs/PRD.yaml` keeps its draft in the same place, `docs/.PRD.draft.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from prd_forge._io import write_atomic
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.interrupt import TYPED
from prd_forge.spec.load import LoadProblem, SpecError, dump_yaml, parse, read_text, validate
from prd_forge.spec.model import Spec

DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Files:
    """The PRD, its answers file, and the draft between them."""

    prd: Path
    answers: Path
    draft: Path

    @classmethod
    def for_prd(cls, prd: Path) -> Files:
        return cls(prd, prd.with_suffix(".yaml"), prd.parent / f".{prd.stem}.draft.yaml")

    @classmethod
    def for_spec(cls, spec: Path, prd: Path | None = None) -> Files:
        prd = prd or spec.with_suffix(".md")
        return cls(prd, spec, spec.parent / f".{spec.stem}.draft.yaml")


class DraftNotSaved(OSError):
    """The draft could not be written (a full disk): the one before it still stands."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(
            error.errno, f"{path}: cannot save your answers ({reason}); it keeps those before"
        )

    def __str__(self) -> str:
        return str(self.strerror)


class DraftStore:
    """Writes the draft after every change of the answers it is attached to."""

    def __init__(self, path: Path, resume_hint: str) -> None:
        self.path = path
        self.resume_hint = resume_hint

    def attach(self, answers: Answers) -> Answers:
        answers.on_change = self.save
        return answers

    def save(self, answers: Answers) -> None:
        body: dict[str, Any] = {
            "answers": answers.data,
            "closed": sorted(answers.closed),
            "suggested": answers.suggested,
        }
        if TYPED.pending is not None:  # the answer being typed when the run was interrupted
            body["typing"] = {"question": TYPED.pending[0], "text": TYPED.pending[1]}
        header = f"# prd-forge draft: your answers so far. Continue with `{self.resume_hint}`.\n"
        text = header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
        try:
            write_atomic(self.path, text, force=True)
        except OSError as error:
            raise DraftNotSaved(self.path, error) from None

    def load(self) -> Answers:
        """The saved answers; a SpecError when the draft cannot be read."""
        data, _ = parse(read_text(self.path), str(self.path))
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            problem = LoadProblem(str(self.path), None, "", "is not a prd-forge draft", "delete it")
            raise SpecError([problem])
        typing = data.get("typing")
        if isinstance(typing, dict) and {"question", "text"} <= typing.keys():
            TYPED.resumed[str(typing["question"])] = str(typing["text"])
        return Answers(
            data=data["answers"],
            closed={str(item) for item in data.get("closed") or []},
            suggested=dict(data.get("suggested") or {}),
        )

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def read_answers_file(path: Path) -> dict[str, Any]:
    """The raw data of an answers file used to pre-fill; each answer is validated when used."""
    data, _ = parse(read_text(path), str(path))
    if not isinstance(data, dict):
        validate(data, str(path))  # raises the loader's own "not a mapping" problem
    return dict(data)


def clean(value: Any) -> Any:
    """The answers without skipped (null) answers and empty lists, as the answers file keeps."""
    if isinstance(value, dict):
        cleaned = {key: clean(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, [], {})}
    if isinstance(value, list):
        return [clean(item) for item in value if item not in (None, {})]
    return value


def answers_file_text(spec: Spec) -> str:
    """The answers file for `spec`, as `prd-forge` writes every answers file."""
    return dump_yaml(clean(spec.model_dump(mode="json", exclude_defaults=False)))
