"""``communique init`` and ``communique account add|list|show|links|credits-added|remove|set-secret|verify``."""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.base import EXIT_OK, nonempty, print_json, print_table, read_stdin, store_for
from cli.registry import Commands
from connectors import services as connector_services
from connectors.base import ConnectorError
from core import paths, platforms, queries, secrets
from core.domain import Account
from core.errors import UserError
from core.secrets import redact
from core.services import account_options, accounts
from core.services.account_options import AccountOptions
from core.store import Store
from core.store.migrate import current_revision

EXIT_PLATFORM_REFUSED = 1


def _init(args: argparse.Namespace) -> int:
    store = store_for(args)
    print(f"Communiqué is ready: data in {paths.home()}, database {store.url} at revision {current_revision(store)}.")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    account = accounts.add_account(
        store_for(args),
        name=args.name,
        platform=args.platform,
        language=args.language,
        timezone=args.timezone,
        api_base=args.api_base,
        external_id=args.external_id,
        handle=args.handle,
        grace_minutes=args.grace_minutes,
    )
    if args.json:
        print_json(account.to_dict())
    else:
        print(f"Added {account.platform} account {account.name!r} ({account.language}, {account.timezone}).")
    return EXIT_OK


#: Why a person may leave links out of an account's X posts (README, "X costs").
LINKS_COST = "X charges several times more for a post with a link (about $0.20 against $0.015 on pay-per-use)."


def _options(store: Store, found: list[Account]) -> dict[int, AccountOptions]:
    with store.read() as conn:
        return account_options.read_options(conn, [a.id for a in found])


def _with_options(account: Account, options: AccountOptions) -> dict[str, object]:
    """The account as JSON, with its options."""
    return {
        **account.to_dict(),
        "links_on_x": options.links_on_x,
        "x_access": options.x_access,
        "x_access_seen": options.x_access_seen.isoformat() if options.x_access_seen else None,
    }


