/**
 * A decision-threshold explorer for binary models: a slider over the server's threshold table
 * shows precision, recall, F1, accuracy and the share of rows flagged at that threshold, with
 * one sentence on what the numbers mean and one on the trade-off. Runs entirely client-side.
 */
import { useId, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { ChartTable } from "../charts/ChartCard";
import {
  DEFAULT_THRESHOLD,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  THRESHOLD_STEP,
  bestF1,
  clampThreshold,
  parseThresholdTable,
  rowAt,
} from "./thresholds";

export interface ThresholdPickerProps {
  table: ChartTable;
  /** The positive class (the second class label). */
  positive: string;
}

export function ThresholdPicker({ table, positive }: ThresholdPickerProps) {
  const { t, number } = useI18n();
  const sliderId = useId();
  const rows = useMemo(() => parseThresholdTable(table), [table]);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const row = rowAt(rows, threshold);
  const best = bestF1(rows);
  if (row === null) return null;
  const percent = (value: number) => number(value, { style: "percent", maximumFractionDigits: 1 });
  const fixed = (value: number) => number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const stats: [string, string][] = [
    [t("results.threshold.precision"), percent(row.precision)],
    [t("results.threshold.recall"), percent(row.recall)],
    [t("results.threshold.f1"), fixed(row.f1)],
    [t("results.threshold.accuracy"), percent(row.accuracy)],
    [t("results.threshold.share", { positive }), percent(row.share)],
  ];
  return (
    <section className="card threshold-picker" data-testid="threshold-picker">
      <h3>{t("results.threshold.heading")}</h3>
      <label htmlFor={sliderId}>{t("results.threshold.label", { positive })}</label>
      <div className="threshold-row">
        <input
          id={sliderId}
          type="range"
          min={MIN_THRESHOLD}
          max={MAX_THRESHOLD}
          step={THRESHOLD_STEP}
          value={threshold}
          onChange={(event) => setThreshold(clampThreshold(Number(event.target.value)))}
          data-testid="threshold-slider"
        />
        <output htmlFor={sliderId} className="threshold-value" data-testid="threshold-value">
          {fixed(row.threshold)}
        </output>
      </div>
      <dl className="threshold-stats" data-testid="threshold-stats">
        {stats.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p aria-live="polite" data-testid="threshold-summary">
        {t("results.threshold.summary", {
          threshold: fixed(row.threshold),
          share: percent(row.share),
          positive,
          precision: percent(row.precision),
          recall: percent(row.recall),
        })}
      </p>
      <p className="muted">{t("results.threshold.tradeoff")}</p>
      <div className="threshold-actions">
        {best !== null ? (
          <button type="button" onClick={() => setThreshold(best.threshold)}>
            {t("results.threshold.bestF1", { threshold: fixed(best.threshold) })}
          </button>
        ) : null}
        <button type="button" onClick={() => setThreshold(DEFAULT_THRESHOLD)}>
          {t("results.threshold.reset")}
        </button>
      </div>
      <p className="muted">{t("results.threshold.note")}</p>
    </section>
  );
}
