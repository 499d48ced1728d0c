"""Audit any agreement .docx: topics present and missing, rule findings, a commented review copy."""
