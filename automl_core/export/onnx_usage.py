"""A short Python snippet that runs an exported ONNX file with onnxruntime on a CSV file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from automl_core.export.onnx_preprocessing import NUMBER

_TEMPLATE = '''import numpy as np
import onnxruntime as ort
import pandas as pd

NUMBERS = {numbers!r}
TEXTS = {texts!r}

session = ort.InferenceSession("{filename}")
rows = pd.read_csv("new_rows.csv")
feed = {{name: pd.to_numeric(rows[name], errors="coerce").to_numpy("float64").reshape(-1, 1)
        for name in NUMBERS}}
feed |= {{name: rows[name].astype(str).where(rows[name].notna(), "").to_numpy(object)
         .reshape(-1, 1) for name in TEXTS}}
{outputs} = session.run(None, feed)
'''


def usage_snippet(inputs: Mapping[str, str], outputs: Sequence[str], filename: str) -> str:
    """Python that feeds a CSV's columns to the file's inputs (numbers as float64 with NaN for
    missing, text with "" for missing) and runs it."""
    numbers = [name for name, kind in inputs.items() if kind == NUMBER]
    texts = [name for name, kind in inputs.items() if kind != NUMBER]
    return _TEMPLATE.format(numbers=numbers, texts=texts, filename=filename,
                            outputs=", ".join(outputs))
