"""Allow ``python -m paper2myst``."""

from paper2myst.cli import console

console()
