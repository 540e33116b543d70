"""Approvals bound to content: who signed which sections, and whether those changed since.

A digest is computed from the rendered PRD, section by section (`digest.py`), so the same
check runs on an answers file (`check`, which renders it in memory) and on a PRD in Markdown
(lint, which reads the digests from the approvals table the PRD shows). Stdlib only: lint
imports it.
"""
