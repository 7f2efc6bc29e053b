"""Parts of the Visits & questions page (companion.ui.pages.visits)."""
