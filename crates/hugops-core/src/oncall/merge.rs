//! Merging spans of time that overlap or touch.

use crate::clock::Interval;

/// The spans sorted, those that overlap or touch joined into one.
pub fn merge(mut spans: Vec<Interval>) -> Vec<Interval> {
    spans.sort_unstable();
    let mut out: Vec<Interval> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::testing::span;

    #[test]
    fn joins_overlapping_and_touching_keeps_gaps() {
        let merged = merge(vec![
            span("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z"),
            span("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"),
            span("2026-03-02T00:00:00Z", "2026-03-02T06:00:00Z"),
            span("2026-03-01T10:00:00Z", "2026-03-01T12:00:00Z"),
            span("2026-03-04T00:00:01Z", "2026-03-05T00:00:00Z"),
        ]);
        assert_eq!(
            merged,
            [
                span("2026-03-01T00:00:00Z", "2026-03-02T06:00:00Z"),
                span("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z"),
                span("2026-03-04T00:00:01Z", "2026-03-05T00:00:00Z"),
            ]
        );
    }
}
