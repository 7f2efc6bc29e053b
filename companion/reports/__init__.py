"""Documents built from services: PDFs via Qt's print system, CSV, FHIR JSON, ICS."""
