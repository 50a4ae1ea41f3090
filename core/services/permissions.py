"""Who is acting, and whether their role and groups allow an action: one check per action.

On the embedded SQLite store there is one person, an implicit admin, and nothing is checked.
On a team PostgreSQL store the person is the login the server authenticated (``current_user``),
never a name the client claims: their row in ``users`` gives their role, their groups the
accounts they work on. While ``users`` is empty (a fresh team database) every login is an
implicit admin, so that someone can add the first users. Row-level security in the database
(migration 0007) applies the same group rule to anyone who bypasses these services.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select, text

from core.domain import Role
from core.errors import PermissionDeniedError
from core.services import audit
from core.store.tables import accounts, group_accounts, group_members, users
from core.words import Msg, in_app


class Permission(enum.StrEnum):
    """What an action needs; each role has those of the role before it, and more."""

    DRAFT = "draft"  # create and edit drafts, translate, cancel a draft
    SUBMIT = "submit"  # send for approval
    APPROVE = "approve"  # approve, reject
    SCHEDULE = "schedule"  # schedule, publish now, cancel what is scheduled, repeat
    ADMIN = "admin"  # accounts, users, groups, settings


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset({Permission.DRAFT, Permission.SUBMIT}),
    Role.APPROVER: frozenset({Permission.DRAFT, Permission.SUBMIT, Permission.APPROVE, Permission.SCHEDULE}),
    Role.ADMIN: frozenset(Permission),
}

#: How a refusal names what was asked, in "As an officer you cannot ...".
_DOING = {
    Permission.DRAFT: Msg("write or edit posts"),
    Permission.SUBMIT: Msg("submit posts for approval"),
    Permission.APPROVE: Msg("approve or reject posts"),
    Permission.SCHEDULE: Msg("schedule, publish or cancel posts"),
    Permission.ADMIN: Msg("manage accounts, users or groups"),
}


@dataclass(frozen=True)
class CurrentUser:
    """The person acting, as the services see them."""

    login: str  # recorded as the author and the audit actor
    role: Role
    #: The ids of the accounts whose posts they may see and change; ``None``: every account.
    account_ids: frozenset[int] | None
    #: True when ``login`` is a team user the database authenticated (not the embedded or bootstrap admin).
    authenticated: bool

    def can(self, permission: Permission) -> bool:
        """Whether their role allows ``permission``."""
        return permission in _GRANTS[self.role]

    def works_on(self, account_id: int) -> bool:
        """Whether the account is one of their groups' (an admin works on every account)."""
        return self.account_ids is None or account_id in self.account_ids


def is_team(conn: Connection) -> bool:
    """Whether ``conn`` is on a team (PostgreSQL) store rather than the embedded one."""
    return conn.dialect.name != "sqlite"


def session_login(conn: Connection) -> str:
    """The login the database server authenticated for ``conn``."""
    return str(conn.execute(text("SELECT current_user")).scalar_one())


def current_user(conn: Connection, actor: str | None = None) -> CurrentUser:
    """The person acting on ``conn``; ``actor`` names them only where no login does (embedded, bootstrap).

    Raises :class:`PermissionDeniedError` for a team login that is not (or no longer) a user.
    """
    claimed = actor or audit.default_actor()
    if not is_team(conn):
        return CurrentUser(claimed, Role.ADMIN, None, authenticated=False)
    login = session_login(conn)
    row = conn.execute(select(users.c.id, users.c.role, users.c.active).where(users.c.login == login)).first()
    if row is None:
        if conn.execute(select(users.c.id).limit(1)).first() is None:
            return CurrentUser(claimed, Role.ADMIN, None, authenticated=False)  # bootstrap: no users yet
        raise PermissionDeniedError(
            Msg(
                "The database login {login!r} is not a Communiqué user; ask an admin to add it with "
                "'communique user add'.",
                login=login,
                app=in_app("The database login {login!r} is not a Communiqué user; ask an admin to add it."),
            )
        )
    if not row.active:
        raise PermissionDeniedError(
            Msg("The Communiqué user {login!r} has been deactivated; ask an admin to reactivate it.", login=login)
        )
    role = Role(row.role)
    if role is Role.ADMIN:
        return CurrentUser(login, role, None, authenticated=True)
    ids = conn.execute(
        select(group_accounts.c.account_id)
        .join(group_members, group_members.c.group_id == group_accounts.c.group_id)
        .where(group_members.c.user_id == row.id)
    ).scalars()
    return CurrentUser(login, role, frozenset(ids), authenticated=True)


def require(
    conn: Connection, permission: Permission, account_ids: Iterable[int] = (), *, actor: str | None = None
) -> CurrentUser:
    """The person acting, if their role allows ``permission`` on every account of ``account_ids``.

    Otherwise :class:`PermissionDeniedError` with one sentence saying what is missing; the caller
    writes nothing (it is inside the caller's transaction, which rolls back).
    """
    user = current_user(conn, actor)
    if not user.can(permission):
        needed = Role.ADMIN if permission is Permission.ADMIN else Role.APPROVER
        raise PermissionDeniedError(
            Msg(
                "As {role} you cannot {doing}; ask {needed} to do it.",
                role=_ARTICLE[user.role],
                doing=_DOING[permission],
                needed=_ARTICLE[needed],
            )
        )
    outside = sorted({a for a in account_ids if not user.works_on(a)})
    if outside:
        names = conn.execute(select(accounts.c.name).where(accounts.c.id.in_(outside)).order_by(accounts.c.name))
        listed = ", ".join(repr(n) for n in names.scalars())
        raise PermissionDeniedError(
            Msg(
                "The account {listed} is not in any of your groups; ask an admin to add you to its group.",
                listed=listed,
            )
        )
    return user


#: Each role with its article, as the refusal names it.
_ARTICLE = {Role.OFFICER: Msg("an officer"), Role.APPROVER: Msg("an approver"), Role.ADMIN: Msg("an admin")}


# Superusers, BYPASSRLS logins and the tables' owner see every row (the policies are not FORCEd);
# so does anyone where row-level security is not on (the embedded store, a store before 0007).
_SEES_EVERY_ROW = """
SELECT r.rolsuper OR r.rolbypassrls OR NOT c.relrowsecurity OR pg_has_role(current_user, c.relowner, 'MEMBER')
FROM pg_roles r, pg_class c
WHERE r.rolname = current_user AND c.oid = to_regclass('variants')
"""


def sees_every_row(conn: Connection) -> bool:
    """Whether this connection's login sees every account's posts, as a publisher for everyone must.

    A publisher that saw only its groups' rows would still hold the one publishing lease, and the
    other groups' posts would wait for ever: a team's worker runs as the tables' owner or a
    BYPASSRLS login, and an app on a team database leaves publishing to it unless its login is one.
    """
    if not is_team(conn):
        return True
    found = conn.execute(text(_SEES_EVERY_ROW)).scalar()
    return True if found is None else bool(found)
