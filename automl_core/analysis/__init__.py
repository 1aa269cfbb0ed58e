"""Analysis of a finished or running search: statistics of fold scores and chart payloads.

Every chart is returned as ``{"figure": <plotly JSON>, "table": {"columns", "rows"}}``: the
table carries the same numbers as display strings, so a chart can be read without its colours.
"""
