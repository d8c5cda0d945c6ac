//! The exercises' test suite, run against the reference solutions: proof that every test
//! can pass. The suite is written once, in `exercises/tests/suite/`.

use solutions as subject;

#[path = "../../exercises/tests/kit/mod.rs"]
mod kit;
#[path = "../../exercises/tests/suite/mod.rs"]
mod suite;
