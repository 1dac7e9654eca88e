"""PostgreSQL databases for the benchmarks (``DATABASE_URL=postgres://…/<name>``)."""

from __future__ import annotations


def _split(url: str) -> tuple[str, str]:
    """(database name, URL of the server's maintenance database)."""
    base, name = url.rsplit("/", 1)
    return name, base + "/postgres"


def create_if_missing(url: str) -> None:
    """Create the database of ``url`` unless it exists (its data is kept)."""
    import psycopg

    name, admin = _split(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def recreate(url: str) -> None:
    """Drop and create the database of ``url``; only a name containing 'bench' is dropped."""
    import psycopg

    name, admin = _split(url)
    if "bench" not in name:
        raise SystemExit(f"Refusing to recreate database {name!r}: its name must contain 'bench'.")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
