/**
 * The threshold picker's logic: the server's threshold table (thresholds 0.01 to 0.99, one row
 * each, numbers as display strings) read back into numbers, and lookups on it. Pure functions,
 * so the picker needs no request when the slider moves.
 */
import type { ChartTable } from "../charts/ChartCard";

export interface ThresholdRow {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Share of rows predicted positive at this threshold. */
  share: number;
}

export const DEFAULT_THRESHOLD = 0.5;
export const MIN_THRESHOLD = 0.01;
export const MAX_THRESHOLD = 0.99;
export const THRESHOLD_STEP = 0.01;

/** Columns of the server's table, in order (their headers are translated, positions are not). */
const FIELDS = ["threshold", "precision", "recall", "f1", "accuracy", "share"] as const;

/** The table's rows as numbers, sorted by threshold; rows with a missing value are dropped. */
export function parseThresholdTable(table: ChartTable): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  for (const cells of table.rows) {
    const values = FIELDS.map((_, index) => Number(cells[index] ?? Number.NaN));
    if (cells.length < FIELDS.length || values.some((value) => !Number.isFinite(value))) continue;
    const [threshold, precision, recall, f1, accuracy, share] = values as [
      number, number, number, number, number, number,
    ];
    rows.push({ threshold, precision, recall, f1, accuracy, share });
  }
  return rows.sort((a, b) => a.threshold - b.threshold);
}

/** The row whose threshold is closest to `threshold` (the lower one on a tie), or null. */
export function rowAt(rows: readonly ThresholdRow[], threshold: number): ThresholdRow | null {
  let best: ThresholdRow | null = null;
  for (const row of rows) {
    if (best === null || Math.abs(row.threshold - threshold) < Math.abs(best.threshold - threshold) - 1e-9) {
      best = row;
    }
  }
  return best;
}

/** The row with the highest F1 (the lowest threshold among equals), or null for no rows. */
export function bestF1(rows: readonly ThresholdRow[]): ThresholdRow | null {
  let best: ThresholdRow | null = null;
  for (const row of rows) if (best === null || row.f1 > best.f1) best = row;
  return best;
}

/** A slider value kept inside the table's range and on its 0.01 grid. */
export function clampThreshold(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_THRESHOLD;
  const stepped = Math.round(value / THRESHOLD_STEP) * THRESHOLD_STEP;
  return Number(Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, stepped)).toFixed(2));
}
