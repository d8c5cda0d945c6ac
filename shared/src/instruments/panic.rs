//! What a caught panic said.

use std::any::Any;

/// The message of a panic payload (from `catch_unwind` or `JoinHandle::join`): the text given
/// to `panic!`, or a placeholder when the payload is not text.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(a panic without a message)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_kinds_of_message() {
        let literal = std::panic::catch_unwind(|| panic!("boom")).unwrap_err();
        let formatted = std::panic::catch_unwind(|| panic!("{} of {}", 3, 4)).unwrap_err();
        let other = std::panic::catch_unwind(|| std::panic::panic_any(7)).unwrap_err();
        assert_eq!(panic_message(&*literal), "boom");
        assert_eq!(panic_message(&*formatted), "3 of 4");
        assert_eq!(panic_message(&*other), "(a panic without a message)");
    }
}
