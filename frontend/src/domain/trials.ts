/** Pure rules about trials: leaderboard order, fold spread and the polling cursor. */
import type { Trial } from "../api/types";

/** Trial states after which a trial never changes again. */
const SETTLED_STATES = new Set(["complete", "failed", "timeout", "pruned", "cancelled"]);

function hasScore(trial: Trial): trial is Trial & { score: number } {
  return trial.state === "complete" && trial.score !== null && Number.isFinite(trial.score);
}

/**
 * Leaderboard order: scored trials best first (by the metric's direction, ties by number),
 * then every other trial (running, failed, ...) by number.
 */
export function sortForLeaderboard(trials: readonly Trial[], greaterIsBetter: boolean): Trial[] {
  const scored = trials.filter(hasScore);
  const unscored = trials.filter((trial) => !hasScore(trial));
  const sign = greaterIsBetter ? -1 : 1;
  scored.sort((a, b) => sign * (a.score - b.score) || a.number - b.number);
  unscored.sort((a, b) => a.number - b.number);
  return [...scored, ...unscored];
}

/**
 * Population standard deviation of the fold scores, or null with fewer than two folds or when
 * a fold has no score (a spread over the remaining folds would look better than it is).
 */
export function foldSpread(foldScores: readonly (number | null)[]): number | null {
  if (foldScores.length < 2) return null;
  const scores = foldScores.filter((x): x is number => x !== null);
  if (scores.length < foldScores.length) return null;
  const mean = scores.reduce((sum, x) => sum + x, 0) / scores.length;
  const variance = scores.reduce((sum, x) => sum + (x - mean) ** 2, 0) / scores.length;
  return Math.sqrt(variance);
}

/**
 * The `after` cursor for the next trials request: the highest number below which every trial
 * we hold is settled, so a trial first seen while running is fetched again once it finishes.
 * Undefined means "ask for all trials".
 */
export function trialCursor(trials: readonly Trial[]): number | undefined {
  if (trials.length === 0) return undefined;
  const unsettled = trials.filter((trial) => !SETTLED_STATES.has(trial.state));
  if (unsettled.length === 0) return Math.max(...trials.map((trial) => trial.number));
  const cursor = Math.min(...unsettled.map((trial) => trial.number)) - 1;
  return cursor >= 0 ? cursor : undefined;
}

/**
 * Add newly fetched trials to the ones already shown: a trial with a number we hold replaces
 * the old copy (its state may have moved on), new numbers are appended; the result is ordered
 * by number. Returns the same array when nothing changed so React can skip a render.
 */
export function mergeTrials(current: readonly Trial[], incoming: readonly Trial[]): Trial[] {
  if (incoming.length === 0) return current as Trial[];
  const byNumber = new Map(current.map((trial) => [trial.number, trial]));
  for (const trial of incoming) byNumber.set(trial.number, trial);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
