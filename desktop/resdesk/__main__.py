"""`python -m resdesk` runs the same command line as `resdesk`."""

import sys

from resdesk.cli import main

sys.exit(main())
