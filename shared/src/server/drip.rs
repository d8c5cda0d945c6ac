//! The body of `/drip/{n}`: chunks sent one by one, each after a pause.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use tokio::time::Sleep;

use super::routes::{Drip, body_of_size};
use crate::instruments::GaugeGuard;

/// A response body that waits before each chunk. It holds the request's place in the server's
/// in-flight count until the last chunk is sent (or the client hangs up), because a download is
/// in flight until its body has arrived, not when its headers have.
pub(crate) struct DripBody {
    chunks: VecDeque<Bytes>,
    pause: Pin<Box<Sleep>>,
    every: std::time::Duration,
    remaining: u64,
    announce_length: bool,
    _in_flight: GaugeGuard,
}

impl DripBody {
    pub(crate) fn new(drip: Drip, in_flight: GaugeGuard) -> Self {
        let mut body = Bytes::from(body_of_size(drip.bytes));
        let chunks = drip
            .chunk_sizes()
            .into_iter()
            .map(|size| body.split_to(size))
            .collect();
        Self {
            chunks,
            pause: Box::pin(tokio::time::sleep(drip.every)),
            every: drip.every,
            remaining: drip.bytes as u64,
            announce_length: drip.length_header,
            _in_flight: in_flight,
        }
    }
}

impl Body for DripBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.chunks.is_empty() {
            return Poll::Ready(None);
        }
        ready!(self.pause.as_mut().poll(cx));
        let chunk = self.chunks.pop_front().expect("checked above");
        self.remaining -= chunk.len() as u64;
        let next = tokio::time::Instant::now() + self.every;
        self.pause.as_mut().reset(next);
        Poll::Ready(Some(Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        if self.announce_length {
            SizeHint::with_exact(self.remaining)
        } else {
            // An unknown size makes hyper send the body with chunked encoding, no length.
            SizeHint::default()
        }
    }
}
