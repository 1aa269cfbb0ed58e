"""Serves the single-page app's index for every non-API route."""
