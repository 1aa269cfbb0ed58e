"""The leaderboard of an experiment, search diagnostics and comparisons of trials."""
