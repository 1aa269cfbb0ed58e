"""App configuration."""

from django.apps import AppConfig


class LeaderboardConfig(AppConfig):
    """The leaderboard of an experiment, search diagnostics and comparisons of trials."""

    name = "daria.leaderboard"
    label = "leaderboard"
