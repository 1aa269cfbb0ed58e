"""Peer frameworks, run with ``bench/.venv/bin/python`` (never imported by the app or Daria)."""
