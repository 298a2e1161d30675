//! Slack's `blocks` rich text, written back as the message markup that
//! [`decode`](super::super::slack_markup::decode) reads, so mentions, links
//! and emoji come out exactly as in `text`.
//!
//! Only `rich_text` blocks count; each `rich_text_section`, `_quote` and
//! `_preformatted` is a line, each item of a `rich_text_list` too. Inside:
//! `text` (escaped), `link` (`<url|text>`), `user` (`<@U1>`), `channel`
//! (`<#C1>`), `usergroup` (`<!subteam^S1>`), `broadcast` (`<!here>`),
//! `emoji` (`:name:`, with its skin tone); unknown elements are skipped.

use serde::Deserialize;

/// One block or element of a message's `blocks`, with the fields any of
/// them may carry.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Element {
    #[serde(rename = "type", default)]
    kind: String,
    text: Option<String>,
    url: Option<String>,
    user_id: Option<String>,
    channel_id: Option<String>,
    usergroup_id: Option<String>,
    range: Option<String>,
    name: Option<String>,
    skin_tone: Option<u8>,
    elements: Option<Vec<Element>>,
}

/// The markup of every `rich_text` block, lines joined by `\n`.
pub(super) fn to_markup(blocks: &[Element]) -> String {
    let mut lines = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == "rich_text") {
        containers(block.elements.as_deref().unwrap_or_default(), &mut lines);
    }
    lines.join("\n")
}

fn containers(elements: &[Element], lines: &mut Vec<String>) {
    for element in elements {
        let children = element.elements.as_deref().unwrap_or_default();
        match element.kind.as_str() {
            "rich_text_list" => containers(children, lines),
            _ => {
                let mut line = String::new();
                for child in children {
                    inline(child, &mut line);
                }
                lines.push(line);
            }
        }
    }
}

fn inline(e: &Element, out: &mut String) {
    let text = e.text.as_deref();
    match e.kind.as_str() {
        "text" => escape(text.unwrap_or_default(), out),
        "link" => {
            out.push('<');
            out.push_str(e.url.as_deref().unwrap_or_default());
            if let Some(label) = text.filter(|t| !t.is_empty()) {
                out.push('|');
                escape(label, out);
            }
            out.push('>');
        }
        "user" => wrap("@", e.user_id.as_deref(), out),
        "channel" => wrap("#", e.channel_id.as_deref(), out),
        "usergroup" => wrap("!subteam^", e.usergroup_id.as_deref(), out),
        "broadcast" => wrap("!", e.range.as_deref(), out),
        "emoji" => {
            if let Some(name) = &e.name {
                out.push_str(&format!(":{name}:"));
                if let Some(tone) = e.skin_tone {
                    out.push_str(&format!(":skin-tone-{tone}:"));
                }
            }
        }
        _ => {}
    }
}

/// `<{sigil}{id}>`, when there is an id.
fn wrap(sigil: &str, id: Option<&str>, out: &mut String) {
    if let Some(id) = id {
        out.push_str(&format!("<{sigil}{id}>"));
    }
}

/// Text as Slack writes it in markup: `&`, `<` and `>` escaped.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}
