"""Store benchmark: the services' cost over bare SQL on the same rows, in the same run.

- create: 500 posts through ``create_post`` (validation, zone conversion, audit event, one
  transaction each) against bare INSERTs of the same post and variant rows, one transaction each.
- list: ``list_posts`` of those posts (domain objects with variants) against a bare SELECT join.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from core import queries

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, median_seconds, replace_section, today

POSTS = 500


def run() -> str:
    """Run the benchmark in a temporary COMMUNIQUE_HOME and return its Markdown section."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["COMMUNIQUE_HOME"] = home
        os.environ.pop("COMMUNIQUE_DB", None)
        from sqlalchemy import select

        from core.services import accounts, posts
        from core.store import Store, open_store
        from core.store.tables import accounts as accounts_table
        from core.store.tables import posts as posts_table
        from core.store.tables import variants

        now = datetime(2026, 1, 1, tzinfo=UTC)
        at = datetime(2099, 1, 1, 9, 0)

        def fresh(name: str) -> Store:
            return open_store(f"sqlite:///{Path(home) / name}")

        def service_create() -> None:
            store = fresh(f"svc-{os.urandom(4).hex()}.sqlite3")
            accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
            for i in range(POSTS):
                posts.create_post(store, text=f"Post {i}", accounts=["Tokyo"], at=at, now=now)
            store.dispose()

        def bare_create() -> None:
            store = fresh(f"bare-{os.urandom(4).hex()}.sqlite3")
            with store.write() as conn:
                account_id = conn.execute(
                    accounts_table.insert().values(
                        name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo", created_at=now, updated_at=now
                    )
                ).inserted_primary_key[0]
            for i in range(POSTS):
                with store.write() as conn:
                    post_id = conn.execute(
                        posts_table.insert().values(
                            author="bench", source_language="ja", text=f"Post {i}", created_at=now, updated_at=now
                        )
                    ).inserted_primary_key[0]
                    conn.execute(
                        variants.insert().values(
                            post_id=post_id,
                            account_id=account_id,
                            language="ja",
                            text=f"Post {i}",
                            status="scheduled",
                            scheduled_at=datetime(2099, 1, 1, tzinfo=UTC),
                            created_at=now,
                            updated_at=now,
                        )
                    )
            store.dispose()

        service = median_seconds(service_create, 3)
        bare = median_seconds(bare_create, 3)

        store = fresh("list.sqlite3")
        accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
        for i in range(POSTS):
            posts.create_post(store, text=f"Post {i}", accounts=["Tokyo"], at=at, now=now)

        def service_list() -> None:
            assert len(queries.list_posts(store)) == POSTS

        def bare_list() -> None:
            with store.read() as conn:
                rows = conn.execute(
                    select(posts_table, variants).join(variants, variants.c.post_id == posts_table.c.id)
                ).all()
            assert len(rows) == POSTS

        listing = median_seconds(service_list, 7)
        bare_listing = median_seconds(bare_list, 7)
        store.dispose()

    return "\n".join(
        [
            "## Store",
            "",
            f"{today()}, {machine()}. Median of repeated runs; ratios are against a bare-SQL baseline in the same run.",
            "",
            "| what | services | bare SQL | ratio |",
            "| --- | --- | --- | --- |",
            f"| create {POSTS} scheduled posts, one transaction each | {service:.2f} s | {bare:.2f} s "
            f"| {service / bare:.2f}x |",
            f"| list {POSTS} posts with their variants | {listing * 1000:.1f} ms | {bare_listing * 1000:.1f} ms "
            f"| {listing / bare_listing:.2f}x |",
            "",
            "The create overhead is validation, the zone conversion and the audit event written in the same "
            "transaction; the list overhead is building domain objects.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="update this Markdown file's store section")
    args = parser.parse_args()
    section = run()
    print(section)
    if args.write:
        replace_section(args.write, "store", section)


if __name__ == "__main__":
    main()
