"""``python -m paperseries``: convert the series' changed sources and build its site."""

from paperseries.cli import console

console()
