//! The plain idiom of section 2, without the course's toolbox: a program that starts copies of
//! itself as workers, and a `main` that first asks whether it is one. Run it with
//! `cargo run -p lesson-03-multiprocessing --example spawn_self`.

use std::io::{self, BufRead, BufReader, Write};
use std::process::{Command, Stdio};

// ANCHOR: spawn_self
/// The argument that makes a copy of this program a worker.
const WORKER: &str = "--worker";

fn main() -> io::Result<()> {
    // A worker serves, and never runs the parent's code below: Python's
    // `if __name__ == "__main__":`, the other way round.
    if std::env::args().nth(1).as_deref() == Some(WORKER) {
        return serve(io::stdin().lock(), io::stdout().lock());
    }
    let mut workers = Vec::new();
    for n in [3, 4] {
        let mut child = Command::new(std::env::current_exe()?)
            .arg(WORKER)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        // One job each; dropping stdin closes it, so the worker's loop ends after the job.
        writeln!(child.stdin.take().expect("piped"), "{n}")?;
        workers.push(child);
    }
    for mut child in workers {
        let mut answer = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut answer)?;
        let status = child.wait()?; // read first, then wait (reap) every child
        println!("{} ({status})", answer.trim());
    }
    Ok(())
}

/// The worker: squares each number it reads, and says which process it is.
fn serve(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let n: u64 = line?.trim().parse().map_err(io::Error::other)?;
        writeln!(
            output,
            "{} squared is {}, said process {}",
            n,
            n * n,
            std::process::id()
        )?;
    }
    output.flush()
}
// ANCHOR_END: spawn_self

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_answers_every_line_and_stops_at_the_end() {
        let mut out = Vec::new();
        serve(&b"3\n4\n"[..], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("3 squared is 9, said process "));
        assert!(lines[1].starts_with("4 squared is 16"));
        assert!(serve(&b"three\n"[..], &mut Vec::new()).is_err());
    }
}
