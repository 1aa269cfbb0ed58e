/** Each column's kind (changeable), exclusion, summary statistics and, on demand, its chart. */
import { Fragment, useState } from "react";
import type { Id } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorAlert } from "../ErrorAlert";
import { Loading } from "../Loading";
import { COLUMN_KINDS, getColumnChart, updateColumn } from "./dataApi";
import type { ColumnProfile, ColumnStats, Figure } from "./dataApi";
import { PlotlyChart } from "./PlotlyChart";

type ChartState = { status: "loading" } | { status: "ready"; figure: Figure } | { status: "error"; error: unknown };

export function ColumnProfiles({
  datasetId,
  columns,
  onChanged,
}: {
  datasetId: Id;
  columns: ColumnProfile[];
  onChanged: (column: ColumnProfile) => void;
}) {
  const { t, label, number } = useI18n();
  const [charts, setCharts] = useState<Record<string, ChartState>>({});
  const [error, setError] = useState<unknown>(null);

  const change = async (column: ColumnProfile, update: { kind?: string; excluded?: boolean }) => {
    setError(null);
    try {
      onChanged(await updateColumn(datasetId, column.name, update));
      setCharts(({ [column.name]: _dropped, ...rest }) => rest);
    } catch (caught) {
      setError(caught);
    }
  };

  const toggleChart = async (name: string) => {
    if (charts[name]) {
      setCharts(({ [name]: _dropped, ...rest }) => rest);
      return;
    }
    setCharts((current) => ({ ...current, [name]: { status: "loading" } }));
    try {
      const figure = await getColumnChart(datasetId, name);
      setCharts((current) => ({ ...current, [name]: { status: "ready", figure } }));
    } catch (caught) {
      setCharts((current) => ({ ...current, [name]: { status: "error", error: caught } }));
    }
  };

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("dataset.columnsHeading")}>
      {error ? <ErrorAlert error={error} testId="column-error" /> : null}
      <table className="data-table" data-testid="dataset-columns">
        <caption>{t("dataset.columnsHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dataset.columnName")}</th>
            <th scope="col">{t("dataset.columnKind")}</th>
            <th scope="col">{t("data.exclude")}</th>
            <th scope="col">{t("dataset.columnMissing")}</th>
            <th scope="col">{t("dataset.columnUnique")}</th>
            <th scope="col">{t("data.summary")}</th>
            <th scope="col">{t("data.chart")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => {
            const chart = charts[column.name];
            return (
              <Fragment key={index}>
                <tr data-excluded={column.excluded}>
                  <th scope="row">{column.name}</th>
                  <td data-kind={column.kind}>
                    <select
                      value={column.kind}
                      aria-label={t("data.kindOf", { name: column.name })}
                      data-testid="column-kind"
                      onChange={(event) => void change(column, { kind: event.target.value })}
                    >
                      {COLUMN_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {label("kind", kind)}
                          {kind === column.inferredKind && kind !== column.kind ? ` (${t("data.detected")})` : ""}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={column.excluded}
                      aria-label={t("data.excludeColumn", { name: column.name })}
                      data-testid="column-excluded"
                      onChange={(event) => void change(column, { excluded: event.target.checked })}
                    />
                  </td>
                  <td className="num">{number(column.missing)}</td>
                  <td className="num">{number(column.unique)}</td>
                  <td>
                    <StatsSummary stats={column.stats} />
                  </td>
                  <td>
                    <button
                      type="button"
                      data-testid="column-chart-toggle"
                      aria-expanded={Boolean(chart)}
                      onClick={() => void toggleChart(column.name)}
                    >
                      {chart ? t("data.hideChart") : t("data.showChart")}
                    </button>
                  </td>
                </tr>
                {chart ? (
                  <tr>
                    <td colSpan={7}>
                      {chart.status === "loading" ? <Loading /> : null}
                      {chart.status === "error" ? <ErrorAlert error={chart.error} /> : null}
                      {chart.status === "ready" ? (
                        <PlotlyChart figure={chart.figure} label={t("data.chartOf", { name: column.name })} />
                      ) : null}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StatsSummary({ stats }: { stats: ColumnStats }) {
  const { t, number } = useI18n();
  const value = (n: number | null | undefined) => (n === null || n === undefined ? "–" : number(n));
  if (!("type" in stats)) return null;
  if (stats.type === "numeric") {
    return (
      <span data-testid="column-stats">
        {t("data.numericSummary", {
          min: value(stats.min),
          median: value(stats.quantiles["0.5"]),
          max: value(stats.max),
          mean: value(stats.mean),
        })}
      </span>
    );
  }
  if (stats.type === "datetime") {
    return <span data-testid="column-stats">{t("data.dateSummary", { min: stats.min, max: stats.max })}</span>;
  }
  const top = stats.top.slice(0, 3).map(([text, count]) => `${text} (${number(count)})`);
  return <span data-testid="column-stats">{t("data.topValues", { values: top.join(", ") })}</span>;
}
