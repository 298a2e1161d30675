#!/usr/bin/python3
"""Fits the call-nudge model of the thread checks: L2-regularised logistic regression.

Usage (from the repo root; needs numpy, e.g. Debian's python3-numpy):

    cargo run --release -p hugops-bench --bin thread-features tests/threads/corpus > target/features.csv
    /usr/bin/python3 scripts/fit_thread_model.py target/features.csv [--nested] [--write]

1. Leave-one-corpus-out cross-validation: for each lexicon size K of
   LEXICON_SIZES and L2 strength of GRID, pick K lexicon words from the four
   training corpora only (see `select_words`), fit on them and score the
   fifth corpus at threshold 0.5; prints accuracy, precision, recall, F1 and
   false-alarm rate per held-out corpus.
2. Picks the (K, L2) with the best mean accuracy on the held-out independent
   corpora (INDEPENDENT) among those with at most 10% false alarms there
   (ties go to fewer words, then the stronger penalty). With --nested, also
   an honest estimate of that whole procedure: each held-out corpus gets the
   (K, L2) chosen by cross-validation over the other four only.
3. Picks the words and fits on every thread with it; with --write,
   regenerates crates/hugops-core/src/threads/analysis/weights.rs. Prints
   the Markdown weights table of docs/threads.md.

Features are standardised for the fit (so one penalty suits counts and
shares alike); the weights are written back in the features' own units.
The fit is Newton's method (IRLS), deterministic to the last digit.
"""

import csv
import sys

import numpy as np

GRID = [3.0, 10.0, 30.0, 100.0, 300.0]
LEXICON_SIZES = [0, 20, 40, 60]  # at most 64: a message keeps its words as bits
# A candidate word must be in at least this many threads...
MIN_THREADS = 5
# ...and count at most this many messages per thread (its strength cap).
WORD_CAP = 3
INDEPENDENT = ["holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8"]
WEIGHTS_RS = "crates/hugops-core/src/threads/analysis/weights.rs"


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    names = rows[0][3:-1]
    corpus = np.array([r[0] for r in rows[1:]])
    y = np.array([float(r[2]) for r in rows[1:]])
    x = np.array([[float(v) for v in r[3:-1]] for r in rows[1:]])
    vocab = [
        {w: int(n) for w, n in (pair.split(":") for pair in r[-1].split())}
        for r in rows[1:]
    ]
    return names, corpus, x, y, vocab


def select_words(vocab, y, k):
    """The k words that best separate `call` from `fine` threads: by
    |log-odds ratio of appearing| (add-one smoothed) x sqrt(threads with the
    word), among words in at least MIN_THREADS threads; ties by spelling."""
    seen = {}
    for v, label in zip(vocab, y):
        for w in v:
            seen.setdefault(w, [0, 0])[int(label)] += 1
    calls = float(y.sum())
    fines = len(y) - calls
    ranked = []
    for w, (fine, call) in seen.items():
        if fine + call < MIN_THREADS:
            continue
        odds = np.log((call + 1) / (calls + 2)) - np.log((fine + 1) / (fines + 2))
        ranked.append((-round(abs(odds) * np.sqrt(fine + call), 9), w))
    return sorted(w for _, w in sorted(ranked)[:k])


def with_words(x, vocab, words):
    counts = [[min(v.get(w, 0), WORD_CAP) for w in words] for v in vocab]
    return np.hstack([x, np.array(counts, dtype=float).reshape(len(x), len(words))])


def fit(x, y, lam):
    """Returns (bias, weights) in raw feature units."""
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    penalty = np.eye(z.shape[1]) * lam
    penalty[0, 0] = 0.0
    beta = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ beta))
        grad = z.T @ (p - y) + penalty @ beta
        hess = z.T @ (z * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    w = beta[1:] / sd
    return beta[0] - w @ mean, w


def predict(model, x):
    bias, w = model
    return 1.0 / (1.0 + np.exp(-(bias + x @ w)))


def metrics(y, flagged):
    tp = int(((y == 1) & flagged).sum())
    fp = int(((y == 0) & flagged).sum())
    tn = int(((y == 0) & ~flagged).sum())
    fn = int(((y == 1) & ~flagged).sum())
    ratio = lambda a, b: a / b if b else 0.0
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall)
    return {
        "n": len(y),
        "accuracy": ratio(tp + tn, len(y)),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_alarms": ratio(fp, fp + tn),
    }


def cross_validate(corpus, x, y, vocab, k, lam):
    folds = {}
    for held in sorted(set(corpus)):
        train = corpus != held
        words = select_words([v for v, t in zip(vocab, train) if t], y[train], k)
        xw = with_words(x, vocab, words)
        model = fit(xw[train], y[train], lam)
        # The app rounds the score to two decimals before comparing.
        score = np.round(predict(model, xw[~train]), 2)
        folds[held] = metrics(y[~train], score >= 0.5)
    return folds


def choose(results, keys):
    """The (K, L2) with the best mean accuracy over the folds `keys` among
    those with at most 10% false alarms there; ties go to fewer words, then
    the stronger penalty."""
    configs = list(results)
    allowed = [c for c in configs if mean(results[c], keys, "false_alarms") <= 0.10]
    return max(
        allowed or configs,
        key=lambda c: (round(mean(results[c], keys, "accuracy"), 6), -c[0], c[1]),
    )


