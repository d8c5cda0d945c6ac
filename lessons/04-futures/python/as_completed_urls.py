"""submit() one future per URL, then collect them with as_completed(); one URL fails.

Run:  python3 as_completed_urls.py      (under a second; no internet needed)

local_server.py (same directory) serves /delay/<ms>, /status/<code> and /bytes/<n> on
127.0.0.1. fetch() returns the body's size or raises: it never returns an error message in
place of a size. future.result() re-raises the worker's exception in the collecting thread,
so each URL is reported as a size or as an error. as_completed yields futures as they finish,
fastest first, so the order below is by finishing time, not by submission.
What you see (every version):
  http://127.0.0.1:PORT/bytes/1000    1000 bytes
  http://127.0.0.1:PORT/status/500    error: HTTP Error 500: Internal Server Error
  http://127.0.0.1:PORT/delay/200     13 bytes
  http://127.0.0.1:PORT/delay/400     13 bytes
  4 URLs: 3 ok, 1 failed, in 0.4 s
(the two instant ones may swap places).
"""
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed

from local_server import start_server


def fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=2.0) as response:   # raises on 4xx/5xx
        return len(response.read())


if __name__ == "__main__":
    base = start_server()
    urls = [base + p for p in ("/delay/400", "/delay/200", "/status/500", "/bytes/1000")]
    start = time.monotonic()
    # ANCHOR: as_completed
    ok = failed = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        future_to_url = {pool.submit(fetch, url): url for url in urls}
        for future in as_completed(future_to_url):
            url = future_to_url[future]
            try:
                size = future.result()          # re-raises fetch's exception here
            except Exception as err:
                failed += 1
                print(f"{url:<35} error: {err}")
            else:
                ok += 1
                print(f"{url:<35} {size} bytes")
    # ANCHOR_END: as_completed
    print(f"{len(urls)} URLs: {ok} ok, {failed} failed, in {time.monotonic() - start:.1f} s")
