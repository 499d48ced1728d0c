"""All lxml and OOXML-namespace code lives in this package."""
