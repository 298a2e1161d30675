//! Gathering the messages of one channel into conversations (a thread, or the
//! loose messages of a day) and putting conversations in a fixed order.

use std::collections::{HashMap, HashSet};

use crate::threads::{Message, Thread};

/// Where a message sits in its channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    /// Its day (`YYYY-MM-DD`): messages outside any thread are grouped by it.
    pub day: String,
    /// Its own id in the channel (Slack's `ts`), if threads are possible.
    pub id: Option<String>,
    /// The id of the thread's parent, for a reply (Slack's `thread_ts`).
    pub thread: Option<String>,
}

/// Which conversation of a channel a message belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    /// A thread, by the id of its parent message.
    Thread(String),
    /// Messages outside any thread, by day.
    Day(String),
}

/// The messages of one channel, gathered before they are grouped (a thread's
/// parent may carry no `thread_ts`: it is known by its replies).
#[derive(Debug, Default)]
pub(super) struct Channel {
    messages: Vec<(Place, Message)>,
    parents: HashSet<String>,
}

impl Channel {
    pub fn push(&mut self, place: Place, message: Message) {
        if let Some(parent) = &place.thread {
            if !self.parents.contains(parent) {
                self.parents.insert(parent.clone());
            }
        }
        self.messages.push((place, message));
    }

    /// The conversations, each named `channel`, messages in time order,
    /// conversations in order of first appearance.
    pub fn finish(self, channel: Option<&str>) -> Vec<Thread> {
        let mut threads: Vec<Thread> = Vec::new();
        let mut index: HashMap<Part, usize> = HashMap::new();
        for (place, message) in self.messages {
            let part = match (place.thread, place.id) {
                (Some(parent), _) => Part::Thread(parent),
                (None, Some(id)) if self.parents.contains(&id) => Part::Thread(id),
                _ => Part::Day(place.day),
            };
            let i = *index.entry(part).or_insert_with(|| {
                threads.push(Thread {
                    channel: channel.map(str::to_owned),
                    messages: Vec::new(),
                });
                threads.len() - 1
            });
            threads[i].messages.push(message);
        }
        for thread in &mut threads {
            // Stable: messages sent in the same instant keep file order.
            thread.messages.sort_by_key(|m| m.ts);
        }
        threads
    }
}

/// Puts conversations in the order they are reported: by first timestamp
/// (unknown first), then channel; ties keep reading order.
pub(super) fn sort(threads: &mut [Thread]) {
    threads.sort_by(|a, b| {
        a.first_ts()
            .cmp(&b.first_ts())
            .then_with(|| a.channel.cmp(&b.channel))
    });
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn msg(secs: i64, text: &str) -> Message {
        Message {
            author: "A".into(),
            text: text.into(),
            ts: Utc.timestamp_opt(secs, 0).single(),
            link: None,
        }
    }

    fn place(day: &str, id: &str, thread: Option<&str>) -> Place {
        Place {
            day: day.into(),
            id: Some(id.into()),
            thread: thread.map(str::to_owned),
        }
    }

    #[test]
    fn parents_join_their_replies_and_the_rest_groups_by_day() {
        let mut ch = Channel::default();
        ch.push(place("d1", "30", None), msg(30, "c"));
        ch.push(place("d1", "20", Some("10")), msg(20, "b"));
        ch.push(place("d1", "5", None), msg(5, "a"));
        // The parent has no thread id of its own: its replies name it.
        ch.push(place("d1", "10", None), msg(10, "parent"));
        ch.push(place("d2", "40", Some("10")), msg(40, "next day reply"));
        ch.push(place("d2", "50", None), msg(50, "d"));
        let mut threads = ch.finish(Some("general"));
        sort(&mut threads);
        let texts: Vec<Vec<&str>> = threads
            .iter()
            .map(|t| t.messages.iter().map(|m| m.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["a", "c"],
                vec!["parent", "b", "next day reply"],
                vec!["d"]
            ]
        );
        assert!(threads
            .iter()
            .all(|t| t.channel.as_deref() == Some("general")));
    }

    #[test]
    fn equal_first_times_order_by_channel() {
        let thread = |ch: &str| Thread {
            channel: Some(ch.into()),
            messages: vec![msg(1, "x")],
        };
        let mut threads = vec![thread("b"), thread("a")];
        sort(&mut threads);
        assert_eq!(threads[0].channel.as_deref(), Some("a"));
    }
}
