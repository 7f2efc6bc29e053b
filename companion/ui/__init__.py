"""Widgets only: they talk to services, never to the database."""
