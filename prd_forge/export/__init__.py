"""Views of an answers file for other readers: `prd-forge export SPEC --view NAME`.

A view is a row in `registry.VIEWS`: a name, one line on what it is for, the Jinja template in
templates/views/ that writes it (rendered in the same sandbox as the PRD, so a team may read and
change it like any template), and a pure function from the spec to what the template sees.
Adding a view is adding its context function, its template and its row.
"""
