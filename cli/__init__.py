"""tthc.cli — the `tthc` command, a thin layer over the library."""
