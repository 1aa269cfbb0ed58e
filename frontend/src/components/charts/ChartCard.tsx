/**
 * One chart from the server with what it shows in one plain sentence and a "show as table"
 * toggle, so every figure can be read without seeing colours or shapes. A chart that needs
 * WebGL in a browser without it is shown as its table, with a notice saying why.
 *
 * The server sends each chart as `{ figure, table }`: a plotly figure (data only) and the same
 * numbers as a table of display strings.
 */
import { useId, useMemo, useState } from "react";
import { DataTable } from "../DataTable";
import type { Figure } from "../data/dataApi";
import { PlotlyChart } from "../data/PlotlyChart";
import { useI18n } from "../../i18n/I18nProvider";
import { needsWebGL, webGLAvailable } from "./webgl";

/** The same numbers as the figure, as display strings (null shows as "missing"). */
export interface ChartTable {
  columns: string[];
  rows: (string | null)[][];
}

/** A chart as the API sends it. */
export interface ChartPayload {
  figure: Figure;
  table: ChartTable;
}

export interface ChartCardProps {
  title: string;
  /** One sentence, in plain language, on what the chart shows and how to read it. */
  explanation: string;
  chart: ChartPayload;
  testId?: string;
}

export function ChartCard({ title, explanation, chart, testId }: ChartCardProps) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const drawable = useMemo(() => !needsWebGL(chart.figure) || webGLAvailable(), [chart.figure]);
  return (
    <section className="card chart-card" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted">{explanation}</p>
      {drawable ? (
        <button type="button" aria-pressed={asTable}
          onClick={() => setAsTable((value) => !value)}>
          {asTable ? t("chart.showChart") : t("chart.showTable")}
        </button>
      ) : (
        <p className="alert" role="note" data-testid="chart-needs-webgl">{t("chart.needsWebGL")}</p>
      )}
      {asTable || !drawable ? (
        <DataTable caption={title} columns={chart.table.columns} rows={chart.table.rows} />
      ) : (
        <PlotlyChart figure={chart.figure} label={title} />
      )}
    </section>
  );
}
