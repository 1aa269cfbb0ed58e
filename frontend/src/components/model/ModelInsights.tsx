/**
 * The model page's charts: how good the predictions are (from out-of-fold predictions, drawn on
 * request) and what drives them (computed by a background job; polled until every chart is
 * ready, failed or unavailable). Binary models also get the threshold picker.
 */
import { useState } from "react";
import { getInsightChart, isPending, listInsights, retryInsights } from "../../api/insights";
import type { InsightList } from "../../api/insights";
import type { TrainedModel } from "../../api/types";
import { useApi } from "../../hooks/useApi";
import { usePolling } from "../../hooks/usePolling";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorAlert } from "../ErrorAlert";
import { Loading } from "../Loading";
import { InsightChart } from "./InsightChart";
import { ThresholdPicker } from "./ThresholdPicker";
import "./model.css";

/** How often the page asks for the background job's progress. */
export const POLL_INTERVAL_MS = 3000;
/** Cheap charts shown elsewhere on the page (the metrics table) rather than as a card. */
const SHOWN_ELSEWHERE = new Set(["metrics"]);

export function ModelInsights({ model }: { model: TrainedModel }) {
  const { t, language } = useI18n();
  const [list, setList] = useState<InsightList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  usePolling(
    async () => {
      try {
        const next = await listInsights(model.id);
        setList(next);
        setError(null);
        return isPending(next);
      } catch (caught) {
        setError(caught);
        return false;
      }
    },
    POLL_INTERVAL_MS,
    `${model.id}:${language}:${generation}`,
  );

  if (list === null) return error ? <ErrorAlert error={error} testId="insights-error" /> : <Loading />;
  const cheap = list.charts.filter((c) => c.kind === "cheap" && !SHOWN_ELSEWHERE.has(c.key));
  const expensive = list.charts.filter((c) => c.kind === "expensive");
  const retry = async () => {
    try {
      setList(await retryInsights(model.id));
      setGeneration((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <section className="model-insights" aria-labelledby="performance-heading">
        <h2 id="performance-heading">{t("results.performanceHeading")}</h2>
        <p className="muted">{t("results.performanceIntro")}</p>
        {model.task === "binary" && model.classes.length === 2 ? (
          <Thresholds model={model} />
        ) : null}
        <div className="insight-grid">
          {cheap.map((chart) => (
            <InsightChart key={`${chart.key}:${language}`} modelId={model.id} chart={chart} />
          ))}
        </div>
      </section>
      <section className="model-insights" aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">{t("results.driversHeading")}</h2>
        <p className="muted">{t("results.driversIntro")}</p>
        <JobStatus list={list} onRetry={retry} />
        {error && list ? <ErrorAlert error={error} /> : null}
        <div className="insight-grid">
          {expensive
            .filter((chart) => !(chart.state === "unavailable" && chart.key.startsWith("partial_dependence")))
            .map((chart) => (
              <InsightChart key={`${chart.key}:${chart.state}:${language}`} modelId={model.id} chart={chart} />
            ))}
        </div>
      </section>
    </>
  );
}

function JobStatus({ list, onRetry }: { list: InsightList; onRetry: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const failed = list.job.state === "failed" || list.charts.some((c) => c.state === "failed");
  const click = async () => {
    setBusy(true);
    await onRetry();
    setBusy(false);
  };
  return (
    <div className="job-status" data-testid="insights-job" data-state={list.job.state}>
      {list.job.state === "queued" ? <p role="status"><span className="spinner" aria-hidden="true" />{t("results.jobQueued")}</p> : null}
      {list.job.state === "running" ? <p role="status"><span className="spinner" aria-hidden="true" />{t("results.jobRunning")}</p> : null}
      {list.job.state === "failed" ? (
        <p role="alert" className="alert alert-error">{t("results.jobFailed", { reason: list.job.error })}</p>
      ) : null}
      {failed ? (
        <button type="button" onClick={() => void click()} disabled={busy} data-testid="insights-retry">
          {busy ? t("results.retrying") : t("results.retry")}
        </button>
      ) : null}
    </div>
  );
}

function Thresholds({ model }: { model: TrainedModel }) {
  const table = useApi(() => getInsightChart(model.id, "thresholds"), [model.id]);
  if (table.state.status === "loading") return <Loading />;
  if (table.state.status === "error") return <ErrorAlert error={table.state.error} />;
  return <ThresholdPicker table={table.state.data.table} positive={model.classes[1] ?? ""} />;
}
