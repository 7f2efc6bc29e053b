"""Medicines at home: schedules over dates, the dose log, adherence and reminders."""
