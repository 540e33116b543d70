"""`prd-forge verify`: measured results against the PRD's promises, and a go/no-go verdict.

checks.py reads the promises out of a spec (offline thresholds, launch criteria, guardrail
targets, alert thresholds and rollback triggers); results.py and promptfoo.py read what was
measured; evaluate.py matches one to the other; formats.py writes the verdict.
"""
