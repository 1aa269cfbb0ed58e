"""Surrogate models of the loss: Gaussian process, random forest and TPE densities."""