def nested(corpus, x, y, vocab, configs):
    """Nested estimate: each outer held-out corpus gets the (K, L2) chosen by
    leave-one-corpus-out over the other four alone."""
    folds = {}
    for held in sorted(set(corpus)):
        inner = corpus != held
        sub = [v for v, t in zip(vocab, inner) if t]
        results = {
            c: cross_validate(corpus[inner], x[inner], y[inner], sub, *c) for c in configs
        }
        k, lam = choose(results, list(results[configs[0]]))
        words = select_words(sub, y[inner], k)
        xw = with_words(x, vocab, words)
        model = fit(xw[inner], y[inner], lam)
        score = np.round(predict(model, xw[~inner]), 2)
        folds[held] = metrics(y[~inner], score >= 0.5)
        folds[held]["chosen"] = (k, lam)
    return folds


def mean(folds, keys, field):
    return sum(folds[k][field] for k in keys) / len(keys)


def table(folds):
    lines = [
        "| held-out corpus | threads | accuracy | precision | recall | F1 | false alarms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    fields = ["accuracy", "precision", "recall", "f1", "false_alarms"]
    for name, m in folds.items():
        lines.append(
            f"| {name} | {m['n']} | " + " | ".join(f"{m[k]:.3f}" for k in fields) + " |"
        )
    for label, keys in [("mean, independent", INDEPENDENT), ("mean, all five", list(folds))]:
        n = sum(folds[k]["n"] for k in keys)
        lines.append(
            f"| **{label}** | {n} | "
            + " | ".join(f"{mean(folds, keys, k):.3f}" for k in fields)
            + " |"
        )
    return "\n".join(lines)


def variant(name):
    """The `SignalKind` variant of feature `name`: `unanswered_question` ->
    `UnansweredQuestion`."""
    return "".join(part.capitalize() for part in name.split("_"))


def write_weights(names, lexicon, model, k, lam):
    bias, w = model
    arms = "\n".join(
        f"        SignalKind::{variant(n)} => {v:.4f}," for n, v in zip(names, w)
    )
    words = "".join(
        f'\n    LexiconWord::new("{word}", "word_{word}", {v:.4f}),'
        for word, v in zip(lexicon, w[len(names):])
    ) + ("\n" if lexicon else "")
    with open(WEIGHTS_RS, "w") as f:
        f.write(
            f"""//! GENERATED by `scripts/fit_thread_model.py --write` ({k} words, L2 strength {lam});
//! do not edit by hand. To regenerate, from the repo root:
//! `cargo run --release -p hugops-bench --bin thread-features tests/threads/corpus > target/features.csv`
//! then `/usr/bin/python3 scripts/fit_thread_model.py target/features.csv --write`.

use super::kind::{{LexiconWord, SignalKind}};

/// The log-odds of a thread whose features are all 0.
pub const BIAS: f64 = {bias:.4f};

/// The fitted weight of feature `kind`, per unit of its strength.
pub fn of(kind: SignalKind) -> f64 {{
    match kind {{
{arms}
        SignalKind::Word(word) => word.weight(),
    }}
}}

/// The lexicon words, sorted (at most 64: a message keeps them as bits), with
/// their fitted weights.
pub const LEXICON: [LexiconWord; {len(lexicon)}] = [{words}];

/// The position of `word` in [`LEXICON`].
pub fn lexicon_index(word: &str) -> Option<usize> {{
    LEXICON.binary_search_by(|w| w.word().cmp(word)).ok()
}}

/// True if `word` could be a lexicon word: only the letters a–z.
pub fn is_lexicon_word(word: &str) -> bool {{
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}}
"""
        )


def main():
    names, corpus, x, y, vocab = load(sys.argv[1])
    configs = [(k, lam) for k in LEXICON_SIZES for lam in GRID]
    results = {c: cross_validate(corpus, x, y, vocab, *c) for c in configs}
    print("words, L2 strength: mean accuracy / false alarms on the independent folds")
    for (k, lam), folds in results.items():
        print(
            f"  {k:>3}, {lam:>6}: {mean(folds, INDEPENDENT, 'accuracy'):.3f} / "
            f"{mean(folds, INDEPENDENT, 'false_alarms'):.3f}"
        )
    k, lam = choose(results, INDEPENDENT)
    print(f"\nchosen: {k} words, L2 strength {lam}\n")
    print(table(results[(k, lam)]))
    if "--nested" in sys.argv:
        folds = nested(corpus, x, y, vocab, configs)
        print("\nnested (each fold's K and L2 chosen without it):")
        print(table(folds))
        print("  chosen per fold: " + ", ".join(f"{h} {f['chosen']}" for h, f in folds.items()))
    lexicon = select_words(vocab, y, k)
    xw = with_words(x, vocab, lexicon)
    model = fit(xw, y, lam)
    print("\nin-sample (fitted on all):")
    for held in sorted(set(corpus)):
        part = corpus == held
        m = metrics(y[part], np.round(predict(model, xw[part]), 2) >= 0.5)
        print(
            f"  {held}: accuracy {m['accuracy']:.3f}, false alarms "
            f"{m['false_alarms']:.3f}, recall {m['recall']:.3f}"
        )
    print(f"\nbias {model[0]:+.3f}")
    print("| feature | weight |\n| --- | --- |")
    all_names = names + ["word_" + w for w in lexicon]
    for n, v in sorted(zip(all_names, model[1]), key=lambda t: -abs(t[1])):
        print(f"| `{n}` | {v:+.3f} |")
    if "--write" in sys.argv:
        write_weights(names, lexicon, model, k, lam)
        print(f"\nwrote {WEIGHTS_RS}")


if __name__ == "__main__":
    main()
