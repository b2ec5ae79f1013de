//! The use cases that more than one front end runs (see the index in `lib.rs`). Each takes
//! the store and plain values, never a terminal or parsed arguments, so the screens and the
//! commands share one path.

pub mod backup;
pub mod check;
pub mod demo;
pub mod letters;
pub mod papers;
pub mod simfoni;
pub mod transfer;
