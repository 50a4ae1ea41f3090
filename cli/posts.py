"""``communique post ...``: create, list, show, schedule, edit, cancel, check, translate, review."""

from __future__ import annotations

import argparse
from datetime import datetime

from cli.base import (
    EXIT_OK,
    next_step,
    nonempty,
    positive_id,
    print_json,
    print_table,
    read_stdin,
    read_text_argument,
    store_for,
)
from cli.registry import Commands
from cli.translation import print_translations
from connectors import services as connector_services
from core import platforms, queries, timeutil
from core.domain import Post, ReviewState
from core.errors import UserError
from core.services import posts
from translation.engine import DEFAULT_ENGINE, load_engine

EXIT_DOES_NOT_FIT = 1


def _local(args: argparse.Namespace) -> tuple[datetime | None, timeutil.FoldChoice | None]:
    at = timeutil.parse_local(args.at) if args.at is not None else None
    fold = timeutil.FoldChoice(args.fold) if args.fold else None
    return at, fold


def _print_post(post: Post) -> None:
    # The approval state only where approval has begun: "draft" beside a published post misleads.
    review = "" if post.review_state is ReviewState.DRAFT else f", {post.review_state.value.replace('_', ' ')}"
    print(f"Post {post.id} by {post.author} ({post.source_language}{review})")
    print(f"  {post.text}")
    for item in post.media:
        print(f"  media: {item.path} ({item.mime_type}, {item.size_bytes} bytes) {item.alt_text}")
    print_table(
        ["VARIANT", "ACCOUNT", "LANG", "STATUS", "LOCAL TIME", "ZONE", "UTC", "REMOTE"],
        [
            (
                v.id,
                v.account_name,
                v.language,
                v.status.value,
                v.schedule_local,
                v.schedule_zone,
                v.scheduled_at.isoformat() if v.scheduled_at else None,
                v.remote_url or v.remote_id,
            )
            for v in post.variants
        ],
    )
    for v in post.variants:
        if v.last_error:
            print(f"  variant {v.id}: {v.last_error_class}: {v.last_error}{next_step(v.id, v.last_error_class)}")


def _create(args: argparse.Namespace) -> int:
    text = read_text_argument(args.text, args.text_file)
    at, fold = _local(args)
    media_files = [
        (path, alt) for path, alt in zip(args.media or [], _pad(args.alt, len(args.media or [])), strict=True)
    ]
    post = posts.create_post(
        store_for(args),
        text=text,
        accounts=args.account,
        source_language=args.language,
        at=at,
        fold=fold,
        media_files=media_files,
    )
    if args.json:
        print_json(post.to_dict())
    else:
        _print_post(post)
    return EXIT_OK


def _pad(values: list[str] | None, length: int) -> list[str]:
    given = list(values or [])
    if len(given) > length:
        raise UserError("There are more --alt texts than --media files.")
    return given + [""] * (length - len(given))


def _list(args: argparse.Namespace) -> int:
    found = queries.list_posts(store_for(args), status=args.status)
    if args.json:
        print_json([p.to_dict() for p in found])
        return EXIT_OK
    if not found:
        print("No posts." if args.status is None else f"No posts with a {args.status} variant.")
        return EXIT_OK
    print_table(
        ["ID", "LANG", "TEXT", "VARIANTS"],
        [
            (
                p.id,
                p.source_language,
                (p.text[:47] + "...") if len(p.text) > 50 else p.text,
                ", ".join(f"{v.account_name}: {v.status.value}" for v in p.variants),
            )
            for p in found
        ],
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    post = queries.get_post(store_for(args), args.id)
    if args.json:
        print_json(post.to_dict())
    else:
        _print_post(post)
    return EXIT_OK


def _schedule(args: argparse.Namespace) -> int:
    at, fold = _local(args)
    assert at is not None  # --at is required by the parser
    post = posts.schedule_post(store_for(args), args.id, at, fold=fold, accounts=args.account)
    if args.json:
        print_json(post.to_dict())
    else:
        _print_post(post)
    return EXIT_OK


def _edit(args: argparse.Namespace) -> int:
    text = read_text_argument(args.text, args.text_file) if (args.text or args.text_file) else None
    if text is None and not args.language:
        raise UserError("Nothing to change: give --text, --text-file or --language.")
    before = queries.get_post(store_for(args), args.id)
    post = posts.edit_draft(store_for(args), args.id, text=text, source_language=args.language)
    if args.json:
        print_json(post.to_dict())
        return EXIT_OK
    print(f"Edited post {post.id}.")
    was = {v.id: v for v in before.variants}
    for variant in post.variants:
        old = was.get(variant.id)
        if old is not None and old.status is not variant.status:
            print(
                f"  {variant.account_name}: back to {variant.status.value}; its {variant.language} text must be "
                "translated or reviewed again before it is scheduled."
            )
    return EXIT_OK


def _cancel(args: argparse.Namespace) -> int:
    post = posts.cancel_post(store_for(args), args.id)
    cancelled = sum(1 for v in post.variants if v.status.value == "cancelled")
    print(f"Cancelled post {post.id}: {cancelled} variant(s) will not be published.")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    # A text piped in ends with the shell's newline, which is not part of the post.
    text = read_stdin().rstrip("\n") if args.text == "-" else args.text
    result = connector_services.check_text(args.platform, text, as_thread=args.thread)
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
        unit = platforms.spec(args.platform).length_unit
        verdict = "fits" if result.ok else "does not fit"
        thread = f" as a thread of {result.parts} posts" if result.parts > 1 else ""
        print(f"{result.length} / {result.limit} {unit}: {verdict}{thread}.")
        for problem in result.problems:
            print(f"  {problem}")
    return EXIT_OK if result.ok else EXIT_DOES_NOT_FIT


def _translate(args: argparse.Namespace) -> int:
    from translation import review

    results = review.translate_post(store_for(args), args.post_id, engine=load_engine(args.engine), force=args.force)
    if not results and not args.json:
        print(f"Post {args.post_id} has no variant to translate (already translated, or written by a person).")
        return EXIT_OK
    print_translations(results, args.json)
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from translation import review

    text = read_text_argument(args.text, args.text_file)
    # A person's one-off command: their text replaces whatever the variant holds now.
    variant = review.correct_variant(
        store_for(args),
        args.variant_id,
        text,
        expected_version=args.expected_version,
        reviewed=not args.not_reviewed,
    )
    state = "reviewed" if variant.reviewed else "not yet reviewed"
    print(f"Variant {variant.id} ({variant.language}) now holds your text, {state}.")
    return EXIT_OK


def _add_time_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--at",
        type=nonempty,
        required=required,
        metavar="LOCAL_DATETIME",
        help="'YYYY-MM-DD HH:MM', read in each target account's own time zone",
    )
    parser.add_argument(
        "--fold",
        choices=[c.value for c in timeutil.FoldChoice],
        help="which one to take when the local time happens twice (the clocks go back)",
    )


