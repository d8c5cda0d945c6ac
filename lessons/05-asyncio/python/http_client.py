"""HTTP GETs with asyncio streams (no aiohttp): all URLs at once, each with a timeout.

Run:  python3 http_client.py      (about 1 s; no internet needed)

local_server.py (same directory) serves /delay/<ms>, /status/<code> and /bytes/<n> on
127.0.0.1 from a thread. fetch() opens a TCP connection with asyncio.open_connection,
sends a minimal HTTP/1.0 request and reads the answer to the end. It returns the body's
size, or raises: for a status other than 200, and (through asyncio.wait_for) when a URL takes
longer than 1 s. gather(..., return_exceptions=True) returns a size or an exception for each
URL, in URL order, and the program reports each exception as an error for its URL.
What you see (3.8+; the total is the slowest URL or the timeout, not the sum):
  http://127.0.0.1:PORT/delay/500    ok     13 bytes
  http://127.0.0.1:PORT/delay/800    ok     13 bytes
  http://127.0.0.1:PORT/bytes/4096   ok     4096 bytes
  http://127.0.0.1:PORT/status/503   error  HTTP 503
  http://127.0.0.1:PORT/delay/3000   error  timed out after 1.0 s
  5 URLs in 1.0 s (one after another: at least 2.3 s)
"""
import asyncio
import time
from urllib.parse import urlsplit

from local_server import start_server

TIMEOUT = 1.0


# ANCHOR: fetch
async def get(url: str) -> int:
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()               # HTTP/1.0: the server closes at the end
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split()[1])                    # b"HTTP/1.0 200 OK" -> 200
    if status != 200:
        raise RuntimeError(f"HTTP {status}")
    return len(body)


async def fetch(url: str) -> int:
    try:
        return await asyncio.wait_for(get(url), timeout=TIMEOUT)
    except asyncio.TimeoutError:
        raise RuntimeError(f"timed out after {TIMEOUT} s") from None
# ANCHOR_END: fetch


# ANCHOR: gather
async def fetch_all(urls: list) -> list:
    return await asyncio.gather(*(fetch(url) for url in urls), return_exceptions=True)
# ANCHOR_END: gather


if __name__ == "__main__":
    base = start_server()
    urls = [base + path for path in
            ("/delay/500", "/delay/800", "/bytes/4096", "/status/503", "/delay/3000")]
    start = time.monotonic()
    results = asyncio.run(fetch_all(urls))
    for url, result in zip(urls, results):
        if isinstance(result, BaseException):
            print(f"{url:<34} error  {result}")
        else:
            print(f"{url:<34} ok     {result} bytes")
    print(f"{len(urls)} URLs in {time.monotonic() - start:.1f} s "
          "(one after another: at least 2.3 s)")
