"""Review reports in the official format: Word, Excel and PDF (DESIGN.md §7, docs/reports.md)."""
