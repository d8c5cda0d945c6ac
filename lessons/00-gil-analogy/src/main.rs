//! `cargo run -p lesson-00-gil-analogy`: concurrency vs parallelism, and Python's GIL simulated
//! next to Rust threads, measured.

fn main() -> std::process::ExitCode {
    lesson_00_gil_analogy::LESSON.main()
}
