"""One thread per URL against a local HTTP server, with a timeout and per-URL errors.

Run:  python3 fetch_threads.py      (about 1 s; no internet needed)

local_server.py (same directory) serves /delay/<ms>, /status/<code> and /bytes/<n> on
127.0.0.1. Five URLs are fetched, each on its own thread, each with a 1 s timeout. Every URL
gets either its size in bytes or an error, never both: a 404 is an error, and so is the
/delay/3000 that outlives its timeout. What you see (every version):
  http://127.0.0.1:PORT/delay/500    ok    13 bytes
  http://127.0.0.1:PORT/delay/800    ok    13 bytes
  http://127.0.0.1:PORT/bytes/2048   ok    2048 bytes
  http://127.0.0.1:PORT/status/404   error HTTP 404
  http://127.0.0.1:PORT/delay/3000   error timed out
  5 URLs in 1.0 s (one after another: at least 2.3 s)
"""
import threading
import time
import urllib.error
import urllib.request

from local_server import start_server

TIMEOUT = 1.0


# ANCHOR: fetch
def fetch(url: str, results: dict) -> None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            results[url] = ("ok", len(response.read()))
    except urllib.error.HTTPError as err:            # the server answered 4xx or 5xx
        results[url] = ("error", f"HTTP {err.code}")
    except (urllib.error.URLError, OSError) as err:  # refused, timed out, ...
        results[url] = ("error", str(getattr(err, "reason", err)))
# ANCHOR_END: fetch


if __name__ == "__main__":
    base = start_server()
    urls = [base + path for path in
            ("/delay/500", "/delay/800", "/bytes/2048", "/status/404", "/delay/3000")]
    # ANCHOR: threads
    results = {}
    threads = [threading.Thread(target=fetch, args=(url, results)) for url in urls]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    for url in urls:                                  # report in the order asked
        status, detail = results[url]
        print(f"{url:<34} {status:<5} {detail}{' bytes' if status == 'ok' else ''}")
    # ANCHOR_END: threads
    print(f"{len(urls)} URLs in {elapsed:.1f} s (one after another: at least 2.3 s)")
