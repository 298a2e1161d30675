//! Slack's message markup turned into what a person sees: `<@U123>` →
//! `@Name`, `<#C1|general>` → `#general`, `<!here>` → `@here`,
//! `<url|label>` → `label`, `<url>` → `url`, `&amp;` `&lt;` `&gt;` →
//! `& < >`, and `:shortcode:` → the emoji (unknown shortcodes stay as written).

use std::collections::HashMap;

use emojis::SkinTone;

/// User and channel names by id, from an export's `users.json` and
/// channel lists.
#[derive(Debug, Default)]
pub(super) struct Directory {
    pub users: HashMap<String, String>,
    pub channels: HashMap<String, String>,
}

/// What mentions resolve to: the export's directory, then the names learned
/// from messages' own profiles.
#[derive(Debug)]
pub(super) struct Names<'a> {
    pub directory: &'a Directory,
    pub learned: HashMap<String, String>,
}

impl<'a> Names<'a> {
    pub fn new(directory: &'a Directory) -> Self {
        Names {
            directory,
            learned: HashMap::new(),
        }
    }

    /// The name of user `id`, if known.
    pub fn user(&self, id: &str) -> Option<&str> {
        self.directory
            .users
            .get(id)
            .or_else(|| self.learned.get(id))
            .map(String::as_str)
    }

    fn channel(&self, id: &str) -> Option<&str> {
        self.directory.channels.get(id).map(String::as_str)
    }
}

/// Decodes Slack markup in `raw` (see the module doc).
pub(super) fn decode(raw: &str, names: &Names<'_>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        plain(&rest[..open], &mut out);
        let after = &rest[open + 1..];
        match after.find('>') {
            Some(close) => {
                markup(&after[..close], names, &mut out);
                rest = &after[close + 1..];
            }
            None => {
                // A stray `<` (Slack escapes it, but hand-made files may not).
                out.push('<');
                rest = after;
            }
        }
    }
    plain(rest, &mut out);
    out
}

/// One `<…>` element, without its brackets.
fn markup(inner: &str, names: &Names<'_>, out: &mut String) {
    let (target, label) = match inner.split_once('|') {
        Some((t, l)) => (t, Some(l)),
        None => (inner, None),
    };
    let label = label.filter(|l| !l.is_empty());
    if let Some(id) = target.strip_prefix('@') {
        out.push('@');
        match names.user(id) {
            Some(name) => out.push_str(name),
            None => plain(label.map_or(id, |l| l.trim_start_matches('@')), out),
        }
    } else if let Some(id) = target.strip_prefix('#') {
        out.push('#');
        match (label, names.channel(id)) {
            (Some(label), _) => plain(label, out),
            (None, Some(name)) => out.push_str(name),
            (None, None) => out.push_str(id),
        }
    } else if let Some(special) = target.strip_prefix('!') {
        // `<!here>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`.
        match label {
            Some(label) => plain(label, out),
            None => {
                out.push('@');
                out.push_str(special.split('^').next().unwrap_or(special));
            }
        }
    } else {
        match label {
            Some(label) => plain(label, out),
            None => entities(target, out),
        }
    }
}

/// Emoji shortcodes decoded in text that has no other markup (Discord's).
pub(super) fn decode_shortcodes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    shortcodes(text, &mut out, |literal, out| out.push_str(literal));
    out
}

/// Text outside `<…>`: entities and emoji shortcodes.
fn plain(text: &str, out: &mut String) {
    shortcodes(text, out, entities);
}

/// Writes `text` with its `:shortcode:`s turned into emoji, and the rest
/// through `literal`.
fn shortcodes(text: &str, out: &mut String, literal: fn(&str, &mut String)) {
    if !text.contains(':') {
        return literal(text, out);
    }
    let mut rest = text;
    // The emoji just written, so a following `:skin-tone-N:` can apply to it.
    let mut last_emoji: Option<&'static emojis::Emoji> = None;
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let end = after.find(|c: char| !is_shortcode_char(c));
        let code = match end {
            Some(end) if end > 0 && after[end..].starts_with(':') => &after[..end],
            _ => {
                literal(&rest[..=start], out);
                rest = after;
                last_emoji = None;
                continue;
            }
        };
        literal(&rest[..start], out);
        if !rest[..start].is_empty() {
            last_emoji = None;
        }
        let next = &after[code.len() + 1..];
        if let (Some(tone), Some(emoji)) = (skin_tone(code), last_emoji) {
            if let Some(toned) = emoji.with_skin_tone(tone) {
                out.truncate(out.len() - emoji.as_str().len());
                out.push_str(toned.as_str());
            }
            last_emoji = None;
            rest = next;
        } else if let Some(emoji) = emojis::get_by_shortcode(code) {
            out.push_str(emoji.as_str());
            last_emoji = Some(emoji);
            rest = next;
        } else {
            // Unknown: keep `:code` and look again from the closing colon.
            out.push(':');
            out.push_str(code);
            last_emoji = None;
            rest = &after[code.len()..];
        }
    }
    literal(rest, out);
}

