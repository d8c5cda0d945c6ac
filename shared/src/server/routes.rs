//! What each path of the embedded server means. Parsing is separate from answering, so the
//! rules (and their limits) can be tested without a socket.

use std::time::Duration;

/// The longest `/delay/{ms}` the server accepts: ten minutes.
pub const MAX_DELAY: Duration = Duration::from_secs(600);
/// The largest `/bytes/{n}` body the server sends: 64 MiB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most requests one `/barrier/{n}` can gather.
pub const MAX_BARRIER: usize = 10_000;

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

/// The `bytes=n` query parameter, if present and within [`MAX_BYTES`].
fn body_size(query: &str) -> Result<Option<usize>, String> {
    let Some(value) = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("bytes="))
    else {
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
