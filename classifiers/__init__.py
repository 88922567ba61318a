"""Text signals: learned or matched. No database, no network, no imports from `intake`."""
