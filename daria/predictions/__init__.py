"""Trained models and the predictions made with them."""
