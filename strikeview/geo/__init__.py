"""Geodesy (pyproj, WGS84), projections, countries and overflight (shapely), plausibility."""
