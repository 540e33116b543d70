"""`prd-forge report`: the state of every PRD at once, worst first.

rows.py lints the PRDs through lint's own runner (the same analysis, the same speed) and adds
what a portfolio needs: open questions past their date, stale approvals and, in a git
repository, coverage over the last revisions (history.py). html.py and text.py write it.
"""
