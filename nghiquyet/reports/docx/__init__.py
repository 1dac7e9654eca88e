"""The Word report: python-docx for our own layout, docxtpl for an office's own template."""