def register(commands: Commands) -> None:
    """Add ``post`` to the command line."""
    post = commands.add_command("post", help="draft, schedule and follow posts")
    subcommands = post.add_subparsers(dest="post_command", required=True, metavar="COMMAND")

    create = subcommands.add_parser("create", help="draft a post for one or more accounts")
    create.add_argument("--account", action="append", type=nonempty, required=True, help="target account (repeatable)")
    source = create.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the text ('-' reads standard input)")
    source.add_argument("--text-file", help="read the text from a UTF-8 file ('-' for standard input)")
    create.add_argument("--language", type=nonempty, help="language of the text (default: the first account's)")
    create.add_argument("--media", action="append", type=nonempty, help="attach an image or video (repeatable)")
    create.add_argument("--alt", action="append", help="alt text for the --media in the same position")
    _add_time_options(create, required=False)
    create.add_argument("--json", action="store_true", help="print the post, its id and each variant's UTC time")
    create.set_defaults(handler=_create)

    listing = subcommands.add_parser("list", help="list posts, newest first")
    listing.add_argument("--status", type=nonempty, help="only posts with a variant in this status")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = subcommands.add_parser("show", help="show one post and its variants")
    show.add_argument("id", type=positive_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    schedule = subcommands.add_parser("schedule", help="(re)schedule a post's open variants")
    schedule.add_argument("id", type=positive_id)
    schedule.add_argument("--account", action="append", type=nonempty, help="only this account's variant (repeatable)")
    _add_time_options(schedule, required=True)
    schedule.add_argument("--json", action="store_true")
    schedule.set_defaults(handler=_schedule)

    edit = subcommands.add_parser("edit", help="change a post's text or language before it is published")
    edit.add_argument("id", type=positive_id)
    new_text = edit.add_mutually_exclusive_group()
    new_text.add_argument("--text", help="the new text ('-' reads standard input)")
    new_text.add_argument("--text-file", help="read the new text from a UTF-8 file ('-' for standard input)")
    edit.add_argument("--language", type=nonempty, help="the language the text is written in")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=_edit)

    cancel = subcommands.add_parser("cancel", help="cancel everything of a post not yet published")
    cancel.add_argument("id", type=positive_id)
    cancel.set_defaults(handler=_cancel)

    translate = subcommands.add_parser("translate", help="fill a post's variants with machine translations")
    translate.add_argument("post_id", metavar="POST_ID", type=positive_id)
    translate.add_argument("--force", action="store_true", help="also redo earlier machine translations")
    translate.add_argument(
        "--engine", default=DEFAULT_ENGINE, type=nonempty, help="translation engine (default: argos)"
    )
    translate.add_argument("--json", action="store_true", help="one entry per variant: text, path and flags")
    translate.set_defaults(handler=_translate)

    review = subcommands.add_parser("review", help="replace a variant's text with yours; it is remembered")
    review.add_argument("variant_id", metavar="VARIANT_ID", type=positive_id)
    given = review.add_mutually_exclusive_group(required=True)
    given.add_argument("--text", help="the text (- reads standard input)")
    given.add_argument("--text-file", help="a UTF-8 file holding the text")
    review.add_argument("--not-reviewed", action="store_true", help="store it, but leave it to be reviewed")
    review.add_argument(
        "--version",
        dest="expected_version",
        type=positive_id,
        help="the variant's version your text was written against ('post show --json'): refused, with the text "
        "there now, if someone changed it since (default: replace whatever is there)",
    )
    review.set_defaults(handler=_review)

    check = subcommands.add_parser("check", help="check a text against a platform's length rules (no network)")
    check.add_argument("--platform", required=True, type=nonempty, help="x, facebook, or a plugin platform")
    check.add_argument("--thread", action="store_true", help="X: split an over-long text into a thread")
    check.add_argument("--json", action="store_true")
    check.add_argument("text", help="the text, or '-' to read standard input")
    check.set_defaults(handler=_check)
