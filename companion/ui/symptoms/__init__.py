"""Widgets of the symptom log: the check-in form, red-flag banners, the log table, charts."""
