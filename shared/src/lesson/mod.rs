//! A lesson program, declared once. A lesson lists its sections in order, each a title and the
//! function that runs it; the number of a section is its position in the list. Everything
//! else, the command line, `--section`, `--json`, numbering, exit codes, is the runner's job:
//!
//! ```
//! use shared::lesson::{Env, Lesson, NoFlags, Section};
//! use shared::report::Report;
//!
//! fn waits(report: &mut Report, env: &Env, _: &NoFlags) -> anyhow::Result<()> {
//!     report.say(&format!("One second of the Python examples lasts {:?} here.", env.unit()));
//!     Ok(())
//! }
//!
//! /// The program: what `cargo run -p lesson-99-example` runs.
//! pub const LESSON: Lesson<NoFlags> = Lesson {
//!     package: "lesson-99-example", // env!("CARGO_PKG_NAME") in a real lesson
//!     title: "Lesson 99: an example",
//!     about: "What the lesson shows, in a paragraph.",
//!     sections: &[Section { title: "Waits", run: waits }],
//! };
//!
//! // A lesson's whole main.rs:  fn main() -> std::process::ExitCode { LESSON.main() }
//! # assert_eq!(LESSON.main_with(["lesson-99-example", "--quick", "--json"]), std::process::ExitCode::SUCCESS);
//! ```
//!
//! A section that downloads asks [`Env::server`] for the embedded HTTP server, which starts the
//! first time a section asks for it, so lessons and runs that need none never start it.

mod env;

use std::ffi::OsString;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches};

pub use env::Env;

use crate::cli::{CommonArgs, exit_code, usage_error};
use crate::report::Report;

/// A lesson program: its name, what it is about, and its sections in order.
#[derive(Debug)]
pub struct Lesson<F: 'static> {
    /// The cargo package, `env!("CARGO_PKG_NAME")`: `lesson-01-threading`.
    pub package: &'static str,
    /// The title printed at the top: `Lesson 01: threads`.
    pub title: &'static str,
    /// A paragraph under the title, and the long description in `--help`.
    pub about: &'static str,
    /// The sections, in the order they run; section N is `sections[N - 1]`.
    pub sections: &'static [Section<F>],
}

/// One numbered section of a lesson: its title, and the function that runs it.
pub struct Section<F: 'static> {
    /// The heading, printed as `N. title`.
    pub title: &'static str,
    /// Says what is about to happen, runs it, and reports what it measured.
    pub run: fn(&mut Report, &Env, &F) -> anyhow::Result<()>,
}

impl<F> std::fmt::Debug for Section<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Section")
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

/// A lesson's own flags: a clap `Args` struct, plus any check clap cannot make.
pub trait Flags: clap::Args + std::fmt::Debug {
    /// Checks what clap cannot; an `Err` is reported as a usage error (exit code 2). `package`
    /// is the lesson's, for messages that give a command to run instead.
    fn check(&self, package: &str) -> Result<(), String> {
        let _ = package;
        Ok(())
    }
}

/// The flags of a lesson that has none of its own.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct NoFlags {}

impl Flags for NoFlags {}

/// The whole command line: the flags every lesson shares, and the lesson's own.
#[derive(Debug, clap::Parser)]
struct CommandLine<F: clap::Args> {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    lesson: F,
}

impl<F: Flags> Lesson<F> {
    /// The lesson's short name, used in JSON records and the book's recordings:
    /// `01-threading` for the package `lesson-01-threading`.
    pub fn id(&self) -> &'static str {
        self.package.strip_prefix("lesson-").unwrap_or(self.package)
    }

    /// The command line's description: every flag, shared and the lesson's own.
    pub fn command(&self) -> clap::Command {
        CommandLine::<F>::command()
            .name(self.package)
            .bin_name(self.package)
            .about(self.title)
            .long_about(format!("{}\n\n{}", self.title, self.about))
    }

    /// Runs the program with this process's arguments: a lesson's whole `main`.
    pub fn main(&self) -> ExitCode {
        self.main_with(std::env::args_os())
    }

    /// Runs the program with `args` (the first is the program's name). Usage errors print a
    /// message and give exit code 2; a failure while running gives 1; nothing panics.
    pub fn main_with<I, T>(&self, args: I) -> ExitCode
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let matches = match self.command().try_get_matches_from(args) {
            Ok(matches) => matches,
            Err(error) => {
                // --help and --version are "errors" too, with exit code 0.
                let _ = error.print();
                return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
            }
        };
        let command_line = match CommandLine::<F>::from_arg_matches(&matches) {
            Ok(command_line) => command_line,
            Err(error) => return usage_error(&error.to_string()),
        };
        if let Err(why) = self.check(&command_line) {
            return usage_error(&why);
        }
        #[cfg(feature = "tls")]
        crate::tls::install_crypto_provider();
        exit_code(self.run(&command_line.common, &command_line.lesson))
    }

    fn check(&self, command_line: &CommandLine<F>) -> Result<(), String> {
        command_line
            .common
            .check_sections(self.sections.len() as u32)?;
        command_line.lesson.check(self.package)
    }

    /// Runs the sections the flags select, in order, numbering them by their position.
    pub fn run(&self, common: &CommonArgs, flags: &F) -> anyhow::Result<()> {
        let env = Env::new(common);
        let mut report = Report::new(self.id(), common);
        if common.sections.is_empty() {
            report.title(self.title, self.about);
        }
        for (number, section) in (1..).zip(self.sections) {
            if !common.runs_section(number) {
                continue;
            }
            report.section(number, section.title);
            (section.run)(&mut report, &env, flags)
                .with_context(|| format!("section {number}, \"{}\"", section.title))?;
            report.end_section();
            if report.reader_gone() {
                break; // `… | head`: nobody reads the rest
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    static RAN: AtomicU32 = AtomicU32::new(0);

    fn first(_: &mut Report, _: &Env, _: &NoFlags) -> anyhow::Result<()> {
        RAN.fetch_or(1, Ordering::SeqCst);
        Ok(())
    }

    fn second(_: &mut Report, _: &Env, _: &NoFlags) -> anyhow::Result<()> {
        RAN.fetch_or(2, Ordering::SeqCst);
        anyhow::bail!("the second section fails")
    }

    const LESSON: Lesson<NoFlags> = Lesson {
        package: "lesson-99-test",
        title: "Lesson 99",
        about: "A test.",
        sections: &[
            Section {
                title: "First",
                run: first,
            },
            Section {
                title: "Second",
                run: second,
            },
        ],
    };

    #[test]
    fn sections_are_numbered_by_position_and_errors_become_exit_codes() {
        assert_eq!(LESSON.id(), "99-test");
        let code = |args: &[&str]| {
            LESSON.main_with(std::iter::once("lesson-99-test").chain(args.iter().copied()))
        };
        assert_eq!(code(&["--json", "--section", "1"]), ExitCode::SUCCESS);
        assert_eq!(
            RAN.load(Ordering::SeqCst) & 2,
            0,
            "section 2 was not asked for"
        );
        assert_eq!(code(&["--json"]), ExitCode::FAILURE);
        assert_eq!(code(&["--section", "3"]), ExitCode::from(2));
        assert_eq!(code(&["--no-such-flag"]), ExitCode::from(2));
    }
}
