"""Reading and writing files: project files, events documents, GIS exports."""
