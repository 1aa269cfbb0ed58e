"""Experiments (searches) and their trials."""
