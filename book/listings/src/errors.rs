//! `Result`, `?`, `unwrap` and `expect`, and panics: what `join` returns when a thread
//! panicked, and `std::panic::resume_unwind`.

use std::panic;
use std::thread;

// ANCHOR: question_mark
/// Splits `"host:port"` into its host and its port number.
pub fn parse_address(text: &str) -> Result<(&str, u16), String> {
    // Each `?`: if this is an `Err`, return it from the function, now.
    let (host, port) = text.split_once(':').ok_or("no ':' in the address")?;
    let port: u16 = port
        .parse()
        .map_err(|error| format!("bad port {port:?}: {error}"))?;
    Ok((host, port))
}
// ANCHOR_END: question_mark

// ANCHOR: join_err
/// Joins a thread that panicked, and says what `join` handed back.
pub fn join_a_panicking_thread() -> String {
    let handle = thread::spawn(|| -> u64 { panic!("no primes today") });
    match handle.join() {
        Ok(count) => format!("counted {count}"),
        // The payload is what `panic!` was given: a `&str` for a plain
        // message, a `String` for one with `{}` arguments.
        Err(payload) => match payload.downcast_ref::<&str>() {
            Some(message) => format!("the thread panicked: {message}"),
            None => "the thread panicked with a non-&str payload".to_string(),
        },
    }
}
// ANCHOR_END: join_err

// ANCHOR: resume_unwind
/// Runs `f` on a new thread and returns its value; if `f` panicked, panics
/// here with the same payload, as if `f` had run on this thread.
pub fn on_another_thread<A>(f: impl FnOnce() -> A + Send + 'static) -> A
where
    A: Send + 'static,
{
    match thread::spawn(f).join() {
        Ok(value) => value,
        Err(payload) => panic::resume_unwind(payload),
    }
}
// ANCHOR_END: resume_unwind

#[cfg(test)]
mod tests {
    use std::any::Any;

    use super::*;

    /// The message of a panic payload, if it is a string.
    fn message(payload: &(dyn Any + Send)) -> Option<&str> {
        payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
    }

    #[test]
    fn a_good_address_is_parsed() {
        assert_eq!(parse_address("localhost:8080"), Ok(("localhost", 8080)));
    }

    #[test]
    fn each_failure_returns_its_own_error() {
        assert_eq!(
            parse_address("localhost"),
            Err("no ':' in the address".to_string())
        );
        assert_eq!(
            parse_address("localhost:http"),
            Err("bad port \"http\": invalid digit found in string".to_string())
        );
        assert_eq!(
            parse_address("localhost:99999"),
            Err("bad port \"99999\": number too large to fit in target type".to_string())
        );
    }

    #[test]
    #[should_panic(expected = "the course's server address is valid")]
    fn expect_turns_an_err_into_a_panic_with_its_message() {
        parse_address("localhost").expect("the course's server address is valid");
    }

    #[test]
    fn join_hands_back_the_panic_as_err() {
        assert_eq!(
            join_a_panicking_thread(),
            "the thread panicked: no primes today"
        );
    }

    #[test]
    fn resume_unwind_continues_the_same_panic_in_the_caller() {
        let outcome = panic::catch_unwind(|| on_another_thread(|| -> u32 { panic!("boom") }));
        let payload = outcome.expect_err("the panic came through");
        assert_eq!(message(payload.as_ref()), Some("boom"));
    }

    #[test]
    fn expect_after_join_replaces_the_message_with_its_own() {
        // What `bounds::on_another_thread` does: `expect` starts a new panic with a new message.
        let outcome =
            panic::catch_unwind(|| crate::bounds::on_another_thread(|| -> u32 { panic!("boom") }));
        let payload = outcome.expect_err("a panic came through");
        let message = message(payload.as_ref()).expect("a string message");
        assert!(message.starts_with("the thread panicked"), "{message}");
    }

    #[test]
    fn a_value_comes_back_when_nothing_panicked() {
        assert_eq!(on_another_thread(|| 6 * 7), 42);
    }
}
