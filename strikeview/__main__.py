"""``python -m strikeview``: the same as the ``strikeview`` command."""

import sys

from strikeview.cli import main

sys.exit(main())
