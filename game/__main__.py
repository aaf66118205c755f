"""``python -m game`` does the same as ``tariff-talks``."""

import sys

from game.cli import main

sys.exit(main())
