"""The ``python -m bot`` (installed: ``verif``) command line: ask, and turn feedback into drafts.

Paragraphs are shown to people counted from 1 ("paragraph 3"); ``--json`` keeps the Python
API's ``Citation.paragraph``, an index into the article's paragraphs counted from 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from index.errors import VerifError

DESCRIPTION = (
    "Vérif: answer a question or check a claim about the articles of the corpus, citing the "
    "exact sentences used, or turn thumbs-down feedback from the app into draft gold items."
)
EXAMPLES = """examples:
  %(prog)s ask "Pourquoi Amazon a-t-il arrêté d'héberger Parler ?"
  %(prog)s ask "Twitter's stock rose 6%% on Monday" --json
  %(prog)s feedback --out drafts.jsonl
"""


def build_parser(prog: str) -> argparse.ArgumentParser:
    from bot.engine import DEFAULT_K, MAX_K
    from bot.feedback import default_drafts, default_feedback

    parser = argparse.ArgumentParser(
        prog=prog,
        description=textwrap.fill(DESCRIPTION, 79),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask_parser = commands.add_parser(
        "ask",
        help="answer a question or check a claim, with cited sentences",
        description="Answer a question or check a claim (French or English) from the corpus. "
        "Paragraph numbers in the text output count from 1; in --json they count from 0.",
    )
    ask_parser.add_argument("question", help="the question or claim, in quotes")
    ask_parser.add_argument(
        "--json",
        action="store_true",
        help="print the whole answer (Answer.to_dict()) as JSON instead of text",
    )
    ask_parser.add_argument(
        "--k",
        type=int,
        default=DEFAULT_K,
        metavar="N",
        help=f"passages to retrieve, 1 to {MAX_K} (default: %(default)s)",
    )
    ask_parser.add_argument(
        "--mode",
        choices=["extractive", "llm"],
        default="extractive",
        help="extractive: sentences of the sources; llm: a configured language model rewrites "
        "them, checked sentence by sentence (needs VERIF_LLM_BASE_URL or VERIF_LLM_PATH; "
        "default: %(default)s)",
    )

    feedback_parser = commands.add_parser(
        "feedback",
        help="turn thumbs-down answers from the app into draft gold items to review",
        description="Read the app's feedback (JSON Lines of thumbs up and down) and append one "
        "draft gold item per new thumbs-down question: language and kind guessed, answers, "
        "evidence and verdict left empty for a person to fill in, tagged 'draft'. Questions "
        "already drafted or already in a gold file are skipped, so it can be run again.",
    )
    feedback_parser.add_argument(
        "--file",
        type=Path,
        default=default_feedback(),
        metavar="F",
        help="the app's feedback file (default: %(default)s; VERIF_FEEDBACK_DIR moves it)",
    )
    feedback_parser.add_argument(
        "--out",
        type=Path,
        default=default_drafts(),
        metavar="F",
        help="JSON Lines file the drafts are appended to (default: %(default)s)",
    )
    feedback_parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        metavar="F",
        help="a gold file whose questions need no draft; repeat for several "
        "(default: every .jsonl file in data/gold)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    prog = "verif" if Path(sys.argv[0]).stem == "verif" else "python -m bot"
    args = build_parser(prog).parse_args(argv)
    if args.command == "feedback":
        return run_feedback(args)
    return run_ask(args)


def run_ask(args: argparse.Namespace) -> int:
    from bot import ask

    try:
        answer = ask(args.question, k=args.k, mode=args.mode)
    except (ValueError, VerifError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # Why an LLM answer was not used (no model configured, timeout, failed check) goes to
    # stderr, so that --json output stays parseable and the reader still sees it.
    for note in answer.messages:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print()
        for c in answer.citations:
            where = f"{c.title} — paragraph {c.paragraph + 1}, characters {c.start}–{c.end}"
            print(f"[{c.n}] {where} ({c.language})")
    details = f"language: {answer.language} · confidence: {answer.confidence:.2f}"
    if answer.verdict:
        details += f" · verdict: {answer.verdict}"
    details += f" · mode: {answer.mode}"
    print(f"\n{details}")
    return 0


def run_feedback(args: argparse.Namespace) -> int:
    from bot.feedback import default_gold_files, draft_from_feedback

    if not args.file.is_file():
        print(
            f"error: no feedback in {args.file} yet; the app writes it when someone clicks a "
            "thumb (VERIF_FEEDBACK_DIR moves it, --file reads another file).",
            file=sys.stderr,
        )
        return 1
    try:
        summary = draft_from_feedback(args.file, args.out, args.gold or default_gold_files())
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(summary.describe(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
