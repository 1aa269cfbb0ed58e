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
