//! The flags every lesson program shares, so they all parse them the same way. A lesson never
//! parses them itself: it declares its own flags (a clap `Args` struct) and the runner in
//! [`crate::lesson`] puts the two together:
//!
//! ```text
//! lesson-01-threading [--quick] [--json] [--unit-ms MS] [--section N]… [the lesson's own flags]
//! ```
//!
//! clap prints `--help`, and rejects an unknown flag or a bad value with a message and exit
//! code 2, the convention for usage errors. Nothing panics on bad input.

use std::fmt::Display;
use std::process::ExitCode;
use std::time::Duration;

use crate::http::Network;

/// `--quick`, `--json`, `--unit-ms` and `--section`.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonArgs {
    /// Smaller sizes and shorter waits: the whole lesson runs in a second or two.
    #[arg(long)]
    pub quick: bool,

    /// Print one JSON object per measurement (for scripts and the book's tables) instead of
    /// the narrated run.
    #[arg(long)]
    pub json: bool,

    /// How many milliseconds stand for one second of the Python examples
    /// [default: 200, or 50 with --quick].
    #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub unit_ms: Option<u64>,

    /// Run only this section (repeat the flag for several) [default: all of them].
    #[arg(long = "section", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=99))]
    pub sections: Vec<u32>,

    /// Mark each section, table and timeline with mdBook anchors (for the book's recordings).
    #[arg(long, hide = true)]
    pub book_anchors: bool,
}

impl CommonArgs {
    /// What one second of the Python examples lasts here: waits are scaled down so that a
    /// lesson runs in seconds, while their ratios (the point of each example) stay the same.
    pub fn unit(&self) -> Duration {
        let default = if self.quick { 50 } else { 200 };
        Duration::from_millis(self.unit_ms.unwrap_or(default))
    }

    /// Whether section `number` should run: every section runs unless `--section` picked some.
    pub fn runs_section(&self, number: u32) -> bool {
        self.sections.is_empty() || self.sections.contains(&number)
    }

    /// Checks `--section` against the lesson's `count` sections, with a message for the user.
    pub fn check_sections(&self, count: u32) -> Result<(), String> {
        match self.sections.iter().find(|&&n| n > count) {
            Some(n) => Err(format!(
                "there is no section {n}: this lesson has sections 1 to {count}"
            )),
            None => Ok(()),
        }
    }
}

/// `--live URL…`, for lessons that download: real URLs instead of the embedded server's.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LiveArgs {
    /// Fetch these URLs instead of the embedded server's (https:// needs the lesson's `tls`
    /// feature: cargo run -p LESSON --features tls -- --live https://…)
    #[arg(long = "live", value_name = "URL", num_args = 1.., value_parser = http_url)]
    pub urls: Vec<String>,
}

/// What a downloading section fetches: URLs, how long each request may take, and where they go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets {
    /// The URLs, in order.
    pub urls: Vec<String>,
    /// How long each request may take.
    pub timeout: Duration,
    /// The embedded server, or real sites.
    pub network: Network,
}

impl LiveArgs {
    /// How long a real site gets to answer each request.
    pub const TIMEOUT: Duration = Duration::from_secs(10);

    /// Whether real URLs were given.
    pub fn is_live(&self) -> bool {
        !self.urls.is_empty()
    }

    /// What to fetch: the `--live` URLs with [`LiveArgs::TIMEOUT`], or else the embedded
    /// server's URLs that `local` makes (it may start the server, which can fail) with
    /// `local_timeout`.
    pub fn choose(
        &self,
        local: impl FnOnce() -> std::io::Result<Vec<String>>,
        local_timeout: Duration,
    ) -> std::io::Result<Targets> {
        Ok(if self.is_live() {
            Targets {
                urls: self.urls.clone(),
                timeout: Self::TIMEOUT,
                network: Network::Internet,
            }
        } else {
            Targets {
                urls: local()?,
                timeout: local_timeout,
                network: Network::Loopback,
            }
        })
    }

    /// The usage check clap cannot make: an `https://` URL needs a build with TLS, which is off
    /// by default to keep the first build short. `package` goes into the message's command.
    pub fn check(&self, package: &str) -> Result<(), String> {
        let tls_built = cfg!(feature = "tls");
        match self.urls.iter().find(|url| url.starts_with("https://")) {
            Some(url) if !tls_built => Err(format!(
                "{url} needs TLS, which this build leaves out to keep the first build short.\n\
                 Run: cargo run -p {package} --features tls -- --live …"
            )),
            _ => Ok(()),
        }
    }
}

