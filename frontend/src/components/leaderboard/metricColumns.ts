/**
 * The leaderboard's extra metric columns: every metric the rows on the page carry besides the
 * chosen one, in the engine's order (trials stored before the other metrics were measured have
 * none, and show a dash).
 */
import type { LeaderboardPage } from "../../api/leaderboard";

/** The engine's metrics, in the order it lists them (automl_core/evaluation/metrics.py). */
export const METRIC_ORDER = ["roc_auc", "log_loss", "accuracy", "balanced_accuracy", "f1", "rmse", "mae", "r2"];

/** Metrics where a smaller value is better (the others: larger is better). */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(["log_loss", "rmse", "mae"]);

/** The metrics besides `chosen` that some row of the page (or the final model) has. */
export function otherMetrics(page: LeaderboardPage, chosen: string): string[] {
  const rows = page.ensemble ? [page.ensemble, ...page.results] : page.results;
  const present = new Set(rows.flatMap((row) => Object.keys(row.metrics)));
  present.delete(chosen);
  const known = METRIC_ORDER.filter((name) => present.has(name));
  const unknown = [...present].filter((name) => !METRIC_ORDER.includes(name)).sort();
  return [...known, ...unknown];
}
