import subprocess
import sys

from conftest import REPO_ROOT

CHECK = """
import importlib, pkgutil, sys
import automl_core
for module in pkgutil.walk_packages(automl_core.__path__, "automl_core."):
    if module.name != "automl_core.__main__":
        importlib.import_module(module.name)
roots = {name.split(".")[0] for name in sys.modules}
leaked = sorted(roots & {"django", "celery", "redis", "daria"})
print(",".join(leaked))
"""


def test_the_engine_imports_without_django_celery_redis_or_the_web_app():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


TOP_LEVEL = """
import os
os.environ.pop("OMP_WAIT_POLICY", None)
import automl_core.data.reading
print(os.environ["OMP_WAIT_POLICY"])
import automl_core
from automl_core import *
names = {name: globals()[name] for name in automl_core.__all__}
assert set(automl_core.__all__) <= set(dir(automl_core))
from automl_core.facade import AutoML as facade_automl
assert names["AutoML"] is facade_automl and automl_core.AutoML is facade_automl
from automl_core import diagnostics
try:
    automl_core.no_such_name
except AttributeError:
    print("missing")
"""


def test_the_top_level_names_load_on_first_use_after_the_thread_setting():
    result = subprocess.run([sys.executable, "-c", TOP_LEVEL], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["PASSIVE", "missing"]
