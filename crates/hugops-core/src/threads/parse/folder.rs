//! Recognising an export folder by what is in it.
//!
//! - Slack: `users.json` or `channels.json`, or a sub-folder holding a
//!   `YYYY-MM-DD.json` day file.
//! - Otherwise the folder's `.json` files are looked at in name order, and
//!   the first that starts as a DiscordChatExporter export or a Graph page
//!   (see [`object_kind`]) decides. Only the files of that kind are read:
//!   a stray `.json` file beside them is left alone.

use std::fs;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::open;
use crate::{Error, Result};

/// The export kinds a folder can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FolderKind {
    Slack,
    Discord,
    Teams,
}

/// What `dir` holds, or an error saying what was found instead.
pub(super) fn detect(dir: &Path) -> Result<FolderKind> {
    if ["users.json", "channels.json"]
        .iter()
        .any(|f| dir.join(f).is_file())
    {
        return Ok(FolderKind::Slack);
    }
    let (files, folders) = entries(dir)?;
    for folder in &folders {
        if json_files(folder)?.iter().any(|f| is_day_file(f)) {
            return Ok(FolderKind::Slack);
        }
    }
    let mut json = json_files(dir)?;
    json.sort();
    for file in &json {
        if let Some(kind) = file_kind(file)? {
            return Ok(kind);
        }
    }
    let count = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    Err(Error::bad_file(
        dir,
        None,
        None,
        format!(
            "no chat export found: {} and {}, none a Slack, Discord or Teams export \
             (looked for users.json, channels.json, <channel>/<YYYY-MM-DD>.json, \
             and JSON files with `guild`, `channel` and `messages` or a Graph `value` array)",
            count(files, "file"),
            count(folders.len(), "folder"),
        ),
    ))
}

/// The kind of export a JSON object is, from its first key: `value` or an
/// `@odata` annotation for a Graph page; `guild`, `channel` or `messages`
/// for a DiscordChatExporter export.
pub(super) fn object_kind(start: &[u8]) -> Option<FolderKind> {
    let mut bytes = start.iter().filter(|b| !b.is_ascii_whitespace());
    if bytes.next() != Some(&b'{') {
        return None;
    }
    let key: Vec<u8> = bytes
        .skip_while(|b| **b == b'"')
        .take_while(|b| **b != b'"')
        .copied()
        .collect();
    match key.as_slice() {
        b"value" => Some(FolderKind::Teams),
        k if k.starts_with(b"@odata") => Some(FolderKind::Teams),
        b"guild" | b"channel" | b"messages" => Some(FolderKind::Discord),
        _ => None,
    }
}

/// The kind of export a file starts as, if any.
fn file_kind(file: &Path) -> Result<Option<FolderKind>> {
    let mut reader = open(file)?;
    let start = reader.fill_buf().map_err(|e| Error::io(file, e))?;
    Ok(object_kind(start))
}

/// The `.json` files of `dir` that start as exports of `kind`, in name order.
pub(super) fn export_files(dir: &Path, kind: FolderKind) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for file in json_files(dir)? {
        if file_kind(&file)? == Some(kind) {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// `2026-03-02.json`.
fn is_day_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
}

/// How many files `dir` holds, and its sub-folders.
fn entries(dir: &Path) -> Result<(usize, Vec<PathBuf>)> {
    let mut files = 0;
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            folders.push(path);
        } else {
            files += 1;
        }
    }
    Ok((files, folders))
}

/// The `.json` files directly in `folder` (a missing folder has none),
/// in no particular order.
pub(super) fn json_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(folder, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(folder, e))?.path();
        if path.extension().is_some_and(|x| x == "json") && path.is_file() {
            files.push(path);
        }
    }
    Ok(files)
}
