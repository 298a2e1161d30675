//! Writes the feasible score matrix of a buddy-matching problem for the
//! scipy comparison of bench/match.
//!
//! Usage: `match-scores ROSTER.csv YYYY-MM-DD OUT [HISTORY.csv]`
//!
//! Reads the roster and history with the library, exactly as `hugops match`
//! does (default joiner window and tenure), and writes:
//! - `OUT.f64`: a raw little-endian float64 matrix, joiners × possible
//!   buddies in row-major order, holding each feasible pair's score (rounded
//!   to 4 decimals, the values `hugops match` optimises) and NaN for every
//!   infeasible pair; `numpy.fromfile(path, "<f8").reshape(shape)` reads it;
//! - `OUT.json`: `{"shape": [joiners, buddies], "feasible_pairs": n,
//!   "joiners": [emails], "buddies": [emails], "capacities": [numbers]}`.
//!
//! (The `--candidates` JSON of `hugops match` would list the same pairs, but
//! at some 19 million pairs it is too big to be the exchange format.)

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use hugops_core::matching::{score_feasible_pairs, MatchOptions};
use hugops_core::roster::{read_history, read_roster};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("match-scores: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let [roster, today, out, rest @ ..] = args else {
        return Err("usage: match-scores ROSTER.csv YYYY-MM-DD OUT [HISTORY.csv]".into());
    };
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d")
        .map_err(|e| format!("`{today}` is not a date: {e}"))?;
    let people = read_roster(Path::new(roster)).map_err(|e| e.to_string())?;
    let history = match rest {
        [] => Vec::new(),
        [path] => read_history(Path::new(path)).map_err(|e| e.to_string())?,
        _ => return Err("too many arguments".into()),
    };

    let mut pairs = Vec::new();
    let table = score_feasible_pairs(&people, &history, &MatchOptions::new(today), |j, b, s| {
        pairs.push((j, b, s))
    });
    let (rows, cols) = (table.joiners.len(), table.buddies.len());
    let mut matrix = vec![f64::NAN; rows * cols];
    let feasible = pairs.len();
    for (j, b, score) in pairs {
        matrix[j * cols + b] = score;
    }

    let path = with_extension(out, "f64");
    let mut file = File::create(&path)
        .map(BufWriter::new)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for x in &matrix {
        file.write_all(&x.to_le_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    file.flush()
        .map_err(|e| format!("{}: {e}", path.display()))?;

    let meta = serde_json::json!({
        "shape": [rows, cols],
        "feasible_pairs": feasible,
        "joiners": table.joiners,
        "buddies": table.buddies,
        "capacities": table.capacities,
    });
    let path = with_extension(out, "json");
    std::fs::write(&path, meta.to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

fn with_extension(out: &str, ext: &str) -> PathBuf {
    PathBuf::from(format!("{out}.{ext}"))
}
