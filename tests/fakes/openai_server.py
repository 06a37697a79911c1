"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol.

Its reply is a function of the request's messages, so a test can play an obedient model, a
hallucinating one, or one that follows instructions planted in an article. ``delay`` makes it
slower than a client's timeout; ``closed_url()`` is a port nothing listens on (a server down).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = Callable[[list[dict]], str]


class FakeOpenAI:
    """``with FakeOpenAI(reply) as server:`` then point a client at ``server.url``."""

    def __init__(self, reply: Reply, delay: float = 0.0) -> None:
        self.reply = reply
        self.delay = delay
        self.requests: list[dict] = []  # request bodies, in order
        self.headers: list[dict] = []  # their headers, lower-cased names
        self.errors: list[Exception] = []  # raised by ``reply``
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                time.sleep(fake.delay)
                try:
                    content = fake.reply(body["messages"])
                except Exception as err:  # a failing test reply: say so, as a server would
                    fake.errors.append(err)
                    self._send(500, {"error": {"message": f"reply failed: {err!r}"}})
                    return
                self._send(200, completion(content, body.get("model")))

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def completion(content: str, model: str | None) -> dict:
    """A non-streaming chat-completions response, as the OpenAI API shapes it."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model or "fake",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def closed_url() -> str:
    """The base URL of a port on 127.0.0.1 that was free a moment ago and is now closed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def sent_text(request: dict) -> str:
    """Everything a request showed the model: all its messages, joined."""
    return "\n".join(str(m.get("content")) for m in request["messages"])


def passages_of(messages: list[dict]) -> str:
    """The fenced passages of the last user message, for replies that echo them."""
    text = str(messages[-1].get("content"))
    return text[text.find("<passage") : text.rfind("</passage>") + len("</passage>")]
