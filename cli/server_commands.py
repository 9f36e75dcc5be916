"""`tthc serve` (the HTTP API) and `tthc db upgrade|status` (the PostgreSQL schema).

Only click is imported here (the commands are registered at start-up); uvicorn, FastAPI and
psycopg are imported when a command runs, so `tthc --version` never pays for them.

Exit codes: 0 done; 2 a setting, the bundle or the database could not be used (the reason on
standard error).
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
DATABASE = click.option(
    "--database",
    envvar="TTHC_DATABASE_URL",
    default="sqlite:///cases.db",
    show_default=True,
    help="The store: sqlite:///path or postgresql://user@host:port/db (env TTHC_DATABASE_URL).",
)
EXTRA = "pip install 'tthc[server]'"


def _file_option(flag: str, env: str, help: str) -> Callable[[F], F]:
    """An optional file named on the command line or in an environment variable."""
    return click.option(flag, envvar=env, type=click.Path(dir_okay=False), default=None, help=help)


@click.command()
@click.option(
    "--bundle",
    envvar="TTHC_BUNDLE",
    required=True,
    type=click.Path(dir_okay=False),
    help="The bundle made by `tthc compile` (env TTHC_BUNDLE).",
)
@DATABASE
@_file_option(
    "--tokens",
    "TTHC_TOKENS",
    "A token file: SHA-256 of each token → officer (env TTHC_TOKENS).",
)
@_file_option(
    "--jwks",
    "TTHC_JWKS",
    "A JSON Web Key Set: signed JWTs are verified against it (env TTHC_JWKS).",
)
@click.option("--issuer", envvar="TTHC_JWT_ISSUER", default=None, help="Required JWT issuer.")
@click.option("--audience", envvar="TTHC_JWT_AUDIENCE", default=None, help="Required JWT audience.")
@_file_option(
    "--trust-anchors",
    "TTHC_TRUST_ANCHORS",
    "PEM root certificates that digital signatures must chain to (env TTHC_TRUST_ANCHORS).",
)
@_file_option(
    "--certificates",
    "TTHC_CERTIFICATES",
    "JSON: officer id → fingerprints of their certificates (env TTHC_CERTIFICATES).",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (several need a PostgreSQL store).",
)
@click.option(
    "--max-body",
    default=256 * 1024,
    show_default=True,
    type=int,
    help="The largest request body, in bytes.",
)
def serve(
    bundle: str,
    database: str,
    tokens: str | None,
    jwks: str | None,
    issuer: str | None,
    audience: str | None,
    trust_anchors: str | None,
    certificates: str | None,
    host: str,
    port: int,
    workers: int,
    max_body: int,
) -> None:
    """Serve the runtime as a JSON API over HTTP (OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from tthc.server import Settings, create_app
        from tthc.server.settings import SettingsError
    except ImportError as error:
        click.echo(f"tthc serve needs the server extra ({EXTRA}): {error}", err=True)
        sys.exit(2)
    if workers > 1 and database.startswith("sqlite"):
        click.echo("Several workers share one database: use --database postgresql://…", err=True)
        sys.exit(2)
    settings = Settings(
        bundle=Path(bundle),
        database=database,
        tokens=Path(tokens) if tokens else None,
        jwks=Path(jwks) if jwks else None,
        issuer=issuer,
        audience=audience,
        max_body=max_body,
        trust_anchors=Path(trust_anchors) if trust_anchors else None,
        certificates=Path(certificates) if certificates else None,
    )
    try:
        if not tokens and not jwks:
            raise SettingsError("--tokens or --jwks: no way to authenticate officers")
        create_app(settings)  # refuse to start half-configured, before any worker starts
    except Exception as error:
        click.echo(f"tthc serve: {error}", err=True)
        sys.exit(2)
    os.environ.update(settings.to_environment())
    config = uvicorn.Config(
        "tthc.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        # The structured access log (`tthc.access`, one JSON line a request on standard output)
        # replaces uvicorn's plain one: one line a request, not two.
        access_log=False,
        log_config=_log_config(uvicorn.config.LOGGING_CONFIG),
    )
    if workers > 1:
        from tthc.server.workers import serve as serve_workers

        # Each worker on a listening socket of its own (`tthc.server.workers`).
        serve_workers(config)
    else:
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            sys.exit(uvicorn.config.STARTUP_FAILURE)


def _log_config(base: dict[str, Any]) -> dict[str, Any]:
    """uvicorn's logging set-up, with the `tthc.access` logger writing its JSON lines as they
    are to standard output."""
    config = copy.deepcopy(base)
    config["formatters"]["tthc-json"] = {"format": "%(message)s"}
    config["handlers"]["tthc-access"] = {
        "formatter": "tthc-json",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
    }
    config["loggers"]["tthc.access"] = {
        "handlers": ["tthc-access"],
        "level": "INFO",
        "propagate": False,
    }
    return config


@click.group()
def db() -> None:
    """The PostgreSQL schema: create it, or bring it up to date (versioned migrations)."""


@db.command()
@DATABASE
def upgrade(database: str) -> None:
    """Apply every migration the database has not had yet."""
    _migrate(database, apply=True)


@db.command()
@DATABASE
def status(database: str) -> None:
    """The database's schema version and the newest one this tthc knows."""
    _migrate(database, apply=False)


def _migrate(database: str, apply: bool) -> None:
    if not database.startswith(("postgresql://", "postgres://")):
        click.echo("The SQLite store creates its schema itself; nothing to do.")
        return
    try:
        import psycopg

        from tthc.runtime.store.migrations import NEWEST, current, upgrade
    except ImportError as error:
        click.echo(f"tthc db needs the postgresql extra: {error}", err=True)
        sys.exit(2)
    try:
        with psycopg.connect(database) as connection:
            applied = upgrade(connection) if apply else []
            version = current(connection)
    except psycopg.Error as error:
        click.echo(f"tthc db: the database cannot be used: {error}", err=True)
        sys.exit(2)
    if apply:
        click.echo(f"applied: {', '.join(map(str, applied)) or 'none (up to date)'}")
    click.echo(f"schema version {version} (newest {NEWEST})")
