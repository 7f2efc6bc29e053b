"""HER2 Companion: a private desktop companion for HER2-positive metastatic breast cancer."""

__version__ = "0.1.0"
APP_NAME = "HER2 Companion"
