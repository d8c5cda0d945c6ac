//! The embedded server, tested over real sockets with a real HTTP client.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::{Network, blocking, describe};
use shared::instruments::within;
use shared::server::{TestServer, unreachable_url};

const PATIENCE: Duration = Duration::from_secs(20);

fn client() -> Client {
    blocking::client(Duration::from_secs(10), Network::Loopback).unwrap()
}

fn impatient_client() -> Client {
    blocking::client(Duration::from_millis(100), Network::Loopback).unwrap()
}

/// Waits until the server has no request in flight; fails if that never happens.
fn until_idle(server: TestServer, why: &str) {
    within(PATIENCE, why, move || {
        while server.in_flight() > 0 {
            thread::sleep(Duration::from_millis(5));
        }
    });
}

#[test]
fn answers_every_route() {
    let server = TestServer::start().unwrap();
    let http = client();
    let get = |path: &str| http.get(server.url(path)).send().unwrap();

    let index = get("/");
    assert_eq!(index.status(), 200);
    assert!(index.text().unwrap().contains("/barrier/{n}"));

    let delayed = get("/delay/20");
    assert_eq!(
        (delayed.status().as_u16(), delayed.text().unwrap()),
        (200, "waited 20 ms\n".into())
    );

    assert_eq!(get("/delay/5?bytes=3").text().unwrap(), "abc");

    let body = get("/bytes/100000").bytes().unwrap();
    assert_eq!(body.len(), 100_000);
    assert!(body.starts_with(b"abcdefghijklmnopqrstuvwxyz"));

    assert_eq!(get("/status/503").status(), 503);
    assert_eq!(get("/status/404").status(), 404);
    assert_eq!(get("/bytes/999999999999").status(), 400);
    assert_eq!(get("/no/such/route").status(), 404);
    assert_eq!(server.answered(), 8);
}

#[test]
fn a_drip_arrives_in_chunks_with_or_without_a_length_header() {
    let server = TestServer::start().unwrap();
    let http = client();
    let mut announced = http
        .get(server.url("/drip/10?chunks=3&every=20"))
        .send()
        .unwrap();
    assert_eq!(announced.content_length(), Some(10));
    let mut chunks = Vec::new();
    let mut buffer = [0u8; 64];
    loop {
        let n = announced.read(&mut buffer).unwrap();
        if n == 0 {
            break;
        }
        chunks.push(buffer[..n].to_vec());
    }
    assert_eq!(chunks.concat(), b"abcdefghij");
    assert!(chunks.len() > 1, "the body came in one piece: {chunks:?}");

    let unannounced = http
        .get(server.url("/drip/1000?chunks=4&every=5&length=no"))
        .send()
        .unwrap();
    assert_eq!(
        unannounced.content_length(),
        None,
        "no Content-Length: only reading the body tells its size"
    );
    assert_eq!(unannounced.bytes().unwrap().len(), 1000);
}

#[test]
fn a_dripping_download_is_in_flight_until_its_body_has_arrived() {
    let server = TestServer::start().unwrap();
    let response = client()
        .get(server.url("/drip/4?chunks=2&every=300"))
        .send()
        .unwrap();
    // The headers are here; the body is not.
    assert_eq!(server.in_flight(), 1);
    assert_eq!(response.bytes().unwrap().len(), 4);
    until_idle(server, "the finished download to leave the in-flight count");
}

#[test]
fn never_answers_until_the_client_gives_up() {
    let server = TestServer::start().unwrap();
    let error = impatient_client()
        .get(server.url("/never"))
        .send()
        .expect_err("/never must not answer");
    assert!(error.is_timeout(), "{error}");
    assert_eq!(server.answered(), 0);
}

#[test]
fn counts_concurrent_requests_at_their_peak() {
    let server = TestServer::start().unwrap();
    let http = client();
    within(PATIENCE, "four concurrent requests", {
        let url = server.url("/barrier/4");
        move || {
            thread::scope(|s| {
                for _ in 0..4 {
                    s.spawn(|| assert_eq!(http.get(&url).send().unwrap().status(), 200));
                }
            });
        }
    });
    assert_eq!(server.peak_in_flight(), 4);
    assert_eq!(server.in_flight(), 0);

    server.reset_peak();
    client().get(server.url("/delay/1")).send().unwrap();
    assert_eq!(
        server.peak_in_flight(),
        1,
        "one request at a time has a peak of one"
    );
}

#[test]
fn the_barrier_turns_sequential_requests_away() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_millis(100))
        .start()
        .unwrap();
    let http = client();
    for _ in 0..2 {
        let refused = http.get(server.url("/barrier/2")).send().unwrap();
        assert_eq!(refused.status(), 504);
        assert!(
            refused
                .text()
                .unwrap()
                .contains("only 1 request(s) were waiting together")
        );
    }
}

#[test]
fn survives_malformed_requests() {
    let server = TestServer::start().unwrap();
    for garbage in [
        &b"NOT HTTP AT ALL\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
        b"\x00\xff\xfe\r\n\r\n",
        b"GET /",
    ] {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream.write_all(garbage).unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        // hyper answers 400 or simply closes; either way the read ends.
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply);
        assert!(
            reply.is_empty() || reply.starts_with(b"HTTP/1.1 4"),
            "{:?}",
            String::from_utf8_lossy(&reply)
        );
    }
    assert_eq!(
        client().get(server.url("/")).send().unwrap().status(),
        200,
        "the server must carry on"
    );
}

#[test]
fn shuts_down_on_drop_even_with_requests_waiting() {
    let server = TestServer::start().unwrap();
    let url = server.url("/never");
    let waiting = thread::spawn(move || client().get(url).send());
    // Wait until the request has arrived, then drop the server under it.
    within(PATIENCE, "the /never request to arrive", move || {
        while server.in_flight() == 0 {
            thread::sleep(Duration::from_millis(5));
        }
        drop(server);
    });
    let outcome = within(PATIENCE, "the client to notice the shutdown", move || {
        waiting.join().unwrap()
    });
    assert!(
        outcome.is_err(),
        "the connection must be closed, not answered"
    );
}

#[test]
fn unreachable_urls_refuse_connections() {
    let error = client()
        .get(unreachable_url())
        .send()
        .expect_err("nothing listens there");
    assert!(error.is_connect(), "{error}");
}

#[test]
fn a_request_its_client_abandons_stops_counting_as_in_flight() {
    let server = TestServer::start().unwrap();
    let impatient = impatient_client();
    impatient
        .get(server.url("/never"))
        .send()
        .expect_err("/never must not answer");
    drop(impatient);
    until_idle(server, "the abandoned request to leave the in-flight count");
}

#[test]
fn outcomes_are_described_in_words() {
    let server = TestServer::start().unwrap();
    let impatient = impatient_client();
    let fetch = |url: String| blocking::fetch(&impatient, &url);
    let urls = [
        server.url("/bytes/7"),
        server.url("/status/503"),
        server.url("/never"),
        unreachable_url(),
    ];
    let described: Vec<String> = urls.into_iter().map(|url| describe(&fetch(url))).collect();
    assert_eq!(
        described,
        ["7 bytes", "HTTP 503", "timed out", "could not connect"]
    );
}
