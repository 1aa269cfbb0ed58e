/** Every metric of the final model on out-of-fold predictions, named and explained in words. */
import type { MessageKey } from "../../i18n/en";
import { useI18n } from "../../i18n/I18nProvider";
import { isMessageKey } from "../../i18n/translate";

/** Metrics where a smaller value is better (the others: larger is better). */
const LOWER_IS_BETTER = new Set(["log_loss", "rmse", "mae"]);

export interface MetricsTableProps {
  metrics: Record<string, number | null>;
  /** The metric the search optimised (marked in the table). */
  chosen: string;
}

export function MetricsTable({ metrics, chosen }: MetricsTableProps) {
  const { t, number } = useI18n();
  const entries = Object.entries(metrics);
  if (entries.length === 0) return <p className="empty">{t("model.noMetrics")}</p>;
  const text = (key: string, fallback: string) => (isMessageKey(key) ? t(key as MessageKey) : fallback);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("results.metricsCaption")}>
      <table className="data-table metrics-table" data-testid="model-metrics">
        <caption>{t("results.metricsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.metricColumn")}</th>
            <th scope="col">{t("results.valueColumn")}</th>
            <th scope="col">{t("results.betterColumn")}</th>
            <th scope="col">{t("results.meaningColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, value]) => {
            const label = text(`results.metric.${name}`, name);
            return (
              <tr key={name} className={name === chosen ? "metric-chosen" : undefined}>
                <th scope="row">
                  {name === chosen ? t("results.chosenMetric", { name: label }) : label}{" "}
                  <code className="metric-code">{name}</code>
                </th>
                <td className="num">{value === null ? t("common.none") : number(value)}</td>
                <td>{LOWER_IS_BETTER.has(name) ? t("results.lowerBetter") : t("results.higherBetter")}</td>
                <td>{text(`results.metric.${name}.meaning`, "")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
