//! What each path of the embedded server means. Parsing is separate from answering, so the
//! rules (and their limits) can be tested without a socket.

use std::time::Duration;

/// The longest `/delay/{ms}` the server accepts: ten minutes.
pub const MAX_DELAY: Duration = Duration::from_secs(600);
/// The largest `/bytes/{n}` body the server sends: 64 MiB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most requests one `/barrier/{n}` can gather.
pub const MAX_BARRIER: usize = 10_000;
/// The most chunks a `/drip/{n}` body is cut into.
pub const MAX_CHUNKS: usize = 1_000;

/// One of the server's endpoints, parsed from a request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: a plain-text list of the routes.
    Index,
    /// `/delay/{ms}`: answers after waiting `ms` milliseconds, like a slow API. With
    /// `?bytes=n` the body is `n` bytes, like a slow download.
    Delay {
        /// How long to wait before answering.
        wait: Duration,
        /// The body's size, if one was asked for.
        bytes: Option<usize>,
    },
    /// `/bytes/{n}`: a body of exactly `n` bytes, like a file download.
    Bytes(usize),
    /// `/drip/{n}?chunks=k&every=ms&length=no`: the headers at once, then a body of `n` bytes
    /// in `k` chunks (default 4), each after a pause of `ms` (default 100), like a slow
    /// download. With `length=no` there is no `Content-Length` header (chunked encoding), so
    /// only reading the body tells its size.
    Drip(Drip),
    /// `/status/{code}`: an empty answer with that status, like a failing server.
    Status(u16),
    /// `/never`: never answers; only a client-side timeout ends the wait.
    Never,
    /// `/barrier/{n}`: answers once `n` requests wait here at the same time (504 if they do not
    /// meet within the server's barrier timeout). Sequential clients can never pass it.
    Barrier(usize),
    /// A path that exists but with an argument out of range; the text says why.
    BadRequest(String),
    /// Any other path.
    NotFound,
}

impl Route {
    /// Parses a request's path and query (`/delay/300?bytes=5000`). Unknown query parameters
    /// are ignored.
    pub fn parse(path_and_query: &str) -> Self {
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Self::Index,
            ["never"] => Self::Never,
            ["delay", ms] => match (ms.parse::<u64>(), body_size(query)) {
                (_, Err(why)) => Self::bad(why),
                (Ok(ms), Ok(bytes)) if Duration::from_millis(ms) <= MAX_DELAY => Self::Delay {
                    wait: Duration::from_millis(ms),
                    bytes,
                },
                _ => Self::bad(format!(
                    "/delay/{{ms}} takes whole milliseconds up to {}",
                    MAX_DELAY.as_millis()
                )),
            },
            ["drip", n] => Drip::parse(n, query),
            ["bytes", n] => match n.parse::<usize>() {
                Ok(n) if n <= MAX_BYTES => Self::Bytes(n),
                _ => Self::bad(format!("/bytes/{{n}} takes a byte count up to {MAX_BYTES}")),
            },
            ["status", code] => match code.parse::<u16>() {
                Ok(code @ 200..=599) => Self::Status(code),
                _ => Self::bad("/status/{code} takes a status code from 200 to 599"),
            },
            ["barrier", n] => match n.parse::<usize>() {
                Ok(n @ 1..=MAX_BARRIER) => Self::Barrier(n),
                _ => Self::bad(format!(
                    "/barrier/{{n}} takes a party count from 1 to {MAX_BARRIER}"
                )),
            },
            _ => Self::NotFound,
        }
    }

    fn bad(why: impl Into<String>) -> Self {
        Self::BadRequest(why.into())
    }
}

/// A body that arrives slowly, in chunks: see [`Route::Drip`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drip {
    /// The body's size in bytes.
    pub bytes: usize,
    /// How many chunks it comes in (at least 1).
    pub chunks: usize,
    /// The pause before each chunk.
    pub every: Duration,
    /// Whether a `Content-Length` header announces the size.
    pub length_header: bool,
}

impl Drip {
    fn parse(bytes: &str, query: &str) -> Route {
        let Ok(bytes @ 0..=MAX_BYTES) = bytes.parse::<usize>() else {
            return Route::bad(format!("/drip/{{n}} takes a byte count up to {MAX_BYTES}"));
        };
        let chunks = match parameter(query, "chunks").map(str::parse::<usize>) {
            None => 4,
            Some(Ok(k @ 1..=MAX_CHUNKS)) => k,
            Some(_) => return Route::bad(format!("?chunks=k takes 1 to {MAX_CHUNKS}")),
        };
        let every = match parameter(query, "every").map(str::parse::<u64>) {
            None => Duration::from_millis(100),
            Some(Ok(ms)) if Duration::from_millis(ms) * chunks as u32 <= MAX_DELAY => {
                Duration::from_millis(ms)
            }
            Some(_) => {
                return Route::bad(format!(
                    "?every=ms takes whole milliseconds, at most {} ms for all chunks",
                    MAX_DELAY.as_millis()
                ));
            }
        };
        let length_header = match parameter(query, "length") {
            None | Some("yes") => true,
            Some("no") => false,
            Some(_) => return Route::bad("?length= takes yes or no"),
        };
        Route::Drip(Self {
            bytes,
            chunks,
            every,
            length_header,
        })
    }

