"""Engine benchmark: Daria's CLI against FLAML, AutoGluon, Optuna + LightGBM and two defaults."""
