"""``python -m automl_core``: the command line."""

import sys

from automl_core.cli import main

sys.exit(main())
