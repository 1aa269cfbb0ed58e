/**
 * One chart of the model page in whatever state it is: a ChartCard once ready, a card that says
 * it is being computed, or one that says why it failed or does not apply and what to do.
 */
import { getInsightChart } from "../../api/insights";
import type { InsightChartState } from "../../api/insights";
import type { Id } from "../../api/types";
import { useApi } from "../../hooks/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorAlert } from "../ErrorAlert";
import { Loading } from "../Loading";
import { ChartCard } from "../charts/ChartCard";
import { chartText } from "./chartText";

export function InsightChart({ modelId, chart }: { modelId: Id; chart: InsightChartState }) {
  const { t } = useI18n();
  const { title } = chartText(chart, t);
  const testId = `insight-${chart.key}`;
  if (chart.state === "ready") return <ReadyChart modelId={modelId} chart={chart} />;
  let message: string;
  if (chart.state === "failed") message = t("results.chartFailed", { reason: chart.reason });
  else if (chart.state === "unavailable") message = chart.reason || t("results.chartUnavailable");
  else message = t("results.chartPending");
  return (
    <section className="card chart-card chart-placeholder" data-testid={testId} data-state={chart.state}>
      <h3>{title}</h3>
      <p role={chart.state === "failed" ? "alert" : "status"} className={chart.state === "failed" ? "alert alert-error" : "muted"}>
        {chart.state === "queued" || chart.state === "running" ? <span className="spinner" aria-hidden="true" /> : null}
        {message}
      </p>
    </section>
  );
}

function ReadyChart({ modelId, chart }: { modelId: Id; chart: InsightChartState }) {
  const { t } = useI18n();
  const { title, explanation } = chartText(chart, t);
  const payload = useApi(() => getInsightChart(modelId, chart.key), [modelId, chart.key]);
  const testId = `insight-${chart.key}`;
  if (payload.state.status === "ready") {
    return <ChartCard title={title} explanation={explanation} chart={payload.state.data} testId={testId} />;
  }
  return (
    <section className="card chart-card chart-placeholder" data-testid={testId} data-state={payload.state.status}>
      <h3>{title}</h3>
      {payload.state.status === "loading" ? <Loading /> : <ErrorAlert error={payload.state.error} />}
    </section>
  );
}
