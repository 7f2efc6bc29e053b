"""Treatment history services: lines, drugs, administrations, scans, biopsies, sites."""
