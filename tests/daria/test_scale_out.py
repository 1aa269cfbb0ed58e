"""Scale-out (docs/scaling.md): the compose file scales workers over one shared data volume, and a
worker on another machine runs with only DATABASE_URL, REDIS_URL and DARIA_DATA_DIR."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from django.conf import settings
from django.db import connection

from tests.conftest import REPO

COMPOSE_FILE = REPO / "docker-compose.yml"
# What docs/scaling.md tells a remote worker to set; everything else must have a default.
REMOTE_WORKER_ENV = ("DATABASE_URL", "REDIS_URL", "DARIA_DATA_DIR")
_INTERPOLATION = re.compile(r"\$\$|\$\{(\w+)(?::?-([^}]*))?\}")
_ENV_READERS = {"env_str", "env_int", "env_bool", "env_list", "env_rate", "_setting"}


def _interpolate(value: Any, host_env: dict[str, str]) -> Any:
    """``value`` with compose's ``${VAR:-default}`` taken from ``host_env`` and ``$$`` as ``$``."""
    if isinstance(value, str):
        return _INTERPOLATION.sub(
            lambda m: "$" if m.group(0) == "$$" else host_env.get(m.group(1)) or m.group(2) or "",
            value)
    if isinstance(value, list):
        return [_interpolate(item, host_env) for item in value]
    if isinstance(value, dict):
        return {key: _interpolate(item, host_env) for key, item in value.items()}
    return value


def _compose(host_env: dict[str, str] | None = None) -> dict[str, Any]:
    """docker-compose.yml as compose sees it with ``host_env`` in the shell (YAML merge keys and
    variable interpolation applied)."""
    return _interpolate(yaml.safe_load(COMPOSE_FILE.read_text()), host_env or {})


def _daria_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The services that run Daria's own image (built from this repository)."""
    return {name: service for name, service in compose["services"].items() if "build" in service}


def _argv_of(service: dict[str, Any], tmp_path: Path, env: dict[str, str]) -> list[list[str]]:
    """The argument lists the service's command runs, recorded by stand-in programs on PATH."""
    log = tmp_path / "argv.jsonl"
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    for program in ("python", "uvicorn", "celery"):
        stub = stubs / program
        stub.write_text(f"#!{sys.executable}\nimport json, sys\n"
                        f"open({str(log)!r}, 'a').write(json.dumps(sys.argv) + '\\n')\n")
        stub.chmod(0o755)
    command = service["command"]
    argv = command if isinstance(command, list) else ["sh", "-c", command]
    subprocess.run(argv, env={**env, "PATH": f"{stubs}:/usr/bin:/bin"}, check=True, timeout=30)
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    return [[Path(call[0]).name, *call[1:]] for call in calls]


def test_the_worker_service_can_be_scaled() -> None:
    worker = _compose()["services"]["worker"]

    # A fixed name, host port or host name would collide between the copies of `--scale`.
    assert not {"container_name", "ports", "hostname"} & worker.keys()
    assert worker.get("deploy", {}).get("replicas") is None


