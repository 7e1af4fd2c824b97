"""The package version, in one place (read by the build backend and by ``kh922 --version``)."""

__version__ = "0.1.0"
