"""Team users and groups: who may do what, on which accounts (an admin's work).

A user is a PostgreSQL login that the server's administrator created (``createuser``), mapped
here to a Communiqué role and to groups (a mission, a desk), each with its accounts. Communiqué
never creates logins nor handles their passwords: it only maps them. The embedded SQLite store
has no users: its one person is an implicit admin. While a team database has no users, every
login is an implicit admin, and the first user added must be an admin, so that the team is never
locked out. See :mod:`core.services.permissions` for the rules and the migration 0007 for the
row-level security that applies them in the database too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from core import plaintext, queries, timeutil
from core.domain import AuditAction, Role
from core.errors import ConflictError, NotFoundError, UserError
from core.services import audit
from core.services.permissions import CurrentUser, Permission, current_user, is_team, require
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, group_accounts, group_members, groups, users
from core.words import Msg

MAX_NAME = 100


@dataclass(frozen=True)
class User:
    """A team member as ``communique user list`` shows it."""

    login: str
    display_name: str
    role: Role
    active: bool
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A mission or desk: its accounts and its members' logins."""

    name: str
    accounts: tuple[str, ...]
    members: tuple[str, ...]


def me(store: Store, actor: str | None = None) -> CurrentUser:
    """The person this store's connection acts as (see :func:`core.services.permissions.current_user`)."""
    with store.read() as conn:
        return current_user(conn, actor)


def parse_role(value: str) -> Role:
    """``value`` as a :class:`Role`, refused in one sentence when it is none."""
    try:
        return Role((value or "").strip().lower())
    except ValueError:
        raise UserError(
            Msg("Unknown role {value!r}: choose one of {names}.", value=value, names=", ".join(r.value for r in Role))
        ) from None


def _team_only(conn: Connection) -> None:
    if not is_team(conn):
        raise UserError(
            Msg("Users and groups are for a team database; this computer's own database has one user, you.")
        )


def _clean_name(value: str, what: str) -> str:
    name = (value or "").strip()
    if not name:
        raise UserError(Msg("The {what} is empty.", what=what))
    if len(name) > MAX_NAME:
        raise UserError(Msg("The {what} is longer than {max_name} characters.", what=what, max_name=MAX_NAME))
    plaintext.refuse_controls(name, f"The {what}")
    return name


def _user_id(conn: Connection, login: str) -> int:
    found = conn.execute(select(users.c.id).where(users.c.login == login)).scalar()
    if found is None:
        raise NotFoundError(Msg("No Communiqué user {login!r}; see 'communique user list'.", login=login))
    return int(found)


def _group_id(conn: Connection, name: str) -> int:
    found = conn.execute(select(groups.c.id).where(groups.c.name == name.strip())).scalar()
    if found is None:
        raise NotFoundError(Msg("No group named {name!r}; create it with 'communique group add'.", name=name))
    return int(found)


def _record(conn: Connection, who: str, action: AuditAction, entity: str, entity_id: int, **details: object) -> None:
    audit.record(conn, actor=who, action=action, entity=entity, entity_id=entity_id, details=dict(details))


def add_user(
    store: Store,
    login: str,
    role: Role,
    *,
    display_name: str = "",
    groups_of: Sequence[str] = (),
    actor: str | None = None,
) -> User:
    """Map an existing PostgreSQL login to a Communiqué role and groups (an admin only)."""
    name = _clean_name(login, "login")
    shown = (display_name or "").strip()
    plaintext.refuse_controls(shown, "The display name")
    now = timeutil.now_utc()
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        can_login = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
        if can_login is None:
            raise NotFoundError(
                Msg(
                    "The database has no login {name!r}; its administrator creates it first (createuser --pwprompt).",
                    name=name,
                )
            )
        if not can_login:
            raise UserError(
                Msg("The database role {name!r} cannot log in; give it LOGIN or choose a login role.", name=name)
            )
        if conn.execute(select(users.c.id).where(users.c.login == name)).first() is not None:
            raise ConflictError(
                Msg("{name!r} is already a Communiqué user; change its role with 'communique user role'.", name=name)
            )
        if role is not Role.ADMIN and conn.execute(select(func.count()).select_from(users)).scalar_one() == 0:
            raise UserError(Msg("The first user must be an admin, so that someone can manage the others."))
        group_ids = [_group_id(conn, g) for g in groups_of]
        user_id = new_id(
            conn.execute(
                users.insert().values(
                    login=name, display_name=shown, role=role.value, active=True, created_at=now, updated_at=now
                )
            )
        )
        for group_id in dict.fromkeys(group_ids):
            conn.execute(group_members.insert().values(group_id=group_id, user_id=user_id))
        _record(conn, who, AuditAction.USER_ADD, "user", user_id, login=name, role=role.value, groups=list(groups_of))
    return get_user(store, name)


def get_user(store: Store, login: str) -> User:
    """One user with their groups."""
    found = [u for u in list_users(store) if u.login == login]
    if not found:
        raise NotFoundError(Msg("No Communiqué user {login!r}; see 'communique user list'.", login=login))
    return found[0]


