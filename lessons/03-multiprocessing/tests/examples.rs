//! The examples' own tests: each example is compiled here as a module, so its
//! `#[cfg(test)]` tests run with the lesson's.

#[allow(dead_code)]
#[path = "../examples/spawn_self.rs"]
mod spawn_self;
