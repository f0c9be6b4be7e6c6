"""Extraction of strike events from reports with spaCy. spaCy is imported only inside this package."""
