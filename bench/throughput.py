"""The running app under 1, 4 and 16 concurrent clients (gradio_client on 127.0.0.1).

    python bench/throughput.py [--requests 48] [--clients 1,4,16]

Starts ``python app.py`` on a free port in a subprocess, as users run it, and reports
requests/s, latency percentiles, errors and the server's peak resident memory.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psutil
from common import ROOT, gold_questions, summary_ms, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, limit: float = 120) -> None:
    import urllib.request

    deadline = time.time() + limit
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the app exited before answering")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {limit} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=48, help="requests per level")
    parser.add_argument("--clients", default="1,4,16")
    args = parser.parse_args()
    from gradio_client import Client

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    peak = {"rss": 0.0}
    stop = threading.Event()

    def watch() -> None:
        process = psutil.Process(server.pid)
        while not stop.is_set():
            try:
                peak["rss"] = max(peak["rss"], process.memory_info().rss / 2**20)
            except psutil.Error:
                return
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()
    levels = []
    try:
        wait_for(url, server)
        questions = gold_questions()
        for clients in [int(c) for c in args.clients.split(",")]:
            pool_clients = [Client(url, verbose=False) for _ in range(clients)]
            times: list[float] = []
            errors = 0

            def one(i: int, pool_clients=pool_clients, times=times) -> None:
                nonlocal errors
                client = pool_clients[i % len(pool_clients)]
                started = time.perf_counter()
                try:
                    client.predict(questions[i % len(questions)], 5, "extractive", False,
                                   api_name="/chat")  # fmt: skip
                    times.append(time.perf_counter() - started)
                except Exception:  # counted, not raised: the figure is the error count
                    errors += 1

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=clients) as pool:
                list(pool.map(one, range(args.requests)))
            elapsed = time.perf_counter() - started
            level = {
                "clients": clients,
                "requests": args.requests,
                "requests_per_s": round(args.requests / elapsed, 1),
                "latency": summary_ms(times),
                "errors": errors,
            }
            print(level, flush=True)
            levels.append(level)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    write("throughput", {"levels": levels, "server_peak_rss_mb": round(peak["rss"], 1)})
    print(f"server peak RSS {peak['rss']:.0f} MB")


if __name__ == "__main__":
    main()
