"""A tiny HTTP server on 127.0.0.1 for the network examples: no internet needed.

Routes:
    /delay/<ms>    sleeps <ms> milliseconds, then answers 200 with a short body
    /status/<code> answers with that status code (e.g. /status/404)
    /bytes/<n>     answers 200 with <n> bytes

Use it from another program:

    from local_server import start_server
    base = start_server()          # e.g. "http://127.0.0.1:41237"
    urllib.request.urlopen(base + "/delay/500", timeout=5)

Run it alone with `python3 local_server.py`: it prints its address and serves until Ctrl-C.
"""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        try:
            route, arg = parts[0], int(parts[1])
        except (IndexError, ValueError):
            route, arg = "", 0
        if route == "delay":
            time.sleep(arg / 1000)
            self.answer(200, b"slept %d ms\n" % arg)
        elif route == "status":
            self.answer(arg, b"status %d\n" % arg)
        elif route == "bytes":
            self.answer(200, b"x" * arg)
        else:
            self.answer(404, b"no such route\n")

    def answer(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the examples' output clean
        pass


def start_server() -> str:
    """Start the server on a free port in a daemon thread; return its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


if __name__ == "__main__":
    print("serving on", start_server(), "(Ctrl-C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
