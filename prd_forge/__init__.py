"""prd-forge: specs for AI features that never silently omit how the feature fails."""

__version__ = "0.1.0"
