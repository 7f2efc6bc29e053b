"""Which packages the wheel carries; everything else is in pyproject.toml.

pyproject's package finder only sees folders named like their package, so resources/
(installed as companion.resources through package-dir) is added here by name.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["companion", "companion.*"]), "companion.resources"])
