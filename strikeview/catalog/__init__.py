"""spaCy-free catalogues: weapons and places (GeoNames plus curated entries), and name matching."""
