//! The rules every entry obeys, whether typed in a form, passed as flags or
//! read from an import file.
//!
//! Validation never rewrites text: what passes is stored byte for byte. The
//! only liberty taken is that an empty (or blank) email or link means "none",
//! as a form left blank does.

use chrono::{Datelike, NaiveDate};

use super::{Direction, NewEntry, MAX_MESSAGE_CHARS};
use crate::{Error, Result};

/// Longest person name accepted, in characters.
pub const MAX_PERSON_CHARS: usize = 200;
/// Longest tag accepted, in characters.
pub const MAX_TAG_CHARS: usize = 64;
/// Longest email accepted, in characters.
pub const MAX_EMAIL_CHARS: usize = 320;
/// Longest link accepted, in characters.
pub const MAX_LINK_CHARS: usize = 4096;

/// A validated entry, ready to be written (everything but id and creation time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    pub direction: Direction,
    pub person: String,
    pub email: Option<String>,
    pub message: String,
    pub tags: Vec<String>,
    pub link: Option<String>,
    pub occurred_on: NaiveDate,
}

impl Draft {
    /// Checks every field of `new`; `occurred_on` defaults to `today`.
    pub fn check(new: NewEntry, today: NaiveDate) -> Result<Draft> {
        let direction = new
            .direction
            .ok_or_else(|| Error::invalid("direction", "required: `given` or `received`"))?;
        check_person(&new.person)?;
        check_message(&new.message)?;
        let occurred_on = new.occurred_on.unwrap_or(today);
        check_date("occurred_on", occurred_on)?;
        Ok(Draft {
            direction,
            person: new.person,
            email: check_email(new.email)?,
            message: new.message,
            tags: check_tags(new.tags)?,
            link: check_link(new.link)?,
            occurred_on,
        })
    }
}

/// A name: not blank, at most [`MAX_PERSON_CHARS`] characters.
pub fn check_person(person: &str) -> Result<()> {
    if person.trim().is_empty() {
        return Err(Error::invalid("person", "must not be empty"));
    }
    check_length("person", person, MAX_PERSON_CHARS)
}

/// A message: not blank, at most [`MAX_MESSAGE_CHARS`] characters.
pub fn check_message(message: &str) -> Result<()> {
    if message.trim().is_empty() {
        return Err(Error::invalid("message", "must not be empty"));
    }
    check_length("message", message, MAX_MESSAGE_CHARS)
}

fn check_length(field: &str, text: &str, max: usize) -> Result<()> {
    // Counting stops early so a huge text costs no more than max + 1 steps.
    if text.chars().nth(max).is_some() {
        let got = text.chars().count();
        return Err(Error::invalid(
            field,
            format!("must be at most {max} characters (got {got})"),
        ));
    }
    Ok(())
}

/// Dates are kept as `YYYY-MM-DD`, so the year must have four digits.
pub fn check_date(field: &str, date: NaiveDate) -> Result<()> {
    if !(1..=9999).contains(&date.year()) {
        return Err(Error::invalid(field, "the year must be between 1 and 9999"));
    }
    Ok(())
}

/// Tags: each non-empty, without whitespace, `,` or `;`, at most
/// [`MAX_TAG_CHARS`] characters. Exact repeats are dropped, first one kept.
pub fn check_tags(tags: Vec<String>) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        if tag.is_empty() {
            return Err(Error::invalid("tags", "a tag must not be empty"));
        }
        if tag
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';')
        {
            return Err(Error::invalid(
                "tags",
                format!("tag `{tag}` must not contain spaces, `,` or `;`"),
            ));
        }
        if tag.chars().nth(MAX_TAG_CHARS).is_some() {
            return Err(Error::invalid(
                "tags",
                format!("a tag must be at most {MAX_TAG_CHARS} characters"),
            ));
        }
        if !kept.contains(&tag) {
            kept.push(tag);
        }
    }
    Ok(kept)
}

/// Treats an empty or blank optional text as absent.
fn present(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// An email address: `something@something`, no spaces.
pub fn check_email(email: Option<String>) -> Result<Option<String>> {
    let Some(email) = present(email) else {
        return Ok(None);
    };
    let looks_right = match email.rsplit_once('@') {
        Some((local, domain)) => !local.is_empty() && !domain.is_empty(),
        None => false,
    };
    if !looks_right || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid(
            "email",
            format!("`{email}` does not look like an email address (name@example.org)"),
        ));
    }
    check_length("email", &email, MAX_EMAIL_CHARS)?;
    Ok(Some(email))
}

