"""A small Python client for Daria's REST API: standard library (urllib) and pandas only.

This file imports nothing from Daria or Django, so it works on any machine that can reach the
server: copy it (or download it from ``GET /api/v1/client.py``) next to your notebook and
``from daria_client import Client`` after saving it as ``daria_client.py``. In a Daria checkout,
``from daria.client import Client`` works too. ::

    client = Client("https://daria.example.com", token="daria_...")
    project = client.projects.create("Churn")
    dataset = client.datasets.upload(project["id"], "churn.csv")
    experiment = client.experiments.create(dataset=dataset["id"], target="churn",
                                           time_budget_s=60)
    experiment.wait()
    print(experiment.leaderboard())
    print(experiment.model().predict(new_rows))
"""

from __future__ import annotations

import io
import json
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib import error, parse, request

import pandas as pd

FINISHED = frozenset({"succeeded", "failed", "cancelled"})


class DariaError(Exception):
    """The server refused a request: HTTP status, the translated ``detail`` and its ``code``."""

    def __init__(self, status: int, detail: str, code: str | None = None,
                 body: Any = None) -> None:
        super().__init__(f"HTTP {status}: {detail}" + (f" ({code})" if code else ""))
        self.status = status
        self.detail = detail
        self.code = code
        self.body = body


class Client:
    """A connection to one Daria server with an API token (``Authorization: Token ...``)."""

    def __init__(self, url: str, token: str, language: str = "en", timeout_s: float = 120) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.language = language
        self.timeout_s = timeout_s
        self.projects = Projects(self)
        self.datasets = Datasets(self)
        self.experiments = Experiments(self)
        self.models = Models(self)

    # ----------------------------------------------------------------------- transport
    def request(self, method: str, path: str, *, json_body: Any = None,
                files: Mapping[str, tuple[str, bytes]] | None = None,
                fields: Mapping[str, str] | None = None,
                query: Mapping[str, str] | None = None) -> tuple[int, bytes, str]:
        """Send one request; return (status, body, content type); raise DariaError on 4xx/5xx."""
        url = self.url + path + (f"?{parse.urlencode(query)}" if query else "")
        headers = {"Authorization": f"Token {self.token}", "Accept-Language": self.language}
        data = None
        if files is not None:
            data, headers["Content-Type"] = _multipart(files, fields or {})
        elif json_body is not None:
            data = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        call = request.Request(url, data=data, headers=headers, method=method)
        try:
            with request.urlopen(call, timeout=self.timeout_s) as response:  # noqa: S310
                return response.status, response.read(), response.headers.get_content_type()
        except error.HTTPError as failure:
            raise _error(failure) from None

    def get_json(self, path: str, **query: str) -> Any:
        """GET ``path`` and decode its JSON."""
        return json.loads(self.request("GET", path, query=query or None)[1])

    def post_json(self, path: str, body: Any) -> Any:
        """POST a JSON body to ``path`` and decode the JSON answer."""
        return json.loads(self.request("POST", path, json_body=body)[1])

    def download(self, path: str, destination: str | Path, **query: str) -> Path:
        """Save the file at ``path`` (a relative API URL) to ``destination``."""
        target = Path(destination)
        target.write_bytes(self.request("GET", path, query=query or None)[1])
        return target


class Projects:
    """Projects the token's user is a member of."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def list(self) -> list[dict[str, Any]]:
        """Every project of the user."""
        return self.client.get_json("/api/v1/projects/")

    def create(self, name: str, description: str = "") -> dict[str, Any]:
        """A new project owned by the user."""
        return self.client.post_json("/api/v1/projects/",
                                     {"name": name, "description": description})


class Datasets:
    """Uploads and dataset details."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def upload(self, project: int, data: str | Path | pd.DataFrame, name: str | None = None,
               wait_s: float = 300) -> dict[str, Any]:
        """Upload a file path or a DataFrame (sent as CSV); waits while a worker parses a large
        file. Returns the Dataset; raises DariaError with the server's reason when it is refused."""
        content, filename = _table_bytes(data, name)
        status, body, _ = self.client.request(
            "POST", f"/api/v1/projects/{project}/datasets/", files={"file": (filename, content)})
        dataset = json.loads(body)
        deadline = time.monotonic() + wait_s
        while status == 202 and dataset["status"] == "processing" and time.monotonic() < deadline:
            time.sleep(1)
            dataset = self.get(dataset["id"])
        return dataset

    def get(self, dataset_id: int) -> dict[str, Any]:
        """One dataset with its profile."""
        return self.client.get_json(f"/api/v1/datasets/{dataset_id}/")


