"""``python -m netkit`` is the ``netkit`` command."""

import sys

from netkit.cli import main

sys.exit(main())
