//! Stable meeting identifiers: the same meeting exported twice keeps its
//! `UID`, so calendars update it instead of adding a copy.

use sha2::{Digest, Sha256};

/// `<32 hex digits>@hugops`: the first 128 bits of SHA-256 over the parts,
/// each followed by a NUL byte (so `("ab", "c")` and `("a", "bc")` differ).
pub(crate) fn stable_uid(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    let digest = hash.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}@hugops")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_parts_same_uid_and_boundaries_matter() {
        let a = stable_uid(&["checkin", "a@x.org", "b@y.org", "2"]);
        assert_eq!(a, stable_uid(&["checkin", "a@x.org", "b@y.org", "2"]));
        assert_ne!(a, stable_uid(&["checkin", "a@x.org", "b@y.org", "3"]));
        assert_ne!(
            stable_uid(&["ab", "c"]),
            stable_uid(&["a", "bc"]),
            "part boundaries are part of the hash"
        );
        assert!(a.ends_with("@hugops"));
        assert_eq!(a.len(), 32 + "@hugops".len());
    }
}
