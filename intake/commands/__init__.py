"""One module per group of `intake` commands; each exposes COMMANDS."""
