"""``communique approval pending|submit|approve|reject|require``."""

from __future__ import annotations

import argparse

from cli.base import EXIT_OK, nonempty, positive_id, print_json, print_table, store_for
from cli.registry import Commands
from core.domain import Variant
from core.errors import UserError
from core.queries.approvals import waiting_for_me
from core.services import approval


def _show(done: list[Variant], verb: str) -> None:
    for variant in done:
        print(f"Variant {variant.id} ({variant.account_name}, {variant.language}) {verb}.")


def _pending(args: argparse.Namespace) -> int:
    rows = waiting_for_me(store_for(args))
    if args.json:
        print_json([{**vars(r), "status": r.status.value, "approval_state": r.approval_state.value} for r in rows])
        return EXIT_OK
    if not rows:
        print("Nothing waits for you.")
        return EXIT_OK
    print_table(
        ["VARIANT", "POST", "ACCOUNT", "LANG", "STATE", "AUTHOR", "TEXT", "COMMENT"],
        [
            (
                r.variant_id,
                r.post_id,
                r.account_name,
                r.language,
                r.approval_state.value,
                r.author,
                r.summary,
                r.comment,
            )
            for r in rows
        ],
    )
    return EXIT_OK


def _submit(args: argparse.Namespace) -> int:
    if args.post is None and not args.variant:
        raise UserError("Name a post, or variants with --variant.")
    done = approval.submit(store_for(args), post_id=args.post, variant_ids=args.variant or ())
    _show(done, "is waiting for approval")
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    _show(approval.approve(store_for(args), args.variants), "is approved")
    return EXIT_OK


def _reject(args: argparse.Namespace) -> int:
    _show(approval.reject(store_for(args), args.variants, args.comment), "is rejected, back to its author")
    return EXIT_OK


def _require(args: argparse.Namespace) -> int:
    approval.set_requires_approval(store_for(args), args.account, not args.off)
    if args.off:
        print(f"{args.account!r} no longer requires approval before scheduling.")
    else:
        print(f"{args.account!r} now takes only approved posts: nothing unapproved can be scheduled to it.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``approval``."""
    parser = commands.add_command(
        "approval",
        help="submit posts for approval, approve or reject them, see what waits for you",
        description="Officers submit; approvers approve or reject with a comment. An account that requires "
        "approval takes nothing scheduled before it is approved, and an edit after approval sends a variant "
        "back to review.",
    )
    sub = parser.add_subparsers(dest="approval_command", metavar="ACTION", required=True)
    pending = sub.add_parser(
        "pending", help="what waits for you: variants in review (approvers) or rejected (officers)"
    )
    pending.add_argument("--json", action="store_true")
    pending.set_defaults(handler=_pending)
    submit = sub.add_parser("submit", help="send a post's variants (or --variant ones) for approval")
    submit.add_argument("post", nargs="?", type=positive_id)
    submit.add_argument("--variant", action="append", type=positive_id, metavar="ID")
    submit.set_defaults(handler=_submit)
    approve = sub.add_parser("approve", help="approve variants")
    approve.add_argument("variants", nargs="+", type=positive_id, metavar="VARIANT")
    approve.set_defaults(handler=_approve)
    reject = sub.add_parser("reject", help="send variants back with a comment")
    reject.add_argument("variants", nargs="+", type=positive_id, metavar="VARIANT")
    reject.add_argument("--comment", required=True, type=nonempty, help="why: what the author should change")
    reject.set_defaults(handler=_reject)
    require = sub.add_parser("require", help="make an account take only approved posts (admins; --off to undo)")
    require.add_argument("account", type=nonempty)
    require.add_argument("--off", action="store_true")
    require.set_defaults(handler=_require)
