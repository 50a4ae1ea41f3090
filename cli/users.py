"""``communique user add|list|role|remove|me`` and ``communique group add|list|account|member``."""

from __future__ import annotations

import argparse

from cli.base import EXIT_OK, nonempty, print_json, print_table, store_for
from cli.registry import Commands
from core.services import users


def _add(args: argparse.Namespace) -> int:
    user = users.add_user(
        store_for(args),
        args.login,
        users.parse_role(args.role),
        display_name=args.name or "",
        groups_of=args.group or (),
    )
    groups = f" in {', '.join(user.groups)}" if user.groups else ""
    print(f"{user.login} is now a Communiqué {user.role.value}{groups}.")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    found = users.list_users(store_for(args))
    if args.json:
        print_json([{**vars(u), "role": u.role.value, "groups": list(u.groups)} for u in found])
        return EXIT_OK
    if not found:
        print("No users yet: every login is an admin until you add the first one with 'communique user add'.")
        return EXIT_OK
    print_table(
        ["LOGIN", "NAME", "ROLE", "ACTIVE", "GROUPS"],
        [(u.login, u.display_name, u.role.value, u.active, ", ".join(u.groups)) for u in found],
    )
    return EXIT_OK


def _role(args: argparse.Namespace) -> int:
    user = users.set_role(store_for(args), args.login, users.parse_role(args.role))
    print(f"{user.login} is now a Communiqué {user.role.value}.")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    user = users.set_active(store_for(args), args.login, args.reactivate)
    state = "active again" if user.active else "deactivated (kept for the history they wrote)"
    print(f"{user.login} is {state}.")
    return EXIT_OK


def _me(args: argparse.Namespace) -> int:
    user = users.me(store_for(args))
    scope = "every account" if user.account_ids is None else f"{len(user.account_ids)} account(s) of their groups"
    how = "authenticated by the database" if user.authenticated else "implicit admin"
    print(f"{user.login}: {user.role.value} ({how}), working on {scope}.")
    return EXIT_OK


def _group_add(args: argparse.Namespace) -> int:
    group = users.add_group(store_for(args), args.name)
    print(f"Created group {group.name!r}; add accounts and members with 'communique group account|member'.")
    return EXIT_OK


def _group_list(args: argparse.Namespace) -> int:
    found = users.list_groups(store_for(args))
    if args.json:
        print_json([{"name": g.name, "accounts": list(g.accounts), "members": list(g.members)} for g in found])
        return EXIT_OK
    if not found:
        print("No groups yet: create one with 'communique group add'.")
        return EXIT_OK
    print_table(
        ["GROUP", "ACCOUNTS", "MEMBERS"], [(g.name, ", ".join(g.accounts), ", ".join(g.members)) for g in found]
    )
    return EXIT_OK


def _group_account(args: argparse.Namespace) -> int:
    users.set_group_account(store_for(args), args.group, args.account, present=not args.remove)
    verb = "is no longer in" if args.remove else "is in"
    print(f"The account {args.account!r} {verb} the group {args.group!r}.")
    return EXIT_OK


def _group_member(args: argparse.Namespace) -> int:
    users.set_group_member(store_for(args), args.group, args.login, present=not args.remove)
    verb = "is no longer in" if args.remove else "is in"
    print(f"{args.login} {verb} the group {args.group!r}.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``user`` and ``group`` (team databases only)."""
    user = commands.add_command(
        "user",
        help="team users: map database logins to roles (officer, approver, admin)",
        description="Each person logs into the team database with their own PostgreSQL login, created by the "
        "database's administrator (createuser --pwprompt LOGIN); these commands map it to a Communiqué role and "
        "groups. Admins only, except while no user exists yet.",
    )
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="make a database login a Communiqué user")
    add.add_argument("login", type=nonempty)
    add.add_argument("--role", required=True, help="officer, approver or admin")
    add.add_argument("--group", action="append", metavar="GROUP", help="a group it works in (repeatable)")
    add.add_argument("--name", help="the name shown to others")
    add.set_defaults(handler=_add)
    listing = sub.add_parser("list", help="list users, their roles and groups")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    role = sub.add_parser("role", help="change a user's role")
    role.add_argument("login", type=nonempty)
    role.add_argument("role", help="officer, approver or admin")
    role.set_defaults(handler=_role)
    remove = sub.add_parser("remove", help="deactivate a user (their history stays)")
    remove.add_argument("login", type=nonempty)
    remove.add_argument("--reactivate", action="store_true", help="make a deactivated user active again")
    remove.set_defaults(handler=_remove)
    me = sub.add_parser("me", help="who this computer acts as, and on which accounts")
    me.set_defaults(handler=_me)

    group = commands.add_command("group", help="team groups (a mission, a desk): their accounts and members")
    gsub = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    gadd = gsub.add_parser("add", help="create a group")
    gadd.add_argument("name", type=nonempty)
    gadd.set_defaults(handler=_group_add)
    glist = gsub.add_parser("list", help="list groups with their accounts and members")
    glist.add_argument("--json", action="store_true")
    glist.set_defaults(handler=_group_list)
    gacc = gsub.add_parser("account", help="put an account in a group (or --remove it)")
    gacc.add_argument("group", type=nonempty)
    gacc.add_argument("account", type=nonempty)
    gacc.add_argument("--remove", action="store_true")
    gacc.set_defaults(handler=_group_account)
    gmem = gsub.add_parser("member", help="put a user in a group (or --remove them)")
    gmem.add_argument("group", type=nonempty)
    gmem.add_argument("login", type=nonempty)
    gmem.add_argument("--remove", action="store_true")
    gmem.set_defaults(handler=_group_member)
