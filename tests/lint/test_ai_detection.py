"""Whether a PRD describes an AI feature: by how the document talks, not by one word."""

from __future__ import annotations

import pytest

from prd_forge.lint import ai


@pytest.mark.parametrize(
    "text",
    [
        "# Smart filters\n\nAn LLM suggests filters; the model ranks them by confidence.\n",
        "# Alt text\n\nWhen an image has no alt text, a vision model writes one. ML runs it.",
        "# Scribe\n\nThe audio is transcribed and an LLM drafts the note; the GP edits it.\n"
        "Later we compare our model with the vendor's.",
        "# Lease answers\n\nAn assistant in the app answers questions from the lease. The\n"
        "assistant quotes its source.\n\n- [ ] Draft prompt and retrieval prototype\n"
        '- [ ] Tune the "Was this helpful?" prompt',
        "# Subtitles\n\nSpeech recognition makes captions; a machine-translation model translates.",
        "# Text to SQL\n\nAnalysts ask in natural language and get text-to-SQL drafts.",
        "# Claims triage\n\n## Model and data\n\nTBD before the Model Risk review of the model.",
    ],
)
def test_ai_features_are_detected(text: str) -> None:
    assert ai.detect(text) is True


@pytest.mark.parametrize(
    "text",
    [
        # an OS prompt, however often, and a product's "models" are not a learned model
        "# Passkeys\n\nThe browser prompt appears; the user cancels the prompt. Prompts are\n"
        "localised. Admins cannot restrict authenticator models.",
        # a data model, a financial model: models that are not learned
        "# Migration\n\nMove to the new data model. The new model keeps custody records; the\n"
        "model is versioned. Financial model exports stay.",
        # denied
        "# Fleet dashboard\n\nService intervals by rule (no predictive maintenance, no ML in v1).\n"
        "We will not use AI for this.",
        # things not being built
        "# Dark mode\n\n## Non-goals\n\n- AI-generated themes from a logo (hackathon idea).\n"
        "- An LLM that picks colours.\n\n## Plan\n\nShip the theme toggle.",
        "# Runway\n\nBuild a 24-month model from actuals.\n\n## Out of scope\n\n"
        '- Automatic forecasting or "AI predictions": projections are driven by inputs.',
        # millilitres are not machine learning
        "# Recipe cards\n\nAdd 250 ml of stock. The card model has a photo and a title.",
    ],
)
def test_plain_features_are_not(text: str) -> None:
    assert ai.detect(text) is False


def test_a_denial_reaches_only_its_own_clause() -> None:
    assert ai.detect("No alt text yet, so a vision model writes one; the model is hosted.")


def test_front_matter_decides_when_it_says_yes_or_no() -> None:
    assert ai.from_front_matter(" Yes ") is True
    assert ai.from_front_matter("off") is False
    assert ai.from_front_matter("maybe") is None
    assert ai.from_front_matter(None) is None
