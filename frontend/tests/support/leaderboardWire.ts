/** Wire JSON of the leaderboard endpoint for tests: one row, and one page of rows. */

export function wireLeaderboardRow(number: number, overrides: Record<string, unknown> = {}) {
  return {
    kind: "trial",
    number,
    state: "complete",
    algorithm: "lightgbm",
    params: { num_leaves: 31 },
    score: 0.9,
    metrics: { roc_auc: 0.9 },
    fold_mean: 0.9,
    fold_std: 0.01,
    n_folds: 3,
    fit_time_s: 1.5,
    predict_time_per_1000_s: 0.02,
    model_size_bytes: null,
    is_best: false,
    tied_with_best: true,
    error: "",
    ...overrides,
  };
}

export function wireLeaderboardPage(results: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    count: results.length,
    page: 1,
    page_size: 50,
    num_pages: 1,
    metric: "roc_auc",
    greater_is_better: true,
    sort: "score",
    descending: true,
    best_number: null,
    ensemble: null,
    algorithms: ["lightgbm", "random_forest"],
    results,
    ...overrides,
  };
}
