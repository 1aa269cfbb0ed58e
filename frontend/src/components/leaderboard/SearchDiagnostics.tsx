/**
 * How the search went: optimization history and per-algorithm summary, then for one chosen
 * algorithm its parallel coordinates, hyperparameter importance and the score by one
 * hyperparameter. Every chart is a ChartCard (explanation and table toggle).
 *
 * While the search runs, `liveKey` changes with the trials (at most every 2 s, see
 * live/useThrottled): the index, the history and the parallel coordinates are fetched again and
 * drawn over the charts in place; the costlier charts follow the slower `refreshKey`.
 */
import { useEffect, useId, useState } from "react";
import {
  getDiagnosticsChart,
  getDiagnosticsIndex,
  type DiagnosticsAlgorithm,
  type DiagnosticsIndex,
} from "../../api/leaderboard";
import type { Id } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/en";
import { ChartCard, type ChartPayload } from "../charts/ChartCard";
import { ErrorAlert } from "../ErrorAlert";
import { Loading } from "../Loading";
import "./leaderboard.css";

export interface SearchDiagnosticsProps {
  experimentId: Id;
  /** Changes when the charts are worth fetching again (more trials, a new status). */
  refreshKey?: unknown;
  /** Changes with each trial of a running search: the live charts are fetched again. */
  liveKey?: unknown;
}

type ChartName = "history" | "summary" | "parallel" | "importance" | "slice" | "timeline";

function useChart(experimentId: Id, chart: ChartName, algorithm: string | undefined, param: string | undefined, refreshKey: unknown) {
  const [state, setState] = useState<{ payload: ChartPayload | null; error: unknown }>({ payload: null, error: null });
  useEffect(() => {
    let alive = true;
    getDiagnosticsChart(experimentId, chart, { algorithm, param }).then(
      (payload) => alive && setState({ payload, error: null }),
      (error: unknown) => alive && setState({ payload: null, error }),
    );
    return () => {
      alive = false;
    };
  }, [experimentId, chart, algorithm, param, refreshKey]);
  return state;
}

/** One diagnostics chart fetched from the API; a refetch keeps the card and redraws in place. */
export function DiagnosticChart(props: { experimentId: Id; chart: ChartName; algorithm?: string; param?: string; refreshKey: unknown }) {
  const { t } = useI18n();
  const { payload, error } = useChart(props.experimentId, props.chart, props.algorithm, props.param, props.refreshKey);
  if (error) return <ErrorAlert error={error} />;
  if (!payload) return <Loading />;
  return (
    <ChartCard
      title={t(`diag.${props.chart}.title` as MessageKey)}
      explanation={t(`diag.${props.chart}.explain` as MessageKey)}
      chart={payload}
      testId={`diagnostic-${props.chart}`}
    />
  );
}

function AlgorithmCharts({ experimentId, algorithm, minimum, refreshKey, liveKey }: {
  experimentId: Id;
  algorithm: DiagnosticsAlgorithm;
  minimum: number;
  refreshKey: unknown;
  liveKey: string;
}) {
  const { t } = useI18n();
  const paramId = useId();
  const [param, setParam] = useState(algorithm.params[0] ?? "");
  const chosen = algorithm.params.includes(param) ? param : (algorithm.params[0] ?? "");
  return (
    <>
      <DiagnosticChart experimentId={experimentId} chart="parallel" algorithm={algorithm.name} refreshKey={liveKey} />
      {algorithm.importanceAvailable ? (
        <DiagnosticChart experimentId={experimentId} chart="importance" algorithm={algorithm.name} refreshKey={refreshKey} />
      ) : (
        <p className="muted" data-testid="importance-unavailable">
          {t("diag.importance.title")}: {t("diag.importance.unavailable", { minimum })}
        </p>
      )}
      {chosen ? (
        <>
          <p className="lb-diagnostics-choice">
            <label htmlFor={paramId}>{t("diag.param")}</label>
            <select id={paramId} value={chosen} onChange={(e) => setParam(e.target.value)} data-testid="diagnostics-param">
              {algorithm.params.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </p>
          <DiagnosticChart experimentId={experimentId} chart="slice" algorithm={algorithm.name} param={chosen} refreshKey={refreshKey} />
        </>
      ) : null}
    </>
  );
}

export function SearchDiagnostics({ experimentId, refreshKey, liveKey }: SearchDiagnosticsProps) {
  const { t } = useI18n();
  const algorithmId = useId();
  const [index, setIndex] = useState<DiagnosticsIndex | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [algorithmName, setAlgorithmName] = useState<string | null>(null);
  // A string, so that an unchanged pair of keys is equal from one render to the next.
  const live = `${String(refreshKey)}|${String(liveKey)}`;

  useEffect(() => {
    let alive = true;
    getDiagnosticsIndex(experimentId).then(
      (found) => {
        if (!alive) return;
        setIndex(found);
        setError(null);
      },
      (caught: unknown) => alive && setError(caught),
    );
    return () => {
      alive = false;
    };
  }, [experimentId, live]);

  const withTrials = index?.algorithms.filter((a) => a.completed > 0) ?? [];
  const mostTried = [...withTrials].sort((a, b) => b.completed - a.completed)[0];
  const algorithm = withTrials.find((a) => a.name === algorithmName) ?? mostTried;

  return (
    <section data-testid="search-diagnostics">
      <h2>{t("diag.heading")}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {index === null ? (
        error ? null : <Loading />
      ) : withTrials.length === 0 ? (
        <p className="empty">{t("diag.empty")}</p>
      ) : (
        <>
          <DiagnosticChart experimentId={experimentId} chart="history" refreshKey={live} />
          <DiagnosticChart experimentId={experimentId} chart="summary" refreshKey={refreshKey} />
          <p className="lb-diagnostics-choice">
            <label htmlFor={algorithmId}>{t("diag.algorithm")}</label>
            <select
              id={algorithmId}
              value={algorithm?.name}
              onChange={(e) => setAlgorithmName(e.target.value)}
              data-testid="diagnostics-algorithm"
            >
              {withTrials.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name} ({a.completed})
                </option>
              ))}
            </select>
          </p>
          {algorithm ? (
            <AlgorithmCharts key={algorithm.name} experimentId={experimentId} algorithm={algorithm} minimum={index.minImportanceTrials} refreshKey={refreshKey} liveKey={live} />
          ) : null}
        </>
      )}
    </section>
  );
}
