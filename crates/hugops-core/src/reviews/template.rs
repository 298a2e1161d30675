//! The skeleton of a blameless review, for `hugops review new`.

/// A Markdown draft with the sections of a blameless review; it lints clean.
pub const TEMPLATE: &str = "\
# Post-incident review: <title>

Date: <YYYY-MM-DD>
Facilitator: <name>
Responders: <names>

## Summary

<What happened, in two or three sentences, told from the system's side.>

## Impact

- <Who was affected, for how long, and how much>

## Timeline

- <HH:MM> <What was seen and done, and what the tools showed at the time>

## Contributing factors

- <A condition that made the incident possible or worse: defaults, alerts, runbooks, load, fatigue>

## What went well

- <What helped: a signal, a tool, a colleague's help>

## What went wrong

- <Where the system, the process or the information let people down>

## Where we got lucky

- <What limited the damage by chance rather than by design>

## Action items

- <A change to the system, with an owner and a date> (owner: <name>)

## People to thank

- <name>, for <what they did>
";

/// Writes [`TEMPLATE`] to `path` atomically.
pub fn write_template(path: &std::path::Path) -> crate::Result<()> {
    crate::fs::write_atomically(path, |w| {
        w.write_all(TEMPLATE.as_bytes())
            .map_err(|e| crate::Error::io(path, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_lints_clean_and_has_every_section() {
        assert!(crate::reviews::lint(TEMPLATE).findings.is_empty());
        for section in [
            "Summary",
            "Impact",
            "Timeline",
            "Contributing factors",
            "What went well",
            "What went wrong",
            "Where we got lucky",
            "Action items",
            "People to thank",
        ] {
            assert!(TEMPLATE.contains(&format!("## {section}\n")), "{section}");
        }
    }
}
