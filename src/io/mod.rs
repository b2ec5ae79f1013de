//! Writers that turn domain values into files.

pub mod pdf;
