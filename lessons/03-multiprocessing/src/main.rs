//! `cargo run -p lesson-03-multiprocessing`: Python's multiprocessing, done in Rust, measured.

use std::process::ExitCode;

// ANCHOR: main
fn main() -> ExitCode {
    // The lesson starts copies of itself as workers (`__worker ROLE …`). A worker must serve
    // its role and never run the lesson: a lesson running inside a worker would start workers
    // of its own, and each of those would start more. This is `if __name__ == "__main__":`.
    if let Some(code) = lesson_03_multiprocessing::role::serve_if_worker() {
        return code;
    }
    lesson_03_multiprocessing::LESSON.main()
}
// ANCHOR_END: main
