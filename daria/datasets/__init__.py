"""Uploaded datasets: storage, column profile and preview."""
