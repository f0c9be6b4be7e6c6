"""Graphics items of the map, one per file; each draws one layer (or one decoration)."""
