//! HugOps domain logic and storage, free of any GUI.
//!
//! The CLI (`hugops`) and the Tauri shell are thin layers over this crate: each
//! of their commands is one call into a function here. Nothing in this crate
//! prints, touches a window or reaches the network.

pub mod autostart;
pub mod backup;
pub mod buddies;
pub mod calendar;
pub mod clock;
pub mod drafts;
pub mod error;
pub mod first_use;
mod fs;
pub mod journal;
pub mod matching;
pub mod notices;
pub mod oncall;
pub mod reminders;
pub mod reviews;
pub mod roster;
pub mod schedule;
pub mod settings;
#[cfg(feature = "specta")]
mod specta_strings;
pub mod store;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod threads;

pub use error::{Error, ErrorCode, Result};
pub use store::Store;
