//! A real HTTP/1.1 server on `127.0.0.1`, started by a lesson or a test and stopped when its
//! handle is dropped, so that network examples work offline and behave the same every time.
//!
//! It is built on hyper (no hand-written parsing: malformed requests get hyper's answer and the
//! server carries on) and runs on its own thread with its own single-threaded tokio runtime, so
//! blocking code (lesson 01's threads) and async code (lesson 05's tasks) can both use it.
//!
//! ```
//! let server = shared::server::TestServer::start().unwrap();
//! let url = server.url("/delay/100"); // "http://127.0.0.1:PORT/delay/100"
//! # assert!(url.starts_with("http://127.0.0.1:"));
//! // … send requests …
//! assert_eq!(server.peak_in_flight(), 0); // how many requests it ever served at once
//! ```
//!
//! Routes are listed in [`Route`].

mod barrier;
mod drip;
mod routes;

use std::convert::Infallible;
use std::io;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::oneshot;

use crate::instruments::Gauge;
use barrier::Barriers;
use drip::DripBody;
pub use routes::{Drip, MAX_BARRIER, MAX_BYTES, MAX_CHUNKS, MAX_DELAY, Route, body_of_size};

/// How long `/barrier/{n}` waits for its round to fill, unless the builder says otherwise.
pub const DEFAULT_BARRIER_TIMEOUT: Duration = Duration::from_secs(5);

/// A running server. Dropping it stops the server and closes every connection, including
/// requests still waiting on `/never`.
#[derive(Debug)]
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<ServerState>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct ServerState {
    in_flight: Gauge,
    answered: AtomicUsize,
    barriers: Barriers,
}

/// Configures a [`TestServer`] before starting it.
#[derive(Debug, Clone)]
pub struct ServerBuilder {
    barrier_timeout: Duration,
}

impl Default for ServerBuilder {
    fn default() -> Self {
        Self {
            barrier_timeout: DEFAULT_BARRIER_TIMEOUT,
        }
    }
}

impl ServerBuilder {
    /// How long a `/barrier/{n}` request waits for the others before the round is abandoned
    /// and answered with 504. Tests of sequential mistakes fail sooner with a short one.
    pub fn barrier_timeout(mut self, timeout: Duration) -> Self {
        self.barrier_timeout = timeout;
        self
    }

    /// Binds a free port on 127.0.0.1 and starts serving on a background thread.
    pub fn start(self) -> io::Result<TestServer> {
        let listener = StdListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(ServerState {
            in_flight: Gauge::new(),
            answered: AtomicUsize::new(0),
            barriers: Barriers::new(self.barrier_timeout),
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let serving = Arc::clone(&state);
        let thread = std::thread::Builder::new()
            .name(format!("test server {addr}"))
            .spawn(move || {
                // Returning drops the runtime, which cancels every connection task.
                runtime.block_on(accept_until_stopped(listener, serving, stopped));
            })?;
        Ok(TestServer {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl TestServer {
    /// Starts a server with the default settings.
    pub fn start() -> io::Result<Self> {
        ServerBuilder::default().start()
    }

    /// A builder, to change the settings first.
    pub fn builder() -> ServerBuilder {
        ServerBuilder::default()
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The full URL of `path` on this server, e.g. `url("/bytes/10")`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }

    /// Requests being handled right now.
    pub fn in_flight(&self) -> usize {
        self.state.in_flight.current()
    }

    /// The most requests that were ever being handled at once: the client's concurrency,
    /// as the server saw it.
    pub fn peak_in_flight(&self) -> usize {
        self.state.in_flight.peak()
    }

    /// Forgets the peak, to measure the next experiment on the same server.
    pub fn reset_peak(&self) {
        self.state.in_flight.reset_peak();
    }

    /// How many requests have been answered (of any status).
    pub fn answered(&self) -> usize {
        self.state.answered.load(Ordering::SeqCst)
    }

    /// How long `/barrier/{n}` waits for its round to fill.
    pub fn barrier_timeout(&self) -> Duration {
        self.state.barriers.timeout()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A URL on 127.0.0.1 where nothing listens, so connecting fails at once ("connection
/// refused"): the stand-in for a server that is down.
pub fn unreachable_url() -> String {
    // Bind a free port and let it go: for a moment nobody else will take it.
    let port = StdListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map_or(9, |addr| addr.port());
    format!("http://127.0.0.1:{port}/nothing-listens-here")
}

async fn accept_until_stopped(
    listener: StdListener,
    state: Arc<ServerState>,
    mut stopped: oneshot::Receiver<()>,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(listener) => listener,
        Err(error) => return eprintln!("test server: cannot listen: {error}"),
    };
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(serve_connection(stream, Arc::clone(&state)));
                }
                // Out of file descriptors, say: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
        }
    }
}

async fn serve_connection(stream: tokio::net::TcpStream, state: Arc<ServerState>) {
    let service = service_fn(move |request| {
        let state = Arc::clone(&state);
        async move { Ok::<_, Infallible>(answer(request, &state).await) }
    });
    // Errors here are the client's (a malformed request, a dropped connection): hyper has
    // already answered or closed, and the server carries on with its other connections.
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(10))
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// Every answer's body: complete at once, or dripping.
type AnyBody = BoxBody<Bytes, Infallible>;

async fn answer(request: Request<Incoming>, state: &ServerState) -> Response<AnyBody> {
    let in_flight = state.in_flight.enter();
    let path_and_query = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    let response = match Route::parse(path_and_query) {
        Route::Index => text(StatusCode::OK, routes::INDEX),
        Route::Delay { wait, bytes } => {
            tokio::time::sleep(wait).await;
            match bytes {
                Some(n) => text(StatusCode::OK, body_of_size(n)),
                None => text(StatusCode::OK, format!("waited {} ms\n", wait.as_millis())),
            }
        }
        Route::Bytes(n) => text(StatusCode::OK, body_of_size(n)),
        Route::Drip(drip) => {
            let mut response = Response::new(DripBody::new(drip, in_flight).boxed());
            if drip.length_header {
                response
                    .headers_mut()
                    .insert(hyper::header::CONTENT_LENGTH, drip.bytes.into());
            }
            state.answered.fetch_add(1, Ordering::SeqCst);
            return response;
        }
        Route::Status(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            text(status, "")
        }
        Route::Never => std::future::pending().await,
        Route::Barrier(parties) => match state.barriers.meet(parties).await {
            Ok(()) => text(
                StatusCode::OK,
                format!("{parties} requests met at the barrier\n"),
            ),
            Err(arrived) => text(
                StatusCode::GATEWAY_TIMEOUT,
                format!(
                    "barrier of {parties}: only {arrived} request(s) were waiting together after {:?}; \
                     it opens only for {parties} requests at the same time\n",
                    state.barriers.timeout()
                ),
            ),
        },
        Route::BadRequest(why) => text(StatusCode::BAD_REQUEST, format!("{why}\n")),
        Route::NotFound => text(
            StatusCode::NOT_FOUND,
            format!("no such route\n\n{}", routes::INDEX),
        ),
    };
    state.answered.fetch_add(1, Ordering::SeqCst);
    drop(in_flight);
    response
}

fn text(status: StatusCode, body: impl Into<Bytes>) -> Response<AnyBody> {
    let mut response = Response::new(Full::new(body.into()).boxed());
    *response.status_mut() = status;
    response
}
