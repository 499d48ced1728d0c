"""Safe readers and writers for untrusted files: one module per format, each with budgets.

cells     text for .xlsx and CSV cells that never becomes a formula (OWASP CSV injection)
textdata  YAML and JSON answer files: no aliases, no duplicate keys, bounded nesting, finite numbers
xmlprolog DOCTYPE detection in any XML part, streamed, however long the comments before it
budget    a decompressed-size and member budget shared by every file one command reads
zipcheck  zip members: names, counts, ratios, sizes, checked before any part is used
oserrors  operating-system and zip errors as Danish sentences that name the file
"""