def test_exactly_one_service_runs_celery_beat_and_no_worker_embeds_one() -> None:
    services = _daria_services(_compose())
    commands = {name: " ".join(s["command"]) if isinstance(s["command"], list) else s["command"]
                for name, s in services.items()}

    beats = [name for name, command in commands.items() if re.search(r"\bcelery\b.*\bbeat\b",
                                                                      command)]
    assert beats == ["beat"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    assert not re.search(r"\s(-B|--beat)\b", commands["worker"])


def test_every_daria_service_mounts_the_one_data_volume_at_its_data_dir() -> None:
    compose = _compose()
    services = _daria_services(compose)
    assert {"web", "worker", "beat"} <= services.keys()

    mounts = set()
    for name, service in services.items():
        data_dir = service["environment"]["DARIA_DATA_DIR"]
        sources = [v.split(":")[0] for v in service.get("volumes", [])
                   if v.split(":")[1] == data_dir]
        assert len(sources) == 1, f"{name} does not mount a volume at {data_dir}"
        mounts.add(sources[0])
    assert len(mounts) == 1
    # A named volume of the project (shared by its containers), not one container's bind path.
    assert mounts <= (compose.get("volumes") or {}).keys()


def test_every_daria_service_sets_only_the_same_connection_settings() -> None:
    services = _daria_services(_compose())
    for variable in REMOTE_WORKER_ENV:
        values = {service["environment"].get(variable) for service in services.values()}
        assert len(values) == 1 and None not in values, f"{variable}: {values}"


def test_the_web_service_runs_the_migrations_then_DARIA_WEB_WORKERS_processes(
        tmp_path: Path) -> None:
    web = _compose({"DARIA_WEB_WORKERS": "3"})["services"]["web"]

    calls = _argv_of(web, tmp_path, web["environment"])

    assert calls[0] == ["python", "manage.py", "migrate", "--noinput"]
    assert calls[1][0] == "uvicorn"
    assert calls[1][calls[1].index("--workers") + 1] == "3"


def test_the_web_service_defaults_to_two_processes(tmp_path: Path) -> None:
    web = _compose()["services"]["web"]

    uvicorn = _argv_of(web, tmp_path, web["environment"])[1]

    assert uvicorn[uvicorn.index("--workers") + 1] == "2"


def test_a_worker_container_runs_one_node_with_the_configured_processes_and_threads(
        tmp_path: Path) -> None:
    worker = _compose({"DARIA_WORKER_CONCURRENCY": "2", "DARIA_WORKER_THREADS": "3"})[
        "services"]["worker"]
    env = worker["environment"]

    [celery] = _argv_of(worker, tmp_path, env)

    assert celery[:4] == ["celery", "-A", "daria", "worker"]
    assert celery[celery.index("--concurrency") + 1] == "2"
    # OpenMP and BLAS read their thread counts once, at start: they must follow the setting.
    assert env["DARIA_WORKER_THREADS"] == env["OMP_NUM_THREADS"] == "3"
    # Its health check asks this container's node only, not any node that answers.
    assert "--destination celery@$HOSTNAME" in " ".join(worker["healthcheck"]["test"])


def _database_url() -> str:
    """A URL of the database this test runs on (the test database)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return (f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}")


_REMOTE_WORKER_PROBE = """
import json
from daria.celery import app
import django
django.setup()
from django.conf import settings
from django.db import connection
from daria.lib.celery_checks import long_task_problems
connection.ensure_connection()
with app.connection_for_write() as broker:
    broker.ensure_connection(max_retries=2)
print(json.dumps({
    "broker": app.conf.broker_url, "results": app.conf.result_backend,
    "database": connection.settings_dict["NAME"], "media_root": str(settings.MEDIA_ROOT),
    "upload_tmp": str(settings.FILE_UPLOAD_TEMP_DIR), "secret_key": settings.SECRET_KEY,
    "problems": long_task_problems(app.conf),
}))
"""


def _start_remote_worker_settings(data_dir: Path) -> dict[str, Any]:
    """Load Daria as a worker does, in a process whose environment holds only what docs/scaling.md
    tells a remote worker to set (and PATH); what it connected to and read."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": _database_url(),
           "REDIS_URL": settings.REDIS_URL, "DARIA_DATA_DIR": str(data_dir)}
    assert set(env) - {"PATH"} == set(REMOTE_WORKER_ENV)
    result = subprocess.run([sys.executable, "-c", _REMOTE_WORKER_PROBE], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.django_db
def test_a_remote_worker_needs_only_the_database_redis_and_the_data_directory(
        tmp_path: Path) -> None:
    shared = tmp_path / "nfs-export"
    shared.mkdir()
    # The second "machine" mounts the same directory at another path.
    other_mount = tmp_path / "mnt-daria-data"
    other_mount.symlink_to(shared)

    first = _start_remote_worker_settings(shared)
    second = _start_remote_worker_settings(other_mount)

    assert first["broker"] == first["results"] == settings.REDIS_URL
    assert first["database"] == connection.settings_dict["NAME"]
    assert Path(first["media_root"]) == shared.resolve()
    assert Path(first["upload_tmp"]).is_relative_to(shared.resolve())
    assert first["problems"] == []
    # Both sign model files with the key generated once into the shared directory.
    assert first["secret_key"] == (shared / "secret_key").read_text().strip()
    assert second["secret_key"] == first["secret_key"]


def _environment_variables_read_by_daria() -> set[str]:
    """Names of the environment variables Daria's code reads (literal names passed to the
    ``daria.lib.env`` readers, ``os.environ`` or ``os.getenv``)."""
    names = set()
    for path in (REPO / "daria").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            reads_environ = (isinstance(func, ast.Attribute) and called in {"get", "setdefault"}
                             and ast.unparse(func.value) == "os.environ") or called == "getenv"
            first = node.args[0]
            if ((called in _ENV_READERS or reads_environ) and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)):
                names.add(first.value)
    return names


def test_every_variable_daria_reads_is_documented() -> None:
    read = _environment_variables_read_by_daria()
    configuration = (REPO / "docs" / "configuration.md").read_text()
    scaling = (REPO / "docs" / "scaling.md").read_text()

    assert set(REMOTE_WORKER_ENV) <= read
    assert all(f"`{name}`" in scaling for name in REMOTE_WORKER_ENV)
    # Django's own switch is set by daria/celery.py and daria/asgi.py themselves.
    undocumented = sorted(name for name in read - {"DJANGO_SETTINGS_MODULE"}
                          if f"`{name}`" not in configuration)
    assert undocumented == []
