"""tthc.server — the runtime's commands and queries as a JSON API over HTTP, for portals in
any language.

    create_app(settings) -> FastAPI     the ASGI application (`tthc serve` runs it with uvicorn)
    Settings.from_environment()         bundle, database URL, token verifier, limits

Modules: `settings` (what a deployment configures), `auth` (bearer tokens: signed JWTs against
a key set, or a token file), `models` (the request and response bodies: the OpenAPI document is
generated from them), `errors` (refusals and failures as JSON with a code and a message in
Vietnamese and English, and their HTTP status), `limits` (request size, structured access log),
`app` (the routes: each one authenticates, calls one engine method, answers), `gate` (the
bearer token checked before a route), `commands` (the command routes served without FastAPI's
per-request work), `reads` (the hot reads in one query), `workers` (a listening socket a worker).
"""

from tthc.server.app import create_app
from tthc.server.settings import Settings

__all__ = ["Settings", "create_app"]
