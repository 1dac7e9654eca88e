"""The Excel report (openpyxl)."""
