"""strikeview: a desktop geographic viewer for analysing missile, drone and air strike reports."""

__version__ = "0.1.0"
