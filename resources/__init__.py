"""Data bundled with strikeview; installed as the package ``strikeview._resources``."""