def list_users(store: Store) -> list[User]:
    """Every user (deactivated ones too), by login."""
    with store.read() as conn:
        _team_only(conn)
        rows = conn.execute(select(users).order_by(users.c.login)).all()
        memberships = conn.execute(
            select(group_members.c.user_id, groups.c.name)
            .join(groups, groups.c.id == group_members.c.group_id)
            .order_by(groups.c.name)
        ).all()
    by_user: dict[int, list[str]] = {}
    for member in memberships:
        by_user.setdefault(member.user_id, []).append(member.name)
    return [User(r.login, r.display_name, Role(r.role), bool(r.active), tuple(by_user.get(r.id, []))) for r in rows]


def _keep_an_admin(conn: Connection, login: str) -> None:
    others = conn.execute(
        select(func.count())
        .select_from(users)
        .where(users.c.role == Role.ADMIN.value, users.c.active.is_(True), users.c.login != login)
    ).scalar_one()
    if not others:
        raise ConflictError(Msg("{login!r} is the last active admin; make someone else an admin first.", login=login))


def set_role(store: Store, login: str, role: Role, *, actor: str | None = None) -> User:
    """Change a user's role (an admin only); the last active admin keeps theirs."""
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        user_id = _user_id(conn, login)
        if role is not Role.ADMIN:
            _keep_an_admin(conn, login)
        conn.execute(users.update().where(users.c.id == user_id).values(role=role.value, updated_at=timeutil.now_utc()))
        _record(conn, who, AuditAction.USER_ROLE, "user", user_id, login=login, role=role.value)
    return get_user(store, login)


def set_active(store: Store, login: str, active: bool, *, actor: str | None = None) -> User:
    """Deactivate a user (kept for the history they wrote) or reactivate one (an admin only)."""
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        user_id = _user_id(conn, login)
        if not active:
            _keep_an_admin(conn, login)
        conn.execute(users.update().where(users.c.id == user_id).values(active=active, updated_at=timeutil.now_utc()))
        _record(conn, who, AuditAction.USER_DEACTIVATE, "user", user_id, login=login, active=active)
    return get_user(store, login)


def add_group(store: Store, name: str, *, actor: str | None = None) -> Group:
    """Create a group (a mission or a desk), empty (an admin only)."""
    clean = _clean_name(name, "group name")
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        if conn.execute(select(groups.c.id).where(groups.c.name == clean)).first() is not None:
            raise ConflictError(Msg("A group named {clean!r} already exists.", clean=clean))
        group_id = new_id(conn.execute(groups.insert().values(name=clean, created_at=timeutil.now_utc())))
        _record(conn, who, AuditAction.GROUP_ADD, "group", group_id, name=clean)
    return Group(clean, (), ())


def set_group_account(
    store: Store, group: str, account: str, *, present: bool = True, actor: str | None = None
) -> None:
    """Put an account in a group (or take it out): the group's members work on its posts."""
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        group_id = _group_id(conn, group)
        account_id = queries.fetch_account(conn, account).id
        key = (group_accounts.c.group_id == group_id) & (group_accounts.c.account_id == account_id)
        there = conn.execute(select(group_accounts.c.group_id).where(key)).first() is not None
        if present and not there:
            conn.execute(group_accounts.insert().values(group_id=group_id, account_id=account_id))
        elif not present and there:
            conn.execute(group_accounts.delete().where(key))
        else:
            return
        _record(conn, who, AuditAction.GROUP_ACCOUNT, "group", group_id, account=account, present=present)


def set_group_member(store: Store, group: str, login: str, *, present: bool = True, actor: str | None = None) -> None:
    """Put a user in a group (or take them out)."""
    with store.write() as conn:
        _team_only(conn)
        who = require(conn, Permission.ADMIN, actor=actor).login
        group_id = _group_id(conn, group)
        user_id = _user_id(conn, login)
        key = (group_members.c.group_id == group_id) & (group_members.c.user_id == user_id)
        there = conn.execute(select(group_members.c.group_id).where(key)).first() is not None
        if present and not there:
            conn.execute(group_members.insert().values(group_id=group_id, user_id=user_id))
        elif not present and there:
            conn.execute(group_members.delete().where(key))
        else:
            return
        _record(conn, who, AuditAction.GROUP_MEMBER, "group", group_id, login=login, present=present)


def list_groups(store: Store) -> list[Group]:
    """Every group with its accounts and members, by name."""
    with store.read() as conn:
        _team_only(conn)
        names = list(conn.execute(select(groups.c.id, groups.c.name).order_by(groups.c.name)))
        linked = conn.execute(
            select(group_accounts.c.group_id, accounts.c.name)
            .join(accounts, accounts.c.id == group_accounts.c.account_id)
            .order_by(accounts.c.name)
        ).all()
        members = conn.execute(
            select(group_members.c.group_id, users.c.login)
            .join(users, users.c.id == group_members.c.user_id)
            .order_by(users.c.login)
        ).all()
    return [
        Group(
            row.name,
            tuple(a.name for a in linked if a.group_id == row.id),
            tuple(m.login for m in members if m.group_id == row.id),
        )
        for row in names
    ]
