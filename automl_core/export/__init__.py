"""What leaves the engine: prediction extras (novelty), reproduction scripts, reproducibility
records and the HTML report. Pure Python: no Django, no web code."""
