"""
A web site the tests serve themselves on 127.0.0.1: pages and feeds written
for the tests (tests/pages/), redirects, over-size and binary answers, and a
page that holds its answer until the test lets it go. Nothing is fetched
from anywhere else.
"""

import gzip
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "pages"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    hold: threading.Event | None = None  # wait for it before answering


class LocalSite:
    def __init__(self):
        self.routes: dict[str, Answer] = {}
        self.requests: list[tuple[str, dict]] = []
        self.arrived = threading.Event()  # set when a held request has arrived
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                path = self.path.split("?")[0]
                answer = site.routes.get(self.path) or site.routes.get(path) or Answer(404, b"not here", "text/plain")
                if answer.hold is not None:
                    site.arrived.set()
                    answer.hold.wait(30)
                etag = answer.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(answer.status)
                if answer.content_type:
                    self.send_header("Content-Type", answer.content_type)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in answer.headers:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def page(self, route: str, name: str, **replacements) -> str:
        """Serve tests/pages/<name> at `route`, {{ key }} replaced (e.g. {{ site }})."""
        text = (PAGES / name).read_text(encoding="utf-8")
        for key, value in {"site": f"http://{self.host}", **replacements}.items():
            text = text.replace("{{ " + key + " }}", str(value))
        content_type = "application/rss+xml" if name.endswith(".xml") else "text/html; charset=utf-8"
        self.routes[route] = Answer(body=text.encode("utf-8"), content_type=content_type)
        return self.url(route)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Answer(status, b"", "text/plain", {"Location": location})
        return self.url(path)

    def gzipped(self, path: str, body: bytes, content_type: str = "text/html") -> str:
        self.routes[path] = Answer(
            body=gzip.compress(body), content_type=content_type, headers={"Content-Encoding": "gzip"}
        )
        return self.url(path)
