"""The PDF report: the Word report converted by LibreOffice."""
