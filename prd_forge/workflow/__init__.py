"""The pull-request workflow: the files `init` writes, and the coverage diff between revisions."""
