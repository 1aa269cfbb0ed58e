"""Colour-blind-safe styling: the Okabe-Ito colours, each paired with a marker and a dash.

Colour is never the only cue: the n-th series always gets the n-th colour, marker symbol and
line dash, and every series is named in the legend and the table.
"""

from __future__ import annotations

# Okabe & Ito (2008) without black, which disappears on a dark background.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "hexagon")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
# A perceptually uniform scale readable with every common colour-vision deficiency.
SEQUENTIAL = "Cividis"
# The best-so-far line and other reference lines: neutral grey, drawn thick and dashed.
REFERENCE = "#7f7f7f"


def color(index: int) -> str:
    """The colour of the ``index``-th series."""
    return OKABE_ITO[index % len(OKABE_ITO)]


def marker(index: int) -> str:
    """The marker symbol of the ``index``-th series."""
    return MARKERS[index % len(MARKERS)]


def dash(index: int) -> str:
    """The line dash of the ``index``-th series."""
    return DASHES[index % len(DASHES)]
