"""``communique lang ...``, ``glossary ...`` and ``translate``."""

from __future__ import annotations

import argparse
import math
import sys
import threading
from typing import TYPE_CHECKING, Any

from cli.base import EXIT_OK, nonempty, positive_id, print_json, print_table, read_text_argument, store_for
from cli.registry import Commands
from core import languages, platforms
from core.errors import UserError
from translation import glossary, index, packs
from translation.engine import DEFAULT_ENGINE, load_engine
from translation.quality import LengthFunction

if TYPE_CHECKING:
    from translation.service import TranslationResult


def _seconds(text: str) -> float:
    """An argparse type: a finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above zero, such as 5")
    return value


def _limit_from(args: argparse.Namespace) -> tuple[int | None, LengthFunction | None]:
    if args.limit is not None and args.platform is not None:
        raise UserError("Give either --limit or --platform, not both.")
    if args.limit is not None:
        if args.limit <= 0:
            raise UserError("The --limit must be a positive number of characters.")
        return args.limit, None
    if args.platform is not None:
        rule = platforms.length_rule(platforms.normalize(args.platform))  # an unknown one is refused by name
        return rule if rule is not None else (None, None)
    return None, None


def _lang_list(args: argparse.Namespace) -> int:
    found = packs.list_packs()
    if args.json:
        print_json([p.to_dict() for p in found])
        return EXIT_OK
    if not found:
        print("No language packs installed: add one with 'communique lang install FILE'.")
        return EXIT_OK
    print_table(
        ["FROM", "TO", "VERSION", "SPLITTER"],
        [
            (f"{p.from_code} ({p.from_name})", f"{p.to_code} ({p.to_name})", p.version, p.to_dict()["splitter"])
            for p in found
        ],
    )
    return EXIT_OK


def _lang_install(args: argparse.Namespace) -> int:
    pack = packs.install_pack(args.file)
    print(f"Installed {pack.from_name} -> {pack.to_name} ({pack.from_code} -> {pack.to_code}), version {pack.version}.")
    return EXIT_OK


def _lang_remove(args: argparse.Namespace) -> int:
    pack = packs.remove_pack(languages.normalize(args.from_code), languages.normalize(args.to_code))
    print(f"Removed {pack.from_name} -> {pack.to_name}.")
    return EXIT_OK


def _lang_available(args: argparse.Namespace) -> int:
    found = index.fetch_index(timeout=args.timeout)
    installed = {(p.from_code, p.to_code): p.version for p in packs.list_packs()}
    if args.json:
        print_json([p.to_dict() | {"installed": installed.get((p.from_code, p.to_code))} for p in found])
        return EXIT_OK
    print_table(
        ["FROM", "TO", "VERSION", "INSTALLED"],
        [
            (
                f"{p.from_code} ({p.from_name})",
                f"{p.to_code} ({p.to_name})",
                p.version,
                installed.get((p.from_code, p.to_code), ""),
            )
            for p in found
        ],
    )
    return EXIT_OK


def _lang_download(args: argparse.Namespace) -> int:
    source, target = languages.normalize(args.from_code), languages.normalize(args.to_code)
    cancel = threading.Event()

    def progress(done: int, total: int | None) -> None:
        shown = f"{done * 100 // total}%" if total else f"{done // 1024} KiB"
        print(f"\rDownloading {source} -> {target}: {shown}", end="", file=sys.stderr, flush=True)

    try:
        pack = index.download_pair(source, target, index_timeout=args.timeout, progress=progress, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        raise UserError("The download was interrupted; nothing was installed.") from None
    finally:
        print(file=sys.stderr)
    print(f"Installed {pack.from_name} -> {pack.to_name}, version {pack.version}.")
    return EXIT_OK


def _translate(args: argparse.Namespace) -> int:
    from translation.service import TranslationService

    text = read_text_argument(args.text, None)
    targets = [code for code in args.to.split(",") if code.strip()]
    limit, length = _limit_from(args)
    service = TranslationService(store_for(args), load_engine(args.engine))
    results = service.translate(
        text,
        args.source,
        targets,
        limit=limit,
        length=length,
        use_memory=not args.no_memory,
    )
    print_translations(results, args.json)
    return EXIT_OK


def _glossary_add(args: argparse.Namespace) -> int:
    entry = glossary.add_term(
        store_for(args),
        args.source,
        args.term,
        target_language=args.to,
        translation=args.translation,
        case_sensitive=not args.ignore_case,
        note=args.note,
    )
    if args.json:
        print_json(entry.to_dict())
    else:
        print(f"Added glossary entry {entry.id}: {entry.term!r}.")
    return EXIT_OK


def _glossary_list(args: argparse.Namespace) -> int:
    found = glossary.list_terms(store_for(args), args.source, args.to)
    if args.json:
        print_json([e.to_dict() for e in found])
        return EXIT_OK
    print_table(
        ["ID", "FROM", "TO", "TERM", "TRANSLATION"],
        [(e.id, e.source_language, e.target_language, e.term, e.translation or "(keep)") for e in found],
    )
    return EXIT_OK


def _glossary_edit(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.keep:
        changes["translation"] = None
    elif args.translation is not None:
        changes["translation"] = args.translation
    if args.case_sensitive is not None:
        changes["case_sensitive"] = args.case_sensitive
    if args.note is not None:
        changes["note"] = args.note
    store = store_for(args)
    glossary.get_term(store, args.id)  # an unknown id is the first thing to hear about
    if not changes:
        raise UserError("Nothing to change: give --translation, --keep, --case-sensitive, --ignore-case or --note.")
    entry = glossary.update_term(store, args.id, **changes)
    if args.json:
        print_json(entry.to_dict())
    else:
        shown = repr(entry.translation) if entry.translation is not None else "kept as written"
        print(f"Changed glossary entry {entry.id}: {entry.term!r} -> {shown}.")
    return EXIT_OK


def _glossary_remove(args: argparse.Namespace) -> int:
    glossary.remove_term(store_for(args), args.id)
    print(f"Removed glossary entry {args.id}.")
    return EXIT_OK


def print_translations(results: list[TranslationResult], as_json: bool) -> None:
    """Translation results for people (text, path, flags) or as JSON; shared with ``post translate``."""
    if as_json:
        print_json([r.to_dict() for r in results])
        return
    for result in results:
        variant = f"variant {result.variant_id}, " if result.variant_id is not None else ""
        print(f"[{result.target_language}] ({variant}{result.path_label})")
        print(result.text)
        for flag in result.flags:
            print(f"  ! {flag.code}: {flag.message}")


def register(commands: Commands) -> None:
    """Add ``lang``, ``glossary`` and ``translate`` to the command line."""
    lang = commands.add_command("lang", help="manage offline language packs")
    lang_commands = lang.add_subparsers(dest="lang_command", required=True, metavar="COMMAND")
    listing = lang_commands.add_parser("list", help="list installed language packs")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_lang_list)
    install = lang_commands.add_parser("install", help="install a .argosmodel file")
    install.add_argument("file")
    install.set_defaults(handler=_lang_install)
    remove = lang_commands.add_parser("remove", help="remove the pack for a pair")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    remove.set_defaults(handler=_lang_remove)
    for name, handler, text in (
        ("available", _lang_available, "list the packs of the Argos index (needs the network)"),
        ("download", _lang_download, "download and install a pack from the Argos index"),
    ):
        command = lang_commands.add_parser(name, help=text)
        if name == "download":
            command.add_argument("from_code", metavar="FROM")
            command.add_argument("to_code", metavar="TO")
        else:
            command.add_argument("--json", action="store_true")
        command.add_argument("--timeout", type=_seconds, default=index.INDEX_TIMEOUT_S, help="seconds (default 5)")
        command.set_defaults(handler=handler)

    terms = commands.add_command("glossary", help="terms kept as written or translated a fixed way")
    glossary_commands = terms.add_subparsers(dest="glossary_command", required=True, metavar="COMMAND")
    gadd = glossary_commands.add_parser("add", help="add a term")
    gadd.add_argument("--from", dest="source", required=True, type=nonempty, help="source language code")
    gadd.add_argument(
        "--to", default=glossary.ANY_LANGUAGE, type=nonempty, help="target language code (default: every one)"
    )
    gadd.add_argument("--translation", help="forced translation (default: keep the term as written)")
    gadd.add_argument("--ignore-case", action="store_true")
    gadd.add_argument("--note", default="")
    gadd.add_argument("--json", action="store_true")
    gadd.add_argument("term")
    gadd.set_defaults(handler=_glossary_add)
    glist = glossary_commands.add_parser("list", help="list terms")
    glist.add_argument("--from", dest="source", type=nonempty)
    glist.add_argument("--to", type=nonempty)
    glist.add_argument("--json", action="store_true")
    glist.set_defaults(handler=_glossary_list)
    gedit = glossary_commands.add_parser("edit", help="change a term's translation, case rule or note by id")
    gedit.add_argument("id", type=positive_id)
    forced = gedit.add_mutually_exclusive_group()
    forced.add_argument("--translation", help="new forced translation")
    forced.add_argument("--keep", action="store_true", help="keep the term as written (no forced translation)")
    case = gedit.add_mutually_exclusive_group()
    case.add_argument("--case-sensitive", dest="case_sensitive", action="store_const", const=True, default=None)
    case.add_argument("--ignore-case", dest="case_sensitive", action="store_const", const=False)
    gedit.add_argument("--note", help="new note (an empty one clears it)")
    gedit.add_argument("--json", action="store_true")
    gedit.set_defaults(handler=_glossary_edit)
    gremove = glossary_commands.add_parser("remove", help="remove a term by id")
    gremove.add_argument("id", type=positive_id)
    gremove.set_defaults(handler=_glossary_remove)

    translate = commands.add_command("translate", help="translate text offline with the installed packs")
    translate.add_argument("--from", dest="source", required=True, type=nonempty, help="source language code, e.g. vi")
    translate.add_argument(
        "--to", required=True, type=nonempty, help="target language codes, comma-separated, e.g. en,ja"
    )
    translate.add_argument("--json", action="store_true", help="one entry per target: text, path and flags")
    translate.add_argument("--limit", type=int, help="flag translations longer than this many characters")
    translate.add_argument(
        "--platform", type=nonempty, help="flag translations over this platform's limit (x, facebook)"
    )
    translate.add_argument("--no-memory", action="store_true", help="neither reuse nor remember translations")
    translate.add_argument(
        "--engine", default=DEFAULT_ENGINE, type=nonempty, help="translation engine (default: argos)"
    )
    translate.add_argument("text", help="the text, or - to read standard input")
    translate.set_defaults(handler=_translate)
