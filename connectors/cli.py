"""``communique post check``, ``communique account verify`` and ``communique sandbox serve``."""

from __future__ import annotations

import argparse
import sys

from connectors import textrules
from connectors.base import CheckResult, ConnectorError
from core import practice
from core.cli.base import EXIT_OK, SubParsers, print_json, read_stdin, store_for, subcommands_of
from core.errors import UserError
from core.secrets import redact

EXIT_DOES_NOT_FIT = 1
EXIT_PLATFORM_REFUSED = 1


def _check(args: argparse.Namespace) -> int:
    # A text piped in ends with the shell's newline, which is not part of the post.
    text = read_stdin().rstrip("\n") if args.text == "-" else args.text
    result: CheckResult = (
        textrules.check_x(text, as_thread=args.thread) if args.platform == "x" else textrules.check_facebook(text)
    )
    if args.json:
        print_json(
            {
                "platform": args.platform,
                "length": result.length,
                "limit": result.limit,
                "fits": result.ok,
                "parts": result.parts,
                "problems": list(result.problems),
            }
        )
    else:
        unit = "weighted characters" if args.platform == "x" else "characters"
        verdict = "fits" if result.ok else "does not fit"
        thread = f" as a thread of {result.parts} posts" if result.parts > 1 else ""
        print(f"{result.length} / {result.limit} {unit}: {verdict}{thread}.")
        for problem in result.problems:
            print(f"  {problem}")
    return EXIT_OK if result.ok else EXIT_DOES_NOT_FIT


def _verify(args: argparse.Namespace) -> int:
    from connectors.registry import account_context, connector_for
    from core.services import accounts

    account = accounts.get_account(store_for(args), args.name)
    try:
        identity = connector_for(account_context(account)).verify()
    except ConnectorError as exc:
        print(f"communique: {account.name}: {redact(exc.message)}", file=sys.stderr)
        return EXIT_PLATFORM_REFUSED
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


def _practice_help(base: str) -> str:
    return f"""Practice mode: every command with --practice (or COMMUNIQUE_PRACTICE=1) uses a practice database
and sends every account to an emulator, with practice tokens; nothing is posted publicly.
  export COMMUNIQUE_PRACTICE_URL={base}
  communique --practice account add --platform x --name "Practice X" --language en --timezone Europe/Paris
  communique --practice post create --account "Practice X" --text "Training post" --json
  communique --practice worker
Without this server, practice commands start an emulator of their own on {practice.DEFAULT_URL}.
Accounts outside practice mode can point here too: --api-base {base}. Posts: {base}/__sandbox/posts"""


def _port(value: str) -> int:
    """An argparse type: a TCP port number, 0 to 65535 (bind() would otherwise end in a traceback)."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number: give 0 to 65535.") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number: give 0 to 65535 (0: any free port).")
    return port


def _serve(args: argparse.Namespace) -> int:
    from connectors.sandbox import Sandbox
    from connectors.sandbox.faults import FaultSpecError

    try:
        sandbox = Sandbox(
            port=args.port, faults=args.faults, seed=args.seed, refuse_duplicates=not args.allow_duplicates
        )
    except FaultSpecError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).rstrip(".").lower()
        raise UserError(
            f"Cannot listen on 127.0.0.1:{args.port} ({reason}): choose another --port, or 0 for any free port."
        ) from None
    print(f"Communiqué sandbox listening on {sandbox.base_url} (X API v2, Graph API).", flush=True)
    if not args.quiet:
        print(_practice_help(sandbox.base_url), flush=True)
    try:
        sandbox.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return EXIT_OK


def register(sub: SubParsers[argparse.ArgumentParser]) -> None:
    """Add ``post check``, ``account verify`` and ``sandbox serve`` to the command line."""
    posts = subcommands_of(sub, "post")
    if posts is not None:
        check = posts.add_parser("check", help="check a text against a platform's length rules (no network)")
        check.add_argument("--platform", required=True, choices=["x", "facebook"])
        check.add_argument("--thread", action="store_true", help="X: split an over-long text into a thread")
        check.add_argument("--json", action="store_true")
        check.add_argument("text", help="the text, or '-' to read standard input")
        check.set_defaults(handler=_check)

    accounts = subcommands_of(sub, "account")
    if accounts is not None:
        verify = accounts.add_parser("verify", help="check an account's credentials with its platform")
        verify.add_argument("name")
        verify.add_argument("--json", action="store_true")
        verify.set_defaults(handler=_verify)

    sandbox = sub.add_parser("sandbox", help="the local platform emulator (tests, practice mode)")
    commands = sandbox.add_subparsers(dest="sandbox_command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", help="answer like X and Facebook on 127.0.0.1 until interrupted")
    serve.add_argument("--port", type=_port, default=8765, help="port, 0 to 65535 (0: any free port; default 8765)")
    serve.add_argument(
        "--faults",
        default="",
        metavar="SPEC",
        help="e.g. '500:0.2,latency:0.05:1.5,drop:0.05,429:0.05' (KIND:RATE[:SECONDS]; kinds: latency, timeout, "
        "drop, drop-after, truncate, 500, 502, 503, 429, auth, policy, permission; for 503, SECONDS is the "
        "Retry-After it sends, default 10)",
    )
    serve.add_argument("--seed", type=int, help="seed the fault dice (repeatable runs)")
    serve.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="accept a second text post with the same text; by default it is refused, as X and Facebook "
        "refuse it (photo posts may always repeat their caption, as on Facebook)",
    )
    serve.add_argument("--quiet", action="store_true", help="print only the listening line")
    serve.set_defaults(handler=_serve)
