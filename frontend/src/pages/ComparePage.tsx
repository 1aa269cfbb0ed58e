/**
 * Trials or final models side by side: hyperparameters (differences marked with text, not only
 * colour), metrics with deltas from the first selection, fold scores and, where they were kept,
 * overlaid out-of-fold predictions. The selections live in the URL, so the page can be shared.
 */
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { compareSelections, type Comparison, type PredictionChartKind } from "../api/leaderboard";
import { ChartCard } from "../components/charts/ChartCard";
import { ErrorAlert } from "../components/ErrorAlert";
import { parseCompare } from "../components/leaderboard/urlState";
import { Loading } from "../components/Loading";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/en";
import "../components/leaderboard/leaderboard.css";

/** The title and explanation of each overlaid out-of-fold chart. */
const PREDICTION_TEXT: Record<PredictionChartKind, { title: MessageKey; explain: MessageKey }> = {
  roc: { title: "cmp.roc.title", explain: "cmp.roc.explain" },
  roc_ovr: { title: "cmp.rocOvr.title", explain: "cmp.rocOvr.explain" },
  residuals: { title: "cmp.residuals.title", explain: "cmp.residuals.explain" },
};

export function ComparePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const selections = parseCompare(params);
  const key = selections.join(",");
  const [state, setState] = useState<{ key: string; comparison: Comparison | null; error: unknown }>({
    key: "",
    comparison: null,
    error: null,
  });
  useDocumentTitle(t("cmp.title"));

  useEffect(() => {
    if (key === "") return undefined;
    let alive = true;
    compareSelections(key.split(",")).then(
      (comparison) => alive && setState({ key, comparison, error: null }),
      (error: unknown) => alive && setState({ key, comparison: null, error }),
    );
    return () => {
      alive = false;
    };
  }, [key]);

  if (key === "") {
    return (
      <>
        <h1>{t("cmp.title")}</h1>
        <p className="empty">{t("cmp.none")}</p>
      </>
    );
  }
  if (state.key !== key) return <Loading />;
  if (state.error || !state.comparison) return <ErrorAlert error={state.error} />;
  return <ComparisonView comparison={state.comparison} />;
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t, number } = useI18n();
  const { entries, parameters, metrics, foldChart, predictions } = comparison;
  const first = entries[0];
  const missing = <span className="missing">–</span>;
  const signed = (value: number) => `${value > 0 ? "+" : ""}${number(value)}`;

  return (
    <>
      {first ? (
        <p className="breadcrumbs">
          <Link to={`/experiments/${encodeURIComponent(first.experimentId)}`}>{t("cmp.back")}</Link>
        </p>
      ) : null}
      <h1>{t("cmp.title")}</h1>
      <section>
        <h2>{t("cmp.params")}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("cmp.paramsCaption")}>
          <table className="data-table" data-testid="compare-params">
            <caption>{t("cmp.paramsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cmp.parameter")}</th>
                {entries.map((entry) => (
                  <th scope="col" key={entry.ref}>
                    {entry.label}
                  </th>
                ))}
                <th scope="col">{t("cmp.differs")}</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((row) => (
                <tr
                  key={row.name}
                  data-testid="param-row"
                  data-param={row.name}
                  data-differs={row.differs}
                  className={row.differs ? "cmp-differs" : undefined}
                >
                  <th scope="row">{row.name}</th>
                  {row.values.map((value, index) => (
                    <td key={index}>{value ?? missing}</td>
                  ))}
                  <td>{row.differs ? `≠ ${t("cmp.differs")}` : `= ${t("cmp.same")}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{t("cmp.metrics")}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("cmp.metricsCaption")}>
          <table className="data-table" data-testid="compare-metrics">
            <caption>{t("cmp.metricsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cmp.metric")}</th>
                {entries.map((entry) => (
                  <th scope="col" key={entry.ref}>
                    {entry.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {metrics.map((row) => (
                <tr key={row.name} data-testid="metric-row" data-metric={row.name}>
                  <th scope="row">{row.name}</th>
                  {row.values.map((value, index) => {
                    const delta = row.deltas[index];
                    const better = row.better[index];
                    return (
                      <td key={index} className="num">
                        {value === null || value === undefined ? missing : number(value)}
                        {index === 0 ? (
                          <span className="muted"> ({t("cmp.reference")})</span>
                        ) : delta === null || delta === undefined || delta === 0 ? null : (
                          <span className={better ? "cmp-better" : "cmp-worse"}>
                            {" "}
                            ({signed(delta)}, {better ? t("cmp.better") : t("cmp.worse")})
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">{t("cmp.spread")}</th>
                {entries.map((entry) => (
                  <td key={entry.ref} className="num">
                    {entry.foldStd === null ? missing : `± ${number(entry.foldStd)}`}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <ChartCard title={t("cmp.folds.title")} explanation={t("cmp.folds.explain")} chart={foldChart} testId="compare-folds" />
      {predictions.chart && predictions.kind ? (
        <ChartCard
          title={t(PREDICTION_TEXT[predictions.kind].title)}
          explanation={t(PREDICTION_TEXT[predictions.kind].explain)}
          chart={predictions.chart}
          testId="compare-predictions"
        />
      ) : null}
      {predictions.kind === null ? <p className="muted">{t("cmp.noPredictionChart")}</p> : null}
      {predictions.kind !== null && predictions.missing.length > 0 ? (
        <p className="alert" role="note" data-testid="compare-missing">
          {t("cmp.missing", {
            refs: predictions.missing
              .map((ref) => entries.find((entry) => entry.ref === ref)?.label ?? ref)
              .join(", "),
          })}
        </p>
      ) : null}
    </>
  );
}