    /// The sizes of the chunks, in order: as equal as possible, adding up to the body's size.
    pub fn chunk_sizes(&self) -> Vec<usize> {
        let (base, extra) = (self.bytes / self.chunks, self.bytes % self.chunks);
        (0..self.chunks)
            .map(|i| base + usize::from(i < extra))
            .collect()
    }
}

/// The value of query parameter `name`, if present.
fn parameter<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// The `bytes=n` query parameter, if present and within [`MAX_BYTES`].
fn body_size(query: &str) -> Result<Option<usize>, String> {
    let Some(value) = parameter(query, "bytes") else {
        return Ok(None);
    };
    match value.parse::<usize>() {
        Ok(n) if n <= MAX_BYTES => Ok(Some(n)),
        _ => Err(format!("?bytes=n takes a byte count up to {MAX_BYTES}")),
    }
}

/// The body of `/`.
pub const INDEX: &str = "\
The course's embedded HTTP server. Routes:
  /delay/{ms}     answers after ms milliseconds (add ?bytes=n for an n-byte body)
  /bytes/{n}      a body of exactly n bytes
  /drip/{n}       n bytes in chunks, slowly (?chunks=4&every=100&length=no: no Content-Length)
  /status/{code}  an empty answer with that status code (200-599)
  /never          never answers: use a client timeout
  /barrier/{n}    answers once n requests wait here together (504 if they do not meet)
";

/// `n` bytes of readable text (`abc…xyz` repeated), so printing the start of a body shows
/// something recognisable.
pub fn body_of_size(n: usize) -> Vec<u8> {
    (b'a'..=b'z').cycle().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delay(ms: u64, bytes: Option<usize>) -> Route {
        Route::Delay {
            wait: Duration::from_millis(ms),
            bytes,
        }
    }

    #[test]
    fn parses_every_route() {
        assert_eq!(Route::parse("/"), Route::Index);
        assert_eq!(Route::parse("/delay/250"), delay(250, None));
        assert_eq!(
            Route::parse("/delay/250?bytes=4096"),
            delay(250, Some(4096))
        );
        assert_eq!(Route::parse("/delay/5?x=1&bytes=7"), delay(5, Some(7)));
        assert_eq!(Route::parse("/bytes/1024"), Route::Bytes(1024));
        assert_eq!(Route::parse("/status/503"), Route::Status(503));
        assert_eq!(Route::parse("/never"), Route::Never);
        assert_eq!(Route::parse("/barrier/4"), Route::Barrier(4));
        assert_eq!(Route::parse("/delay/10?cache=no"), delay(10, None));
        assert_eq!(Route::parse("/delay/10/"), delay(10, None));
        assert_eq!(
            Route::parse("/drip/10?chunks=3&every=50&length=no"),
            Route::Drip(Drip {
                bytes: 10,
                chunks: 3,
                every: Duration::from_millis(50),
                length_header: false
            })
        );
        assert_eq!(
            Route::parse("/drip/8"),
            Route::Drip(Drip {
                bytes: 8,
                chunks: 4,
                every: Duration::from_millis(100),
                length_header: true
            })
        );
    }

    #[test]
    fn drip_chunks_add_up_to_the_body() {
        let Route::Drip(drip) = Route::parse("/drip/10?chunks=3") else {
            panic!("a drip route")
        };
        assert_eq!(drip.chunk_sizes(), [4, 3, 3]);
    }

    #[test]
    fn rejects_arguments_out_of_range() {
        for path in [
            "/delay/-1",
            "/delay/600001",
            "/delay/soon",
            "/delay/1?bytes=lots",
            "/delay/1?bytes=67108865",
            "/bytes/67108865",
            "/status/99",
            "/status/600",
            "/status/abc",
            "/barrier/0",
            "/barrier/10001",
            "/drip/x",
            "/drip/10?chunks=0",
            "/drip/10?chunks=5000",
            "/drip/10?every=soon",
            "/drip/10?chunks=10&every=600000",
            "/drip/10?length=maybe",
        ] {
            assert!(matches!(Route::parse(path), Route::BadRequest(_)), "{path}");
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for path in ["/delay", "/bytes/1/2", "/nowhere", "/%00"] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn bodies_have_the_exact_size_and_readable_text() {
        assert_eq!(body_of_size(0), b"");
        assert_eq!(body_of_size(28), b"abcdefghijklmnopqrstuvwxyzab");
        assert_eq!(body_of_size(100_000).len(), 100_000);
    }
}
