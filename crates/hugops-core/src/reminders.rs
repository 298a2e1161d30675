//! Which reminders are due, computed from the stored state and a clock.
