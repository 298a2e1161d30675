//! Reading conversations: Slack, Discord and Teams exports, Teams'
//! copy-paste text, plain transcripts.
//!
//! [`read_path`] takes a file or folder, [`read_from`] any reader (standard
//! input, pasted text). With [`Format::Auto`] the input is recognised by its
//! shape: a folder by what is in it (see [`folder`]); a JSON object whose
//! first key is `value` or `@odata…` is a Microsoft Graph page of Teams
//! messages, any other JSON object a DiscordChatExporter export; a JSON
//! array is a Slack day file; anything else is a plain transcript (or Teams'
//! copy-paste text, by its first line). JSON is streamed (a 1 GB export is
//! never held whole, only the fields a conversation needs); a transcript is
//! read line by line (checking UTF-8 per line) and handed to
//! [`text::parse_lines`] one line at a time.
//!
//! Conversations come back ordered by first timestamp, then channel.

mod discord;
mod folder;
mod group;
mod json;
mod slack;
mod slack_markup;
mod teams;
mod teams_text;
pub mod text;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::str::FromStr;

use super::Thread;
use crate::{Error, Result};
use folder::FolderKind;

/// What kind of input to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Recognise the input by its shape (see the module doc).
    #[default]
    Auto,
    /// A Slack export folder or day file.
    Slack,
    /// A DiscordChatExporter JSON export, or a folder of them (a server).
    Discord,
    /// Microsoft Graph pages of Teams messages, a file or a folder; a text
    /// file is read as Teams' copy-paste text.
    Teams,
    /// A plain transcript (`[HH:MM] Name: text`, `Name: text`).
    Text,
}

impl Format {
    /// Every format's name, as [`FromStr`] reads them.
    pub const NAMES: [&'static str; 5] = ["auto", "slack", "discord", "teams", "text"];
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        match s {
            "auto" => Ok(Format::Auto),
            "slack" => Ok(Format::Slack),
            "discord" => Ok(Format::Discord),
            "teams" => Ok(Format::Teams),
            "text" => Ok(Format::Text),
            other => Err(Error::invalid(
                "format",
                format!("expected auto, slack, discord, teams or text, got `{other}`"),
            )),
        }
    }
}

/// Reads the conversations of a file or folder.
pub fn read_path(path: &Path, format: Format) -> Result<Vec<Thread>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        let kind = match format {
            Format::Auto => folder::detect(path)?,
            Format::Slack => FolderKind::Slack,
            Format::Discord => FolderKind::Discord,
            Format::Teams => FolderKind::Teams,
            Format::Text => {
                return Err(Error::bad_file(
                    path,
                    None,
                    None,
                    "is a folder: a transcript is one file",
                ))
            }
        };
        return finish(match kind {
            FolderKind::Slack => slack::read_folder(path)?,
            FolderKind::Discord => discord::read_folder(path)?,
            FolderKind::Teams => teams::read_folder(path)?,
        });
    }
    let mut reader = open(path)?;
    match resolve(path, &mut reader, format)? {
        // A day file in an export folder is read with the export's names.
        Shape::SlackDay => finish(slack::read_day_file(path)?),
        shape => read_shape(path, reader, shape),
    }
}

/// Reads the conversations of any reader (standard input, pasted text);
/// `name` stands for it in error messages.
pub fn read_from(name: &Path, reader: impl Read, format: Format) -> Result<Vec<Thread>> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    skip_bom(name, &mut reader)?;
    let shape = resolve(name, &mut reader, format)?;
    read_shape(name, reader, shape)
}

/// The concrete kind of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    SlackDay,
    Discord,
    Teams,
    Text,
}

/// A file opened for buffered reading, past its byte order mark if any.
fn open(path: &Path) -> Result<BufReader<File>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    skip_bom(path, &mut reader)?;
    Ok(reader)
}

fn skip_bom(name: &Path, reader: &mut impl BufRead) -> Result<()> {
    let buf = reader.fill_buf().map_err(|e| Error::io(name, e))?;
    if buf.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    Ok(())
}

/// The shape `format` asks for, else the one the first bytes show. An input
/// with nothing but white space is an error.
fn resolve(name: &Path, reader: &mut impl BufRead, format: Format) -> Result<Shape> {
    let buf = reader.fill_buf().map_err(|e| Error::io(name, e))?;
    let Some(sniffed) = sniff(buf) else {
        return Err(Error::bad_file(
            name,
            None,
            None,
            "empty file: no messages to read",
        ));
    };
    Ok(match format {
        Format::Auto => sniffed,
        Format::Slack => Shape::SlackDay,
        Format::Discord => Shape::Discord,
        // Teams' copy-paste text is a transcript.
        Format::Teams if sniffed == Shape::Text => Shape::Text,
        Format::Teams => Shape::Teams,
        Format::Text => Shape::Text,
    })
}

/// The shape suggested by the start of a file, or `None` if it is blank.
/// `[` starts a JSON array only when `{` or `]` follows, since transcript
/// lines start with `[09:02]`. An object is a Graph page when its first key
/// is `value` or an `@odata` annotation.
fn sniff(start: &[u8]) -> Option<Shape> {
    let mut bytes = start.iter().filter(|b| !b.is_ascii_whitespace());
    match bytes.next()? {
        b'{' => Some(match folder::object_kind(start) {
            Some(FolderKind::Teams) => Shape::Teams,
            _ => Shape::Discord,
        }),
        b'[' => match bytes.next() {
            Some(b'{') | Some(b']') | None => Some(Shape::SlackDay),
            Some(_) => Some(Shape::Text),
        },
        _ => Some(Shape::Text),
    }
}

fn read_shape(name: &Path, reader: impl BufRead, shape: Shape) -> Result<Vec<Thread>> {
    finish(match shape {
        Shape::SlackDay => slack::read_day_from(name, reader)?,
        Shape::Discord => discord::read(name, reader)?,
        Shape::Teams => teams::read(name, reader)?,
        Shape::Text => vec![read_transcript(name, reader)?],
    })
}

/// Reads a transcript line by line, so a large file is never held whole
/// and invalid UTF-8 is reported with its line (see [`text::parse_lines`]);
/// Teams' copy-paste text is recognised by its first line ([`teams_text`]).
fn read_transcript(name: &Path, mut reader: impl BufRead) -> Result<Thread> {
    let mut number = 0u64;
    let mut any_text = false;
    let lines = std::iter::from_fn(|| {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => None,
            Err(e) => Some(Err(Error::io(name, e))),
            Ok(_) => {
                number += 1;
                let Ok(text) = String::from_utf8(line) else {
                    return Some(Err(Error::bad_file(
                        name,
                        Some(number),
                        None,
                        "not valid UTF-8 text",
                    )));
                };
                let mut text = text.trim_end_matches(['\n', '\r']).to_owned();
                if number == 1 {
                    text = text.trim_start_matches('\u{feff}').to_owned();
                }
                any_text |= !text.trim().is_empty();
                Some(Ok(text))
            }
        }
    });
    let thread = text::parse_lines(name, teams_text::adapt(lines));
    if !any_text {
        return Err(Error::bad_file(
            name,
            None,
            None,
            "empty file: no messages to read",
        ));
    }
    thread
}

/// Drops conversations left without messages and puts the rest in order.
fn finish(mut threads: Vec<Thread>) -> Result<Vec<Thread>> {
    threads.retain(|t| !t.messages.is_empty());
    group::sort(&mut threads);
    Ok(threads)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod same_verdict;

#[cfg(test)]
mod real_exports;

#[cfg(test)]
mod speed_tests;
