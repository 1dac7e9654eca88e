"""Excel workbooks: the data-entry template, reading filled workbooks, exports."""
