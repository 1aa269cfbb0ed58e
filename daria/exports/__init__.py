"""Model exports, generated scripts, reproducibility records and reports."""
