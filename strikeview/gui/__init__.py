"""The Qt user interface. Qt is imported only inside this package."""
