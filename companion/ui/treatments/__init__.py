"""Widgets of the Treatments page: one module per tab, plus shared form pieces."""
