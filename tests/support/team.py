"""A team database with real PostgreSQL logins: admin, approvers and officers in two groups.

Logins are cluster-wide, so each gets a unique name and is dropped at the end; every store
opened as one of them is disposed first.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field

import sqlalchemy
from sqlalchemy import select
from sqlalchemy.engine import make_url

from core.domain import Role
from core.services import accounts, users
from core.store import Store, open_store
from core.store.tables import audit_events

_counter = itertools.count(1)


def url_as(url: str, login: str) -> str:
    """``url`` logged in as ``login`` (the test server trusts every login from 127.0.0.1)."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@dataclass
class Team:
    """The owner's store and one store per login, by the login's short name."""

    url: str
    superuser_url: str
    owner: Store
    logins: dict[str, str] = field(default_factory=dict)  # short name -> login
    stores: dict[str, Store] = field(default_factory=dict)

    def create_login(self, short: str) -> str:
        """A new PostgreSQL login role (no Communiqué user yet); returns its name."""
        login = f"t{os.getpid()}_{next(_counter)}_{short}"
        engine = sqlalchemy.create_engine(self.superuser_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
        engine.dispose()
        self.logins[short] = login
        return login

    def store(self, short: str) -> Store:
        """A store logged in as ``short``'s login."""
        if short not in self.stores:
            self.stores[short] = open_store(url_as(self.url, self.logins[short]))
        return self.stores[short]

    def engine(self, short: str) -> sqlalchemy.Engine:
        """A plain engine as ``short``'s login: no services, only the database's own rules."""
        return sqlalchemy.create_engine(url_as(self.url, self.logins[short]))

    def trail(self, variant_id: int) -> list[tuple[str, str]]:
        """The (action, actor) of each audit event on the variant, oldest first, as the owner reads them."""
        with self.owner.read() as conn:
            rows = conn.execute(
                select(audit_events.c.action, audit_events.c.actor)
                .where(audit_events.c.entity == "variant", audit_events.c.entity_id == variant_id)
                .order_by(audit_events.c.id)
            ).all()
        return [(row.action, row.actor) for row in rows]

    def close(self) -> None:
        """Dispose every store, then drop the logins."""
        for store in self.stores.values():
            store.dispose()
        self.owner.dispose()
        engine = sqlalchemy.create_engine(self.superuser_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for login in self.logins.values():
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        engine.dispose()


def build_team(url: str, superuser_url: str) -> Team:
    """Accounts Tokyo and Berlin, groups of the same names, and logins: ``admin``, ``approver``
    and ``officer`` (Tokyo), ``berlin`` (an officer of Berlin), ``stranger`` (a login, no user)."""
    team = Team(url, superuser_url, open_store(url))
    for name, language, zone in (("Tokyo", "ja", "Asia/Tokyo"), ("Berlin", "de", "Europe/Berlin")):
        accounts.add_account(team.owner, name=name, platform="x", language=language, timezone=zone)
    for short in ("admin", "approver", "officer", "berlin", "stranger"):
        team.create_login(short)
    # Bootstrap: no users yet, so the owner's login is an implicit admin and adds the first admin.
    users.add_user(team.owner, team.logins["admin"], Role.ADMIN)
    admin = team.store("admin")
    for group in ("Tokyo", "Berlin"):
        users.add_group(admin, group)
        users.set_group_account(admin, group, group)
    users.add_user(admin, team.logins["approver"], Role.APPROVER, groups_of=["Tokyo"])
    users.add_user(admin, team.logins["officer"], Role.OFFICER, groups_of=["Tokyo"])
    users.add_user(admin, team.logins["berlin"], Role.OFFICER, groups_of=["Berlin"])
    return team
