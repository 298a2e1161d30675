//! User settings, stored in the database.
