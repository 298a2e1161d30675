//! Adding, reading, editing and deleting (with undo) journal entries.

use super::sql::{self, NewRow, COLUMNS};
use super::validate::Draft;
use super::{Entry, EntryPatch, Filter, NewEntry};
use crate::clock::Clock;
use crate::{Error, Result, Store};

fn not_found(id: i64) -> Error {
    Error::NotFound { what: "entry", id }
}

/// Validates and stores a new entry; returns it as stored.
pub fn add(store: &mut Store, new: NewEntry, clock: &dyn Clock) -> Result<Entry> {
    let draft = Draft::check(new, clock.today())?;
    let created_at = sql::format_created(clock.now());
    let row = NewRow {
        id: None,
        draft: &draft,
        created_at: &created_at,
    };
    let id = sql::insert_rows(store.conn(), &[row])?[0];
    get(store, id)
}

/// Validates and stores many entries in one transaction; returns their ids in
/// order. Nothing is written if any entry is invalid (the error message says
/// which one, counting from 0).
pub fn add_many(store: &mut Store, entries: Vec<NewEntry>, clock: &dyn Clock) -> Result<Vec<i64>> {
    let today = clock.today();
    let drafts = entries
        .into_iter()
        .enumerate()
        .map(|(i, new)| {
            Draft::check(new, today).map_err(|e| match e {
                Error::InvalidInput { field, message } => {
                    Error::invalid(field, format!("entry {i}: {message}"))
                }
                other => other,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let created_at = sql::format_created(clock.now());
    let rows: Vec<NewRow<'_>> = drafts
        .iter()
        .map(|draft| NewRow {
            id: None,
            draft,
            created_at: &created_at,
        })
        .collect();
    let tx = store.conn_mut().transaction()?;
    let ids = sql::insert_rows(&tx, &rows)?;
    tx.commit()?;
    Ok(ids)
}

/// The live (not deleted) entry with this id.
pub fn get(store: &Store, id: i64) -> Result<Entry> {
    sql::live_entry(store.conn(), id)?.ok_or_else(|| not_found(id))
}

/// Applies a partial update to a live entry; returns it as stored.
///
/// The merged entry must pass the same checks as a new one.
pub fn edit(store: &mut Store, id: i64, patch: EntryPatch, clock: &dyn Clock) -> Result<Entry> {
    let current = get(store, id)?;
    let merged = NewEntry {
        direction: Some(patch.direction.unwrap_or(current.direction)),
        person: patch.person.unwrap_or(current.person),
        email: patch.email.unwrap_or(current.email),
        message: patch.message.unwrap_or(current.message),
        tags: patch.tags.unwrap_or(current.tags),
        link: patch.link.unwrap_or(current.link),
        occurred_on: Some(patch.occurred_on.unwrap_or(current.occurred_on)),
    };
    let d = Draft::check(merged, current.occurred_on)?;
    let tags = serde_json::to_string(&d.tags).expect("a list of strings serialises");
    store.conn().execute(
        "UPDATE entries SET direction = ?1, person = ?2, email = ?3, message = ?4, tags = ?5, \
         link = ?6, occurred_on = ?7, updated_at = ?8 WHERE id = ?9 AND deleted_at IS NULL",
        rusqlite::params![
            d.direction.as_str(),
            d.person,
            d.email,
            d.message,
            tags,
            d.link,
            sql::format_date(d.occurred_on),
            sql::format_created(clock.now()),
            id
        ],
    )?;
    get(store, id)
}

/// Moves an entry to the trash; [`undo_delete`] brings it back. Returns the
/// entry as it was.
pub fn delete(store: &mut Store, id: i64, clock: &dyn Clock) -> Result<Entry> {
    let entry = get(store, id)?;
    store.conn().execute(
        "UPDATE entries SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
        rusqlite::params![sql::format_created(clock.now()), id],
    )?;
    Ok(entry)
}

/// Restores an entry removed by [`delete`]. Fails with `InvalidInput` if the
/// entry is not deleted, and `NotFound` if there is no such entry.
pub fn undo_delete(store: &mut Store, id: i64) -> Result<Entry> {
    let restored = store.conn().execute(
        "UPDATE entries SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
        [id],
    )?;
    if restored == 0 {
        return Err(match sql::live_entry(store.conn(), id)? {
            Some(_) => Error::invalid("id", format!("entry {id} is not deleted")),
            None => not_found(id),
        });
    }
    get(store, id)
}

/// Live entries matching `filter`, newest first (by date, then id).
pub fn list(store: &Store, filter: &Filter) -> Result<Vec<Entry>> {
    let mut params = Vec::new();
    let conditions = sql::filter_clause(store.conn(), filter, &mut params)?;
    let limit = sql::limit_clause(filter.limit, filter.offset, &mut params);
    // With a name or tag filter few rows match: scanning the table and
    // sorting them beats walking the whole date index with a lookup per row
    // (the `+` keeps SQLite from choosing the latter).
    let selective = filter.person_name().is_some() || filter.tag_name().is_some();
    let by_date = if selective {
        "+e.occurred_on"
    } else {
        "e.occurred_on"
    };
    let query = format!(
        "SELECT {COLUMNS} FROM entries e WHERE e.deleted_at IS NULL{conditions} \
         ORDER BY {by_date} DESC, e.id DESC{limit}"
    );
    sql::query_entries(store.conn(), &query, params)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::clock::FixedClock;
    use crate::journal::Direction;
    use crate::testing::date;

    /// The kit's clock with a fraction of a second, which timestamps drop.
    fn clock() -> FixedClock {
        FixedClock::at("2026-11-24T10:00:00.750Z")
    }

    fn entry(direction: Direction, person: &str, message: &str, on: &str) -> NewEntry {
        NewEntry {
            direction: Some(direction),
            person: person.into(),
            message: message.into(),
            occurred_on: Some(date(on)),
            ..NewEntry::default()
        }
    }

    fn ids(entries: &[Entry]) -> Vec<i64> {
        entries.iter().map(|e| e.id).collect()
    }

    #[test]
    fn add_stores_exactly_what_was_given() {
        let mut store = Store::open_in_memory().unwrap();
        let message = "  <img src=x onerror=alert(1)>\n\t\"quoted\" 🎉 مرحبا\r\n";
        let new = NewEntry {
            direction: Some(Direction::Received),
            person: " Zoë Okafor ".into(),
            email: Some("z@x.org".into()),
            message: message.into(),
            tags: vec!["ownership".into(), "ci".into(), "ownership".into()],
            link: Some("https://example.org/pr/1".into()),
            occurred_on: None,
        };
        let e = add(&mut store, new, &clock()).unwrap();
        assert_eq!(e.id, 1);
        assert_eq!(e.direction, Direction::Received);
        assert_eq!(e.person, " Zoë Okafor ");
        assert_eq!(e.message, message);
        assert_eq!(e.tags, vec!["ownership", "ci"]);
        assert_eq!(e.occurred_on, date("2026-11-24"));
        assert_eq!(
            crate::clock::format_instant(e.created_at),
            "2026-11-24T10:00:00Z"
        );
        assert_eq!(get(&store, 1).unwrap(), e);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["created_at"], "2026-11-24T10:00:00Z");
        assert_eq!(json["link"], "https://example.org/pr/1");
    }

    #[test]
    fn occurred_on_defaults_to_today_in_the_users_zone() {
        let mut store = Store::open_in_memory().unwrap();
        let tokyo = FixedClock::at("2026-11-24T23:30:00Z").with_tz(chrono_tz::Asia::Tokyo);
        let mut new = entry(Direction::Given, "Ana", "thanks", "2000-01-01");
        new.occurred_on = None;
        let e = add(&mut store, new, &tokyo).unwrap();
        assert_eq!(e.occurred_on, date("2026-11-25"));
    }

    #[test]
    fn invalid_input_names_the_field_and_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let err = add(
            &mut store,
            entry(Direction::Given, "Ana", " \n ", "2026-11-01"),
            &clock(),
        )
        .unwrap_err();
        assert!(matches!(&err, Error::InvalidInput { field, .. } if field == "message"));
        assert!(list(&store, &Filter::default()).unwrap().is_empty());
    }

    #[test]
    fn add_many_is_all_or_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let good = entry(Direction::Given, "Ana", "one", "2026-11-01");
        let bad = entry(Direction::Given, "", "two", "2026-11-01");
        let err = add_many(&mut store, vec![good.clone(), bad], &clock()).unwrap_err();
        assert!(err.to_string().contains("entry 1"), "{err}");
        assert!(list(&store, &Filter::default()).unwrap().is_empty());
        let ids = add_many(&mut store, vec![good.clone(), good], &clock()).unwrap();
        assert_eq!(ids, vec![1, 2]);
        assert_eq!(get(&store, 2).unwrap().message, "one");
    }

    #[test]
    fn add_many_returns_ids_in_order_across_batches() {
        let mut store = Store::open_in_memory().unwrap();
        add(
            &mut store,
            entry(Direction::Given, "First", "x", "2026-11-01"),
            &clock(),
        )
        .unwrap();
        let n = sql::INSERT_BATCH * 2 + 7;
        let batch = (0..n)
            .map(|i| entry(Direction::Received, "Ana", &format!("m{i}"), "2026-11-02"))
            .collect();
        let ids = add_many(&mut store, batch, &clock()).unwrap();
        assert_eq!(ids.len(), n);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(get(&store, *id).unwrap().message, format!("m{i}"));
        }
        assert_eq!(ids[0], 2);
        assert!(add_many(&mut store, Vec::new(), &clock())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn edit_changes_only_what_the_patch_names() {
        let mut store = Store::open_in_memory().unwrap();
        let mut new = entry(Direction::Given, "Ana", "thanks", "2026-11-01");
        new.email = Some("a@x.org".into());
        new.link = Some("https://x.org".into());
        add(&mut store, new, &clock()).unwrap();
        let patch = EntryPatch {
            message: Some("thanks again".into()),
            email: Some(None),
            tags: Some(vec!["docs".into()]),
            ..EntryPatch::default()
        };
        let e = edit(&mut store, 1, patch, &clock()).unwrap();
        assert_eq!(e.message, "thanks again");
        assert_eq!(e.email, None);
        assert_eq!(e.link.as_deref(), Some("https://x.org"));
        assert_eq!(e.person, "Ana");
        assert_eq!(e.tags, vec!["docs"]);
        assert_eq!(e.occurred_on, date("2026-11-01"));
        let bad = EntryPatch {
            person: Some(" ".into()),
            ..EntryPatch::default()
        };
        assert!(matches!(
            edit(&mut store, 1, bad, &clock()),
            Err(Error::InvalidInput { field, .. }) if field == "person"
        ));
        assert_eq!(get(&store, 1).unwrap().person, "Ana");
        assert!(matches!(
            edit(&mut store, 9, EntryPatch::default(), &clock()),
            Err(Error::NotFound { id: 9, .. })
        ));
    }

    #[test]
    fn delete_and_undo() {
        let mut store = Store::open_in_memory().unwrap();
        add(
            &mut store,
            entry(Direction::Given, "Ana", "x", "2026-11-01"),
            &clock(),
        )
        .unwrap();
        let not_deleted = undo_delete(&mut store, 1).unwrap_err();
        assert!(
            matches!(&not_deleted, Error::InvalidInput { field, .. } if field == "id"),
            "{not_deleted:?}"
        );
        assert_eq!(not_deleted.to_string(), "id: entry 1 is not deleted");
        let gone = delete(&mut store, 1, &clock()).unwrap();
        assert_eq!(gone.person, "Ana");
        assert!(matches!(get(&store, 1), Err(Error::NotFound { id: 1, .. })));
        assert!(matches!(
            delete(&mut store, 1, &clock()),
            Err(Error::NotFound { .. })
        ));
        assert!(matches!(
            edit(&mut store, 1, EntryPatch::default(), &clock()),
            Err(Error::NotFound { .. })
        ));
        assert!(list(&store, &Filter::default()).unwrap().is_empty());
        assert_eq!(undo_delete(&mut store, 1).unwrap(), gone);
        assert!(matches!(
            undo_delete(&mut store, 1),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            undo_delete(&mut store, 42),
            Err(Error::NotFound { id: 42, .. })
        ));
        assert!(matches!(
            delete(&mut store, 42, &clock()),
            Err(Error::NotFound { id: 42, .. })
        ));
    }

    fn sample(store: &mut Store) {
        let rows = [
            entry(Direction::Given, "Zoë Okafor", "a", "2026-11-02"),
            entry(Direction::Received, "ZOË OKAFOR", "b", "2026-11-03"),
            entry(Direction::Given, "Ana", "c", "2026-11-03"),
            entry(Direction::Received, "Ana", "d", "2026-10-30"),
        ];
        add_many(store, rows.to_vec(), &clock()).unwrap();
        let tag = |tags: &[&str]| EntryPatch {
            tags: Some(tags.iter().map(|t| t.to_string()).collect()),
            ..EntryPatch::default()
        };
        edit(store, 1, tag(&["Ownership", "ci"]), &clock()).unwrap();
        edit(store, 4, tag(&["#ownership"]), &clock()).unwrap();
    }

    #[test]
    fn list_orders_newest_first_then_by_id() {
        let mut store = Store::open_in_memory().unwrap();
        sample(&mut store);
        assert_eq!(
            ids(&list(&store, &Filter::default()).unwrap()),
            vec![3, 2, 1, 4]
        );
    }

    #[test]
    fn list_filters_narrow_the_result() {
        let mut store = Store::open_in_memory().unwrap();
        sample(&mut store);
        let by = |f: Filter| ids(&list(&store, &f).unwrap());
        assert_eq!(
            by(Filter {
                direction: Some(Direction::Received),
                ..Filter::default()
            }),
            vec![2, 4]
        );
        assert_eq!(
            by(Filter {
                person: Some("zoë okafor".into()),
                ..Filter::default()
            }),
            vec![2, 1]
        );
        assert_eq!(
            by(Filter {
                person: Some("Zoë".into()),
                ..Filter::default()
            }),
            Vec::<i64>::new()
        );
        assert_eq!(
            by(Filter {
                tag: Some("OWNERSHIP".into()),
                ..Filter::default()
            }),
            vec![1]
        );
        assert_eq!(
            by(Filter {
                tag: Some("#ownership".into()),
                ..Filter::default()
            }),
            vec![4]
        );
        assert_eq!(
            by(Filter {
                from: Some(date("2026-11-02")),
                to: Some(date("2026-11-02")),
                ..Filter::default()
            }),
            vec![1]
        );
        assert_eq!(
            by(Filter {
                limit: Some(2),
                offset: 1,
                ..Filter::default()
            }),
            vec![2, 1]
        );
        assert_eq!(
            by(Filter {
                direction: Some(Direction::Given),
                person: Some("ana".into()),
                ..Filter::default()
            }),
            vec![3]
        );
    }
}
