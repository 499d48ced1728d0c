"""`aftale server`: the web front end, a thin adapter over the same library functions as the CLI.

config      ServerConfig: address, password, limits, workers
jobs        job folders under unguessable ids, the worker pool, expiry
tasks       what runs in the worker processes: make agreements, review a draft, compare rounds
results     plain data for the pages: problems pinned to cells, findings, download lists
library     the clause library and rules as page data (search, highlighted parameters)
security    headers, upload limits, login and CSRF (pure ASGI middleware and helpers)
pages       the routes; app builds the Starlette application; serve runs it with uvicorn
"""
