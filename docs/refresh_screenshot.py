"""Refresh the README's picture: ``python docs/refresh_screenshot.py [--out FILE]``.

The tests never write into the checkout; this script is the one thing that rewrites
``docs/screenshot.png``, on purpose. It indexes the bundled corpus in a temporary folder,
launches the app on a free local port, asks an English question answered from a French
article in Debian's Chromium, and saves the window.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Why did Amazon stop hosting Parler?"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="verif-screenshot-"))
    os.environ.update(
        VERIF_CORPUS_DIR=str(ROOT / "data" / "articles"),
        VERIF_USER_DIR=str(scratch / "user_articles"),
        VERIF_INDEX_DIR=str(scratch / "index"),
        GRADIO_TEMP_DIR=str(scratch / "upload_cache"),
    )
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    import app as app_module
    from index.corpus import ensure_index

    ensure_index(progress=False)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    demo = app_module.build_demo()
    demo.queue()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                quiet=True, i18n=app_module.I18N, css=app_module.CSS)  # fmt: skip
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=args.chromium, args=["--no-sandbox"], headless=True
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-US")
            page.goto(f"http://127.0.0.1:{port}/")
            box = page.locator("#question textarea")
            box.fill(QUESTION)
            box.press("Enter")
            page.locator("#chat .source mark").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)  # the sources block finishes opening
            page.screenshot(path=str(args.out))
            browser.close()
    finally:
        demo.close()
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