class Experiments:
    """Starting and reading experiments."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def create(self, dataset: int, target: str, time_budget_s: int = 60,
               **options: Any) -> Experiment:
        """Start an experiment (``task``, ``metric`` and other API fields go in ``options``)."""
        body = {"dataset": dataset, "target": target, "time_budget_s": time_budget_s, **options}
        return Experiment(self.client, self.client.post_json("/api/v1/experiments/", body))

    def get(self, experiment_id: int) -> Experiment:
        """One experiment."""
        data = self.client.get_json(f"/api/v1/experiments/{experiment_id}/")
        return Experiment(self.client, data)


class Experiment:
    """An experiment as last read from the server (``data``), with its actions."""

    def __init__(self, client: Client, data: dict[str, Any]) -> None:
        self.client = client
        self.data = data

    @property
    def id(self) -> int:
        """The experiment's id."""
        return int(self.data["id"])

    @property
    def status(self) -> str:
        """queued, running, paused, succeeded, failed or cancelled (as last read)."""
        return str(self.data["status"])

    def refresh(self) -> Experiment:
        """Read the experiment again."""
        self.data = self.client.get_json(f"/api/v1/experiments/{self.id}/")
        return self

    def wait(self, timeout_s: float = 3600, poll_s: float = 2) -> Experiment:
        """Poll until the experiment finishes; TimeoutError after ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        while self.refresh().status not in FINISHED:
            if time.monotonic() > deadline:
                raise TimeoutError(f"experiment {self.id} is still {self.status}")
            time.sleep(poll_s)
        return self

    def leaderboard(self) -> pd.DataFrame:
        """Finished trials, best first (failed ones last), one row each."""
        trials = self.client.get_json(f"/api/v1/experiments/{self.id}/trials/")
        frame = pd.DataFrame(trials, columns=["number", "state", "algorithm", "score",
                                              "fit_time_s", "params"])
        if frame.empty:
            return frame
        ascending = not self.data.get("greater_is_better", True)
        return (frame.sort_values(["score", "number"], ascending=[ascending, True],
                                  na_position="last").reset_index(drop=True))

    def model(self) -> Model:
        """The final model (refreshes first); LookupError when there is none."""
        model_id = self.refresh().data.get("model")
        if model_id is None:
            raise LookupError(f"experiment {self.id} has no model ({self.status})")
        return self.client.models.get(int(model_id))

    def reproducibility(self) -> dict[str, Any]:
        """The reproducibility record (data hash, seed, versions, space, trials)."""
        return self.client.get_json(f"/api/v1/experiments/{self.id}/reproducibility/")

    def script(self, trial: int, destination: str | Path) -> Path:
        """Save the script that reproduces trial ``trial``."""
        return self.client.download(f"/api/v1/experiments/{self.id}/trials/{trial}/script/",
                                    destination)

    def report(self, destination: str | Path, language: str | None = None) -> Path:
        """Save the HTML report (in ``language`` or the client's)."""
        return self.client.download(f"/api/v1/experiments/{self.id}/report/", destination,
                                    lang=language or self.client.language)


class Models:
    """Final models."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def get(self, model_id: int) -> Model:
        """One model."""
        return Model(self.client, self.client.get_json(f"/api/v1/models/{model_id}/"))


class Model:
    """A final model: predictions and downloads."""

    def __init__(self, client: Client, data: dict[str, Any]) -> None:
        self.client = client
        self.data = data

    @property
    def id(self) -> int:
        """The model's id."""
        return int(self.data["id"])

    def predict(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Predict rows: ``prediction``, one ``probability_<class>`` column per class and the
        ``unlike_training`` flag, in input order. The server's warnings are in ``.attrs``."""
        rows = json.loads(frame.to_json(orient="records", date_format="iso"))
        answer = self.client.post_json(f"/api/v1/models/{self.id}/predict/", {"rows": rows})
        result = pd.DataFrame({
            "prediction": [p["prediction"] for p in answer["predictions"]],
            "unlike_training": [p.get("unlike_training", False) for p in answer["predictions"]],
        }, index=frame.index)
        for label in self.data.get("classes") or []:
            result[f"probability_{label}"] = [p["probabilities"][label]
                                              for p in answer["predictions"]]
        result.attrs["warnings"] = answer["warnings"]
        return result

    def predict_file(self, data: str | Path | pd.DataFrame,
                     name: str | None = None) -> dict[str, Any]:
        """Predict a whole file on the server; returns the PredictionBatch (``download_url``)."""
        content, filename = _table_bytes(data, name)
        status, body, _ = self.client.request("POST", f"/api/v1/models/{self.id}/predict/",
                                              files={"file": (filename, content)})
        return json.loads(body)

    def download(self, destination: str | Path) -> Path:
        """Save the model file (skops)."""
        return self.client.download(f"/api/v1/models/{self.id}/download/", destination)


def _table_bytes(data: str | Path | pd.DataFrame, name: str | None) -> tuple[bytes, str]:
    if isinstance(data, pd.DataFrame):
        buffer = io.StringIO()
        data.to_csv(buffer, index=False)
        return buffer.getvalue().encode("utf-8"), name or "data.csv"
    path = Path(data)
    return path.read_bytes(), name or path.name


def _multipart(files: Mapping[str, tuple[str, bytes]],
               fields: Mapping[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for key, (filename, content) in files.items():
        quoted = parse.quote(filename)
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
                     f"filename=\"{quoted}\"; filename*=UTF-8''{quoted}\r\n"
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content
                     + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _error(failure: error.HTTPError) -> DariaError:
    raw = failure.read()
    try:
        body = json.loads(raw)
    except ValueError:
        return DariaError(failure.code, raw.decode("utf-8", "replace")[:500])
    if isinstance(body, dict) and "detail" in body:
        return DariaError(failure.code, str(body["detail"]), body.get("code"), body)
    return DariaError(failure.code, json.dumps(body, ensure_ascii=False)[:500], None, body)