/// Reports a usage problem the way clap does: `error: …` on stderr, exit code 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The exit code for how a program ended: success, or the error with its causes on stderr and
/// exit code 1.
pub fn exit_code<E: Display>(outcome: Result<(), E>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// A clap value parser for `--live` URLs: `http://` or `https://` with a host, or a clear
/// message saying what is wrong.
pub fn http_url(text: &str) -> Result<String, String> {
    let uri: hyper::Uri = text
        .parse()
        .map_err(|error| format!("`{text}` is not a URL ({error})"))?;
    match (uri.scheme_str(), uri.host()) {
        (Some("http" | "https"), Some(host)) if !host.is_empty() => Ok(text.to_string()),
        (Some(other), _) if other != "http" && other != "https" => Err(format!(
            "`{text}`: only http:// and https:// URLs can be fetched, not {other}://"
        )),
        _ => Err(format!(
            "`{text}` needs a scheme and a host, like https://example.com/"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser, Debug)]
    struct Args {
        #[command(flatten)]
        common: CommonArgs,
    }

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("lesson").chain(args.iter().copied()))
    }

    #[test]
    fn defaults() {
        let args = parse(&[]).unwrap();
        assert!(!args.common.quick && !args.common.json);
        assert_eq!(args.common.unit(), Duration::from_millis(200));
    }

    #[test]
    fn quick_shortens_the_unit_unless_told_otherwise() {
        let quick = parse(&["--quick"]).unwrap().common;
        assert_eq!(quick.unit(), Duration::from_millis(50));
        let explicit = parse(&["--quick", "--unit-ms", "300"]).unwrap().common;
        assert_eq!(explicit.unit(), Duration::from_millis(300));
    }

    #[test]
    fn bad_flags_are_usage_errors_with_exit_code_2() {
        for bad in [
            &["--nope"][..],
            &["--unit-ms", "0"],
            &["--unit-ms", "lots"],
            &["--unit-ms", "99999"],
        ] {
            let error = parse(bad).expect_err("must be rejected");
            assert_eq!(error.exit_code(), 2, "{bad:?}: {error}");
        }
    }

    #[test]
    fn sections() {
        let all = parse(&[]).unwrap().common;
        assert!(all.runs_section(1) && all.runs_section(6));
        let some = parse(&["--section", "2", "--section", "5"]).unwrap().common;
        assert!(!some.runs_section(1) && some.runs_section(2) && some.runs_section(5));
        assert!(some.check_sections(6).is_ok());
        assert_eq!(
            some.check_sections(4).unwrap_err(),
            "there is no section 5: this lesson has sections 1 to 4"
        );
        assert_eq!(parse(&["--section", "0"]).unwrap_err().exit_code(), 2);
    }

    #[test]
    fn https_needs_a_tls_build() {
        let live = |urls: &[&str]| LiveArgs {
            urls: urls.iter().map(|url| url.to_string()).collect(),
        };
        let both = live(&["http://a.example/", "https://b.example/"]);
        if cfg!(feature = "tls") {
            assert!(both.check("lesson-99").is_ok());
        } else {
            let why = both.check("lesson-99").unwrap_err();
            assert!(
                why.contains("cargo run -p lesson-99 --features tls"),
                "{why}"
            );
        }
        assert!(live(&["http://a.example/"]).check("lesson-99").is_ok());
    }

    #[test]
    fn live_urls_replace_the_local_ones() {
        let local = || Ok(vec!["http://127.0.0.1:1/delay/1".to_string()]);
        let second = Duration::from_secs(1);
        let targets = LiveArgs::default().choose(local, second).unwrap();
        assert_eq!(
            (targets.urls.len(), targets.timeout, targets.network),
            (1, second, Network::Loopback)
        );
        let live = LiveArgs {
            urls: vec!["http://a.example/".into(), "http://b.example/".into()],
        };
        let targets = live.choose(local, second).unwrap();
        assert_eq!(targets.urls, live.urls);
        assert_eq!(
            (targets.timeout, targets.network),
            (LiveArgs::TIMEOUT, Network::Internet)
        );
    }

    #[test]
    fn live_urls() {
        assert!(http_url("https://www.rust-lang.org/").is_ok());
        assert!(http_url("http://127.0.0.1:8080/delay/10").is_ok());
        assert!(
            http_url("ftp://example.com/")
                .unwrap_err()
                .contains("only http:// and https://")
        );
        assert!(
            http_url("example.com")
                .unwrap_err()
                .contains("needs a scheme and a host")
        );
        assert!(
            http_url("http://exa mple.com")
                .unwrap_err()
                .contains("is not a URL")
        );
    }
}