/// Schemes refused because a link with them runs code when clicked.
const UNSAFE_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// A link: `scheme:rest` without spaces (`https://…`, `mailto:…`); web
/// links need a host, and script-running schemes are refused.
pub fn check_link(link: Option<String>) -> Result<Option<String>> {
    let Some(link) = present(link) else {
        return Ok(None);
    };
    let bad = |why: &str| Err(Error::invalid("link", format!("`{link}` {why}")));
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("must not contain spaces");
    }
    let Some((scheme, rest)) = link.split_once(':') else {
        return bad("is not a link: it must start with a scheme such as https://");
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !scheme_ok || rest.is_empty() {
        return bad("is not a link: it must start with a scheme such as https://");
    }
    let scheme = scheme.to_ascii_lowercase();
    if UNSAFE_SCHEMES.contains(&scheme.as_str()) {
        return bad("uses a scheme that runs code; use an https:// link");
    }
    if (scheme == "http" || scheme == "https")
        && !matches!(rest.strip_prefix("//"), Some(host) if !host.is_empty())
    {
        return bad("is missing the host: write it like https://example.org/page");
    }
    check_length("link", &link, MAX_LINK_CHARS)?;
    Ok(Some(link))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: Error) -> String {
        match e {
            Error::InvalidInput { field, .. } => field,
            other => panic!("expected invalid input, got {other}"),
        }
    }

    fn new(person: &str, message: &str) -> NewEntry {
        NewEntry {
            direction: Some(Direction::Given),
            person: person.into(),
            message: message.into(),
            ..NewEntry::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn text_is_kept_byte_for_byte() {
        let d = Draft::check(new("  Zoë  ", " hi\tthere \r\n"), today()).unwrap();
        assert_eq!(d.person, "  Zoë  ");
        assert_eq!(d.message, " hi\tthere \r\n");
        assert_eq!(d.occurred_on, today());
    }

    #[test]
    fn direction_is_required() {
        let mut n = new("Zoë", "thanks");
        n.direction = None;
        assert_eq!(field_of(Draft::check(n, today()).unwrap_err()), "direction");
    }

    #[test]
    fn person_rules() {
        assert_eq!(field_of(check_person(" \t ").unwrap_err()), "person");
        assert!(check_person(&"é".repeat(200)).is_ok());
        assert_eq!(
            field_of(check_person(&"é".repeat(201)).unwrap_err()),
            "person"
        );
    }

    #[test]
    fn message_rules_count_characters_not_bytes() {
        assert_eq!(field_of(check_message("").unwrap_err()), "message");
        assert_eq!(
            field_of(check_message("\n \u{3000}").unwrap_err()),
            "message"
        );
        assert!(check_message(&"😀".repeat(MAX_MESSAGE_CHARS)).is_ok());
        let err = check_message(&"a".repeat(MAX_MESSAGE_CHARS + 1)).unwrap_err();
        assert!(err.to_string().contains("got 10001"), "{err}");
    }

    #[test]
    fn tags_are_checked_and_deduplicated_in_order() {
        let tags = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            check_tags(tags(&["b", "a", "b", "A"])).unwrap(),
            tags(&["b", "a", "A"])
        );
        for bad in ["", "a b", "a,b", "a;b", "a\tb"] {
            assert_eq!(field_of(check_tags(tags(&[bad])).unwrap_err()), "tags");
        }
        assert!(check_tags(tags(&[&"t".repeat(64)])).is_ok());
        assert!(check_tags(tags(&[&"t".repeat(65)])).is_err());
    }

    #[test]
    fn blank_email_and_link_mean_none() {
        assert_eq!(check_email(Some(" ".into())).unwrap(), None);
        assert_eq!(check_link(Some(String::new())).unwrap(), None);
        assert_eq!(check_link(None).unwrap(), None);
    }

    #[test]
    fn emails() {
        assert_eq!(
            check_email(Some("z@x.org".into())).unwrap().as_deref(),
            Some("z@x.org")
        );
        for bad in ["zx.org", "@x.org", "z@", "z @x.org"] {
            assert_eq!(
                field_of(check_email(Some(bad.into())).unwrap_err()),
                "email"
            );
        }
    }

    #[test]
    fn links_are_judged_leniently_but_not_blindly() {
        for good in [
            "https://example.org/pr/1?x=1#y",
            "http://localhost:8080",
            "mailto:z@x.org",
            "ftp://files.example.org",
            "HTTPS://EXAMPLE.ORG",
        ] {
            assert_eq!(
                check_link(Some(good.into())).unwrap().as_deref(),
                Some(good)
            );
        }
        for bad in [
            "example.org",
            "not a link",
            "https://",
            "https:example.org",
            "1http://x",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,hi",
            "https://x.org/a b",
        ] {
            assert_eq!(
                field_of(check_link(Some(bad.into())).unwrap_err()),
                "link",
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_need_four_digit_years() {
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert_eq!(
            field_of(check_date("occurred_on", far).unwrap_err()),
            "occurred_on"
        );
        assert!(check_date("occurred_on", today()).is_ok());
    }
}