def _list(args: argparse.Namespace) -> int:
    store = store_for(args)
    found = queries.list_accounts(store, include_removed=args.all)
    options = _options(store, found)
    if args.json:
        print_json([_with_options(a, options[a.id]) for a in found])
        return EXIT_OK
    if not found:
        print("No accounts yet: add one with 'communique account add'.")
        return EXIT_OK
    print_table(
        ["NAME", "PLATFORM", "LANGUAGE", "TIME ZONE", "API BASE", "ACTIVE", "ACCESS"],
        [
            (a.name, a.platform, a.language, a.timezone, a.api_base or "(default)", a.active, options[a.id].x_access)
            for a in found
        ],
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    store = store_for(args)
    account = queries.get_account(store, args.name)
    options = _options(store, [account])[account.id]
    if args.json:
        print_json(_with_options(account, options))
        return EXIT_OK
    lines = [
        ("Name", account.name),
        ("Platform", account.platform),
        ("Language", account.language),
        ("Time zone", account.timezone),
        ("Handle", f"@{account.handle}" if account.handle else "(none)"),
        ("API base", account.api_base or "(default)"),
        ("Grace window", f"{account.grace_minutes} minutes"),
        ("Requires approval", "yes" if account.requires_approval else "no"),
    ]
    if account.platform == "x":
        lines.append(("Links on X", "yes" if options.links_on_x else "no: each link is taken out of the text"))
        lines.append(("X access", _access(options)))
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        print(f"{label + ':':<{width}} {value}")
    return EXIT_OK


def _access(options: AccountOptions) -> str:
    line = options.access_line()
    return line.removeprefix("X access: ") if line else "not known yet (X shows it when it refuses a request)"


def _links(args: argparse.Namespace) -> int:
    on = args.choice == "on"
    changed = account_options.set_links_on_x(store_for(args), args.name, on)
    if not changed:
        print(f"{args.name}: links on X were already {args.choice}.")
    elif on:
        print(f"{args.name}: posts go to X with their links. {LINKS_COST}")
    else:
        print(f"{args.name}: posts go to X without their links (each link is taken out of the text).")
        emptied = account_options.emptied_without_links(store_for(args), args.name)
        if emptied:
            print(
                f"Warning: scheduled variant(s) {', '.join(map(str, emptied))} are only a link and would go "
                "out empty; edit them ('communique post edit') or cancel them.",
                file=sys.stderr,
            )
    return EXIT_OK


def _credits_added(args: argparse.Namespace) -> int:
    released = account_options.credits_added(store_for(args), args.name)
    print(
        f"{args.name}: {released.posts} post(s) waiting for credits are due now, and {released.polls} "
        "published post(s) will have their figures read again; the worker sends them at its next sweep."
    )
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    accounts.remove_account(store_for(args), args.name)
    print(f"Removed account {args.name!r}.")
    return EXIT_OK


def _set_secret(args: argparse.Namespace) -> int:
    account = queries.get_account(store_for(args), args.name)
    secrets.check_field(account.platform, args.field)
    refused = platforms.refused_credentials(account.platform).get(args.field)
    if refused is not None:  # before asking for the value: the service would refuse it anyway
        raise UserError(refused)
    value = read_stdin().strip() if args.stdin else getpass.getpass(f"{args.field} for {account.name}: ")
    accounts.set_credential(store_for(args), account.name, args.field, value)
    print(f"Stored the {args.field} of {account.name!r} in the keyring.")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        verified = connector_services.verify_account(store, args.name)
    except ConnectorError as exc:
        # The account's own name, as stored: the look-up succeeded, the platform refused.
        name = queries.get_account(store, args.name).name
        print(f"communique: {name}: {redact(exc.message)}", file=sys.stderr)
        return EXIT_PLATFORM_REFUSED
    account, identity = verified.account, verified.identity
    if args.json:
        print_json(
            {
                "account": account.name,
                "platform": account.platform,
                "remote_id": identity.remote_id,
                "name": identity.name,
                "handle": identity.handle,
            }
        )
    else:
        handle = f" (@{identity.handle})" if identity.handle else ""
        print(f"{account.name}: the credentials work; they belong to {identity.name}{handle}, id {identity.remote_id}.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``init`` and ``account`` to the command line."""
    init = commands.add_command("init", help="create the data folder and the database")
    init.set_defaults(handler=_init)

    account = commands.add_command("account", help="manage the accounts posts go to")
    subcommands = account.add_subparsers(dest="account_command", required=True, metavar="COMMAND")

    add = subcommands.add_parser("add", help="add a Facebook Page, an X account or a plugin platform's account")
    add.add_argument("--platform", required=True, type=nonempty, help="x, facebook, or a plugin platform")
    add.add_argument("--name", required=True, type=nonempty, help="a unique name, e.g. 'Embassy Tokyo (X)'")
    add.add_argument(
        "--language", required=True, type=nonempty, help="ISO 639-1 code of the account's audience, e.g. ja"
    )
    add.add_argument("--timezone", required=True, type=nonempty, help="IANA zone, e.g. Asia/Tokyo")
    add.add_argument("--api-base", type=nonempty, help="API base URL (default: the platform's own host)")
    add.add_argument(
        "--external-id",
        "--page-id",
        "--user-id",
        dest="external_id",
        metavar="ID",
        help="the account's id on its platform: the Page id of a Facebook Page (required there), an X user id, "
        "or a plugin platform's id",
    )
    add.add_argument("--handle", type=nonempty, help="the public handle, e.g. @MOFA_VN")
    add.add_argument("--grace-minutes", type=int, default=60, help="publish missed posts this late (default 60)")
    add.add_argument("--json", action="store_true", help="print the account as JSON")
    add.set_defaults(handler=_add)

    listing = subcommands.add_parser("list", help="list accounts")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--all", action="store_true", help="include removed accounts kept for their history")
    listing.set_defaults(handler=_list)

    show = subcommands.add_parser("show", help="one account: its fields, links on X and X access level")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    links = subcommands.add_parser(
        "links",
        help="whether an X account's posts carry their links (default on). "
        "X charges several times more for a post with a link; off takes each link out of the text sent to X",
    )
    links.add_argument("name")
    links.add_argument("choice", choices=["on", "off"])
    links.set_defaults(handler=_links)

    credits = subcommands.add_parser(
        "credits-added",
        help="say that credits were added to the account's X developer account: the posts held for want of "
        "credits are sent at the next sweep",
    )
    credits.add_argument("name")
    credits.set_defaults(handler=_credits_added)

    remove = subcommands.add_parser("remove", help="remove an account with nothing left to publish")
    remove.add_argument("name")
    remove.set_defaults(handler=_remove)

    secret = subcommands.add_parser("set-secret", help="store one credential of an account in the OS keyring")
    secret.add_argument("name")
    secret.add_argument(
        "field",
        help="the credential's name on the account's platform, e.g. page_token (facebook) or access_token (x); "
        "another name is refused with the platform's list",
    )
    secret.add_argument("--stdin", action="store_true", help="read the value from standard input")
    secret.set_defaults(handler=_set_secret)

    verify = subcommands.add_parser("verify", help="check an account's credentials with its platform")
    verify.add_argument("name")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)
