"""Widgets of the symptom log: the check-in form, the red-flag panel, the log table, charts."""
