"""The bundled, read-only reference library: entries, symptom vocabulary, red-flag rules."""
