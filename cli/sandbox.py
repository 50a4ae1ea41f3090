"""``communique sandbox serve``: the local platform emulator, for tests and practice mode."""

from __future__ import annotations

import argparse

from cli.base import EXIT_OK
from cli.registry import Commands
from core import practice
from core.errors import UserError


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


def register(commands: Commands) -> None:
    """Add ``sandbox serve`` to the command line."""
    sandbox = commands.add_command("sandbox", help="the local platform emulator (tests, practice mode)")
    subcommands = sandbox.add_subparsers(dest="sandbox_command", required=True, metavar="COMMAND")
    serve = subcommands.add_parser("serve", help="answer like X and Facebook on 127.0.0.1 until interrupted")
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
