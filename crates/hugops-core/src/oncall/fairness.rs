//! How evenly the burden is shared (rule 8).

/// The Gini coefficient of `values`: 0 when all are equal (or all zero),
/// approaching 1 when one person carries everything.
pub fn gini(values: &[u32]) -> f64 {
    let n = values.len() as f64;
    let total: f64 = values.iter().map(|&v| f64::from(v)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    // Σ (2i - n - 1) x_i over the sorted values, i from 1, equals half the
    // sum of all pairwise differences.
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * f64::from(x))
        .sum();
    weighted / (n * total)
}

/// Each value's share of their sum (all zero when the sum is zero).
pub fn shares(values: &[u32]) -> Vec<f64> {
    let total: u64 = values.iter().map(|&v| u64::from(v)).sum();
    values
        .iter()
        .map(|&v| match total {
            0 => 0.0,
            t => f64::from(v) / t as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Gini by its definition: mean absolute difference over twice the mean.
    fn by_definition(v: &[u32]) -> f64 {
        let n = v.len() as f64;
        let diffs: f64 = v
            .iter()
            .flat_map(|&a| v.iter().map(move |&b| (f64::from(a) - f64::from(b)).abs()))
            .sum();
        let mean = v.iter().map(|&x| f64::from(x)).sum::<f64>() / n;
        diffs / (2.0 * n * n * mean)
    }

    #[test]
    fn gini_of_equal_shares_one_carrier_and_mixed() {
        assert_eq!(gini(&[3, 3, 3]), 0.0);
        assert_eq!(gini(&[0, 0]), 0.0);
        assert_eq!(gini(&[]), 0.0);
        assert!(close(gini(&[0, 0, 0, 4]), 0.75));
        for v in [&[1, 2, 3][..], &[9, 0, 4, 4, 1], &[7, 1]] {
            assert!(close(gini(v), by_definition(v)), "{v:?}");
        }
    }

    #[test]
    fn shares_sum_to_one_or_are_zero() {
        assert_eq!(shares(&[1, 3, 0]), [0.25, 0.75, 0.0]);
        assert_eq!(shares(&[0, 0]), [0.0, 0.0]);
    }
}
