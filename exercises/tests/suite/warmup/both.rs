use std::panic;
use std::time::Duration;

use shared::instruments::{Rendezvous, within};

use super::subject::both::both;
use crate::kit::{PATIENCE, ReadMore, panic_message};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn returns_both_results_in_order() {
    let (a, b) = within(PATIENCE, "both(…)", || both(|| 6 * 7, || "forty-two"));
    assert_eq!(
        (a, b),
        (42, "forty-two"),
        "both(a, b) must return (a(), b())"
    );
}

// ANCHOR: rendezvous_test
#[test]
fn runs_the_two_closures_at_the_same_time() {
    // Each closure waits at the rendezvous until the other one is waiting too.
    let meet = Rendezvous::new(2, Duration::from_secs(2));
    let (a, b) = within(PATIENCE, "both(…)", move || {
        let other = meet.clone();
        both(move || meet.wait(), move || other.wait())
    });
    if let Err(why) = a.and(b) {
        panic!(
            "the two closures did not run at the same time: {why}. Run one on a new thread ({READ})"
        );
    }
}
// ANCHOR_END: rendezvous_test

#[test]
fn a_panic_in_the_first_closure_reaches_the_caller_unchanged() {
    let outcome = panic::catch_unwind(|| {
        within(PATIENCE, "both(…)", || {
            both(|| -> u8 { panic!("boom") }, || 1)
        })
    });
    let message = outcome.map_or_else(
        |payload| panic_message(&*payload),
        |_| "no panic at all".into(),
    );
    assert_eq!(
        message, "boom",
        "when a closure panics, `both` must panic with the same message: \
         pass a joined thread's panic on with std::panic::resume_unwind ({READ})"
    );
}
