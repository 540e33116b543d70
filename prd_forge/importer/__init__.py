"""`prd-forge import`: a hand-written (or rendered) Markdown PRD back into an answers file.

The document goes through lint's document model and concern analysis, so a heading import
files under Fallbacks is a heading lint accepts as Fallbacks. Tables are mapped by their header
(failure modes, metrics, evaluation thresholds, fallbacks, UX states, signals, phases,
sign-offs, open questions, data sources), labels (bold labels, two-column tables, headings) by
the words prd-forge's own template uses and common synonyms, and the rest of a concern's text
into its nearest free-text field. Nothing is invented: a number, owner or id appears only when
the document says it. Each concern left unfilled, or filled only in part, becomes an open
question naming the concern, what is still to answer and the line, so the draft passes `check`.
"""
