"""Sphinx configuration for kh922core."""

from __future__ import annotations

import kh922core

project = "kh922core"
author = "kh922core developers"
copyright = "2026, kh922core developers"
release = kh922core.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
language = "en"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
suppress_warnings = ["myst.header"]

html_theme = "furo"
html_title = "kh922core"
html_static_path: list[str] = []
