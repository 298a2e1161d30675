//! Writes the feature table the call-nudge model is fitted on.
//!
//! Usage: `thread-features CORPUS_ROOT > features.csv`
//!
//! Every transcript under `CORPUS_ROOT/<corpus>/<call|fine>/` becomes one
//! row: `corpus,path,label,<feature>...,vocabulary`, with `label` 1 for
//! `call`, the strengths of `hugops_core::threads::analysis::FEATURES`, read
//! exactly as `hugops thread check` reads them, and the lexicon candidates
//! as `word:messages` pairs separated by spaces. `scripts/fit_thread_model.py` fits and
//! cross-validates the weights from it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hugops_core::threads::analysis::{feature_values, vocabulary, FEATURES};
use hugops_core::threads::parse::text::parse_transcript;

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: thread-features CORPUS_ROOT");
        return ExitCode::from(2);
    };
    match run(Path::new(&root)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("thread-features: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "corpus,path,label,{},vocabulary",
        FEATURES.map(|k| k.as_str()).join(",")
    )?;
    for corpus in sorted(root)? {
        for (label, value) in [("call", 1), ("fine", 0)] {
            let dir = corpus.join(label);
            if !dir.is_dir() {
                continue;
            }
            for path in sorted(&dir)? {
                let text = std::fs::read_to_string(&path)?;
                let thread = parse_transcript(&path, &text)?;
                let values: Vec<String> = feature_values(&thread)
                    .iter()
                    .map(|v| format!("{v:.6}"))
                    .collect();
                let words: Vec<String> = vocabulary(&thread)
                    .iter()
                    .map(|(w, n)| format!("{w}:{n}"))
                    .collect();
                let name = corpus.file_name().and_then(|n| n.to_str()).unwrap_or("");
                writeln!(
                    out,
                    "{name},{},{value},{},{}",
                    path.display(),
                    values.join(","),
                    words.join(" ")
                )?;
            }
        }
    }
    Ok(())
}

/// The entries of `dir`, sorted by path.
fn sorted(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}
