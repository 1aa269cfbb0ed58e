"""Charts and explanations of a trained model, computed from its out-of-fold predictions."""