fn is_shortcode_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')
}

/// Slack's `:skin-tone-2:` … `:skin-tone-6:` modifiers.
fn skin_tone(code: &str) -> Option<SkinTone> {
    match code.strip_prefix("skin-tone-")? {
        "2" => Some(SkinTone::Light),
        "3" => Some(SkinTone::MediumLight),
        "4" => Some(SkinTone::Medium),
        "5" => Some(SkinTone::MediumDark),
        "6" => Some(SkinTone::Dark),
        _ => None,
    }
}

/// The three entities Slack escapes: `&amp;`, `&lt;`, `&gt;` (one pass, so
/// `&amp;lt;` becomes `&lt;`).
fn entities(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let (decoded, len) = if after.starts_with("&amp;") {
            ('&', 5)
        } else if after.starts_with("&lt;") {
            ('<', 4)
        } else if after.starts_with("&gt;") {
            ('>', 4)
        } else {
            ('&', 1)
        };
        out.push(decoded);
        rest = &after[len..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str) -> String {
        let mut directory = Directory::default();
        directory.users.insert("U1".into(), "Amara Okafor".into());
        directory.channels.insert("C9".into(), "release".into());
        let mut names = Names::new(&directory);
        names.learned.insert("U5".into(), "Learned Name".into());
        names.learned.insert("U1".into(), "Not This One".into());
        decode(raw, &names)
    }

    #[test]
    fn mentions_use_names_then_labels_then_ids() {
        assert_eq!(d("<@U1> ping"), "@Amara Okafor ping");
        assert_eq!(d("<@U1|amara>"), "@Amara Okafor");
        assert_eq!(d("<@U2|jonas> hi"), "@jonas hi");
        assert_eq!(d("cc <@U3>"), "cc @U3");
        assert_eq!(d("<@U5>"), "@Learned Name");
    }

    #[test]
    fn channels_and_specials() {
        assert_eq!(d("see <#C1|general>"), "see #general");
        assert_eq!(d("see <#C9>"), "see #release");
        assert_eq!(d("<#C7>"), "#C7");
        assert_eq!(
            d("<!here> <!channel> <!everyone>"),
            "@here @channel @everyone"
        );
        assert_eq!(d("<!subteam^S1|@oncall> look"), "@oncall look");
        assert_eq!(d("<!date^1392734382^{date}|Feb 18>"), "Feb 18");
    }

    #[test]
    fn links_keep_label_or_url() {
        assert_eq!(
            d("<https://wiki.example.org/r|release doc> ok"),
            "release doc ok"
        );
        assert_eq!(
            d("<https://x.org/a?b=1&amp;c=2>"),
            "https://x.org/a?b=1&c=2"
        );
        assert_eq!(d("<mailto:a@b.org|a@b.org>"), "a@b.org");
    }

    #[test]
    fn entities_decode_once() {
        assert_eq!(
            d("a &amp; b &lt;c&gt; &amp;lt; &nbsp; &"),
            "a & b <c> &lt; &nbsp; &"
        );
        assert_eq!(d("1 < 2 and no close"), "1 < 2 and no close");
    }

    #[test]
    fn emoji_shortcodes() {
        assert_eq!(d("I read it :sweat_smile:"), "I read it 😅");
        assert_eq!(d(":tada::rocket:"), "🎉🚀");
        assert_eq!(d(":+1: :thumbsup:"), "👍 👍");
        assert_eq!(d(":wave::skin-tone-3:"), "👋🏼");
        assert_eq!(d(":not_an_emoji: stays"), ":not_an_emoji: stays");
        assert_eq!(d("at 10:30: :smile:"), "at 10:30: 😄");
        assert_eq!(d("ratio 3:4:5::6"), "ratio 3:4:5::6");
        assert_eq!(d(":skin-tone-2: alone"), ":skin-tone-2: alone");
    }

    #[test]
    fn shortcodes_alone_leave_brackets_and_entities() {
        assert_eq!(
            decode_shortcodes("a<b &amp; c>d :tada:"),
            "a<b &amp; c>d 🎉"
        );
    }

    #[test]
    fn any_input_decodes_without_panicking() {
        for raw in [
            "<", ">", "<|>", "<@>", "<#|>", "<!>", ":", "::", "&", "&am", "<@U1|", "é:é:é",
        ] {
            let _ = d(raw);
        }
    }
}
