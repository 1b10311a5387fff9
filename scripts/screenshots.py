"""Screenshots of every workbench page, taken with the headless Chromium the browser tests use.

    .venv/bin/python scripts/screenshots.py --db out/demo.db --out docs

Needs Playwright (dev extra) and Debian's /usr/bin/chromium (never `playwright install`).
Starts the workbench on a free local port in this process, visits each page, writes PNGs.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newsevents.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[uvicorn.Server, str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = start_server(args.db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            page.goto(f"{base}/api/events?limit=1&sort=-sources")
            event_id = page.evaluate("JSON.parse(document.body.innerText).events[0].id")
            page.goto(f"{base}/api/articles")
            article_id = page.evaluate(
                "JSON.parse(document.body.innerText).articles"
                ".sort((a, b) => b.events - a.events)[0].id"
            )
            shots = {
                "overview": "/",
                "events": "/events?type=ASSAULT",
                "event": f"/events/{event_id}",
                "article": f"/articles/{article_id}",
                "articles": "/articles",
                "dyads": "/dyads",
                "map": "/map",
                "stories": "/stories",
                "compare": "/compare",
            }
            for name, path in shots.items():
                page.goto(base + path)
                target = args.out / f"workbench-{name}.png"
                page.screenshot(path=str(target), full_page=False)
                print(f"{target}  <- {path}")
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
