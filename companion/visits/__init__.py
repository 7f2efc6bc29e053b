"""Visits and questions: appointments, the question bank, per-visit lists and answers,
suggestions from what happened since the last visit, and the data of the visit brief."""
