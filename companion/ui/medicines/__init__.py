"""Medicines at home: today's doses, reminders, schedules and adherence."""
