/**
 * How each search strategy progressed on the same dataset and budget, from a saved benchmark run:
 * best-so-far histories overlaid in one chart (with a table view) and the final best score of
 * each strategy with what it does in plain words.
 */
import raw from "../data/search-strategies.json?raw";
import { ChartCard, type ChartTable } from "../components/charts/ChartCard";
import "../components/search-forms.css";
import { bestSoFarFigure, explanationKind, finalBest, parseStrategyReport, type StrategyReport } from "../domain/strategies";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

function readReport(): StrategyReport | null {
  try {
    return parseStrategyReport(JSON.parse(raw));
  } catch {
    return null;
  }
}

const REPORT = readReport();

export function StrategiesPage() {
  const { t } = useI18n();
  useDocumentTitle(t("strategies.title"));
  return (
    <>
      <h1>{t("strategies.title")}</h1>
      <p>{t("strategies.intro")}</p>
      {REPORT === null ? (
        <p role="alert" className="alert alert-error">
          {t("strategies.loadError")}
        </p>
      ) : REPORT.strategies.length === 0 ? (
        <p className="empty">{t("strategies.empty")}</p>
      ) : (
        <Comparison report={REPORT} />
      )}
    </>
  );
}

function Comparison({ report }: { report: StrategyReport }) {
  const { t, number, duration } = useI18n();
  const score = (value: number | null) => (value === null ? "–" : number(value, { maximumFractionDigits: 4 }));
  const table: ChartTable = {
    columns: [t("strategies.column.strategy"), t("strategies.axisTime"), t("strategies.axisScore", { metric: report.metric })],
    rows: report.strategies.flatMap((run) =>
      run.trials
        .filter((trial) => trial.best_so_far !== null)
        .map((trial) => [run.searcher, number(trial.elapsed_s, { maximumFractionDigits: 1 }), score(trial.best_so_far)]),
    ),
  };
  const figure = bestSoFarFigure(report, t("strategies.axisTime"), t("strategies.axisScore", { metric: report.metric }));
  return (
    <>
      <p className="muted" data-testid="strategies-source">
        {t("strategies.source", {
          dataset: report.dataset,
          metric: report.metric,
          budget: duration(report.budget_s),
          date: report.date,
        })}{" "}
        {report.greater_is_better ? t("strategies.higherBetter") : t("strategies.lowerBetter")}
      </p>
      <ChartCard
        title={t("strategies.chartTitle")}
        explanation={t("strategies.chartExplanation")}
        chart={{ figure, table }}
        testId="strategies-chart"
      />
      <section className="card">
        <table className="data-table strategy-table" data-testid="strategies-table">
          <caption>{t("strategies.tableTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("strategies.column.strategy")}</th>
              <th scope="col">{t("strategies.column.best", { metric: report.metric })}</th>
              <th scope="col">{t("strategies.column.trials")}</th>
              <th scope="col">{t("strategies.column.explanation")}</th>
            </tr>
          </thead>
          <tbody>
            {report.strategies.map((run) => (
              <tr key={run.searcher} data-testid="strategy-row">
                <th scope="row">{run.searcher}</th>
                <td>{score(finalBest(run))}</td>
                <td>{number(run.trials.length)}</td>
                <td>{t(`strategies.explain.${explanationKind(run.searcher)}`)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">manual</th>
              <td>–</td>
              <td>–</td>
              <td>{t("strategies.explain.manual")}</td>
            </tr>
          </tbody>
        </table>
      </section>
      {report.command ? (
        <details className="search-details">
          <summary>{t("strategies.command")}</summary>
          <pre className="strategy-command">{report.command}</pre>
        </details>
      ) : null}
    </>
  );
}
