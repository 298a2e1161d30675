//! The HugOps desktop binary: everything happens in [`hugops_desktop::run`].

// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    hugops_desktop::run();
}
