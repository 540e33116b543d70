"""What prd-forge knows about the concern "Why AI"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="ai-fit",
    title="Why AI",
    why="A deterministic rule may do the job; the spec must make the case for a model.",
    anchor="PAIR Guidebook, User Needs worksheet (make a case for AI; augment or automate)",
    level=Level.REQUIRED,
    ai_only=True,
    fields=(
        "problem.ai_task",
        "problem.output_kind",
        "problem.why_ai",
        "problem.why_not_rules",
    ),
    partial="sections/ai-fit.md.j2",
    strong=(
        "why ai",
        "why ai?",
        "why use ai",
        "why machine learning",
        "why ml",
        "ai fit",
        "ai rationale",
        "model choice",
        "augmentation vs automation",
        "automation vs augmentation",
        "why not rules",
        "why not a rules engine",
        "alternatives considered",
        "why a model",
        "why model",
        "why an llm",
        "why llm",
        "why a language model",
        "why not a rule",
        "why not rule",
        "why not keyword rule",
        "why not heuristic",
        "why generate",
        "rationale",
        "alternative",
        "why a classifier",
        "why a recommender",
        "why ml and not rules",
        "why a learned model",
        "why use a language model",
        "why use a model",
        "why use an llm",
        "why machine translation",
        "why computer vision",
        "why nlp",
    ),
    weak=(
        "approach",
        "technical approach",
        "model approach",
        "solution approach",
        "ml approach",
        "high level approach",
        "model",
    ),
    settles=True,
    evidence=(
        "why (?:ai|ml|a model)",
        "rules?[- ]based",
        "keyword rules?",
        "heuristics? (?:can|could|would|fail)",
        r"(?:rules?|heuristics?|formulas?|keyword (?:search|lists?|matching)|regex(?:es)?"
        r"|lookup tables?|templates?|method|baseline)[^.\n]{0,60}"
        r"(?:can(?:not|'t)|could(?:n't| not)|fails?|failed|ignores?|misses|miss"
        r"|do(?:es)?(?:n't| not)|won't|would(?:n't| not)|no measurable|too (?:brittle|rigid|many)"
        r"|fall short)",
        r"(?:a |the )?(?:model|classifier|llm) (?:can|could|would|will) "
        r"(?:learn|generali[sz]e|handle|pick up|capture|read|cope|write)",
        r"generali[sz]es (?:across|to)",
        r"chosen over",
        r"baseline[^.\n]{0,40}(?:much|far) worse",
        r"(?:only|where) (?:a |the )?(?:model|llm|ml|ai) (?:can|adds?)",
        r"(?:was|were|we) (?:considered|tried|rejected)",
        r"(?:augment(?:s|ation)?|assist(?:s|ance)?),? not (?:automat\w*|replac\w*)",
        r"(?:language|vision|prediction|ranking|classification|extraction) (?:task|problem)",
        r"why (?:an? )?(?:llm|language model|classifier|ml model)",
    ),
)
