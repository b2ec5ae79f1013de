//! One module per screen: its state, its key handler and its drawing.

pub mod audit;
pub mod board;
pub mod casefile;
pub mod directory;
pub mod drafts;
pub mod help;
pub mod intake;
pub mod report;
pub mod saved;
pub mod search;
