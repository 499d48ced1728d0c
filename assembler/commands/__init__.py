"""The typer adapters of `aftale`, one module per command group.

Each module imports only typer and pathlib at the top and the library inside the command body, so
`aftale --help` and every command start without loading what they do not use.
"""
