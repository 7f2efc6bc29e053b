"""The patient's profile: name, phone numbers, units, welcome state."""
