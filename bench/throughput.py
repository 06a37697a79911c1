"""The running app under 1, 4 and 16 concurrent clients (gradio_client on 127.0.0.1).

    python -m bench.throughput [--requests 48] [--clients 1,4,16] [--concurrency 4]

Starts ``python app.py --port N`` in a subprocess, as users run it, and sends the gold
questions through its ``/chat`` endpoint. Each client is a thread with its own
``gradio_client.Client``, sending its share of the requests one after the other. Reports
requests/s, latency percentiles (as a client sees them, queueing included), errors (an
exception, an empty answer or an error message where an answer was expected) and the
server's peak resident memory.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import psutil

from bench.common import ROOT, gold_questions, summary_ms, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, limit: float = 180) -> float:
    """Seconds until the app answers HTTP (it builds the index first if it must)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with code {server.returncode} before answering")
        try:
            urllib.request.urlopen(url, timeout=2)
            return time.perf_counter() - started
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer in {limit} s")


class PeakMemory:
    """Samples the server's RSS every 100 ms in a thread; ``peak`` is the largest seen."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self.process.memory_info().rss / 2**20)
            except psutil.Error:
                return
            time.sleep(0.1)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return round(self.peak, 1)


def level(url: str, clients: int, requests: int, questions: list[str]) -> dict:
    """``requests`` questions spread over ``clients`` concurrent clients."""
    from gradio_client import Client

    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    sessions = [Client(url, verbose=False) for _ in range(clients)]

    def worker(w: int) -> None:
        for i in range(w, requests, clients):
            started = time.perf_counter()
            try:
                reply = sessions[w].predict(
                    questions[i % len(questions)], 5, "extractive", api_name="/ask"
                )
                text = reply.get("text", "") if isinstance(reply, dict) else ""
                problem = "empty answer" if not text.strip() else None
            except Exception as err:  # counted, not raised: the figure is the error count
                problem = f"{type(err).__name__}: {err}"
            with lock:
                if problem:
                    failures.append(problem)
                else:
                    times.append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": requests,
        "requests_per_s": round(requests / elapsed, 2),
        "latency": summary_ms(times),
        "errors": len(failures),
        "error_samples": sorted(set(failures))[:3],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=48, help="requests per level")
    parser.add_argument("--clients", default="1,4,16")
    parser.add_argument("--concurrency", type=int, default=4, help="the app's --concurrency")
    args = parser.parse_args(argv)

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--concurrency", str(args.concurrency)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    memory = PeakMemory(server.pid)
    levels = []
    try:
        startup = wait_for(url, server)
        print(f"app up in {startup:.1f} s on {url}")
        questions, source = gold_questions()
        level(url, 1, 3, questions)  # warm: first answers load the model and the engine
        for clients in (int(c) for c in args.clients.split(",")):
            result = level(url, clients, args.requests, questions)
            latency = result["latency"]
            print(
                f"{clients:3} clients: {result['requests_per_s']:6.2f} req/s, "
                f"p50 {latency['p50_ms']:7.1f} ms, p95 {latency['p95_ms']:7.1f} ms, "
                f"errors {result['errors']}",
                flush=True,
            )
            levels.append(result)
    finally:
        peak = memory.stop()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"server peak RSS {peak:.0f} MB")
    write(
        "throughput",
        {
            "app_concurrency": args.concurrency,
            "question_source": source,
            "app_startup_s": round(startup, 1),
            "levels": levels,
            "server_peak_rss_mb": peak,
        },
    )


if __name__ == "__main__":
    main()
