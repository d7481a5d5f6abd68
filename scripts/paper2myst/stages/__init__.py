"""The converter's stages, one per module, run in order by :mod:`paper2myst.pipeline`."""
