"""``python -m bot ask "question or claim" [--json] [--k N] [--mode extractive|llm]``."""

from __future__ import annotations

import argparse
import json
import sys

from index.errors import VerifError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ask_parser = commands.add_parser("ask", help="answer a question or check a claim")
    ask_parser.add_argument("question")
    ask_parser.add_argument("--json", action="store_true", help="print Answer.to_dict() as JSON")
    ask_parser.add_argument("--k", type=int, default=5, help="passages to retrieve")
    ask_parser.add_argument("--mode", choices=["extractive", "llm"], default="extractive")
    args = parser.parse_args(argv)

    from bot import ask

    try:
        answer = ask(args.question, k=args.k, mode=args.mode)
    except (ValueError, VerifError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
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
    print(f"\n{details}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
