/**
 * The leaderboard's table: sortable headers (`aria-sort`), a tied marker with text, selection,
 * and a column for every other metric measured on the same out-of-fold predictions.
 */
import type { LeaderboardPage, LeaderboardRow } from "../../api/leaderboard";
import { useI18n } from "../../i18n/I18nProvider";
import { isMessageKey } from "../../i18n/translate";
import { LOWER_IS_BETTER, otherMetrics } from "./metricColumns";
import type { SortKey } from "./urlState";

export interface LeaderboardTableProps {
  page: LeaderboardPage;
  metric: string;
  selected: ReadonlySet<string>;
  onToggle: (ref: string) => void;
  onSort: (key: SortKey) => void;
  refFor: (row: LeaderboardRow) => string;
  /** Opens "Why this trial" for a trial; without it, rows have no "Why?" button. */
  onWhy?: (trialNumber: number) => void;
}

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}

export function LeaderboardTable({ page, metric, selected, onToggle, onSort, refFor, onWhy }: LeaderboardTableProps) {
  const { t, label, number, size } = useI18n();
  const missing = <span className="missing">–</span>;
  const others = otherMetrics(page, metric);
  const metricName = (name: string) => {
    const key = `results.metric.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  const seconds = (value: number | null) =>
    value === null ? missing : t("common.seconds", { value: number(value, { maximumSignificantDigits: 3 }) });

  const columns: Record<SortKey, string> = {
    number: t("leaderboard.number"),
    algorithm: t("leaderboard.algorithm"),
    score: t("leaderboard.score", { metric }),
    fit_time: t("leaderboard.fitTime"),
    predict_time: t("lb.predictTime"),
  };

  const sortable = (key: SortKey) => {
    const text = columns[key];
    const active = page.sort === key;
    const direction = page.descending ? "descending" : "ascending";
    return (
      <th scope="col" aria-sort={active ? direction : "none"}>
        <button type="button" className="lb-sort" data-testid={`sort-${key}`} onClick={() => onSort(key)}
          title={t("lb.sortBy", { column: text })}>
          {text}
          <span aria-hidden="true" className="lb-sort-mark">
            {active ? (page.descending ? " ▼" : " ▲") : " ↕"}
          </span>
        </button>
      </th>
    );
  };

  const tiedCell = (row: LeaderboardRow) => {
    if (row.isBest) return <span className="lb-tied lb-tied-best">{t("lb.tiedBest")}</span>;
    if (row.tiedWithBest === true) return <span className="lb-tied lb-tied-yes">{t("lb.tiedYes")}</span>;
    if (row.tiedWithBest === false) return <span className="lb-tied-no">{t("lb.tiedNo")}</span>;
    return missing;
  };

  const metricHeader = (name: string) => {
    const lower = LOWER_IS_BETTER.has(name);
    const better = t(lower ? "lb.lowerBetter" : "lb.higherBetter");
    return (
      <th scope="col" key={name} data-testid="metric-column" data-metric={name} title={better}>
        {metricName(name)}
        <span aria-hidden="true" className="lb-sort-mark">{lower ? " ↓" : " ↑"}</span>
        <span className="visually-hidden"> ({better})</span>
      </th>
    );
  };

  const metricCell = (row: LeaderboardRow, name: string) => {
    const value = row.metrics[name];
    return (
      <td className="num" key={name} data-metric={name}>
        {value === undefined ? missing : number(value)}
      </td>
    );
  };

  const whyButton = (trialNumber: number, open: (trialNumber: number) => void) => (
    <button
      type="button"
      className="why-open"
      onClick={() => open(trialNumber)}
      aria-label={t("why.openLabel", { number: number(trialNumber) })}
      data-testid="why-open"
    >
      {t("why.open")}
    </button>
  );

  const rowCells = (row: LeaderboardRow) => (
    <>
      <td>
        <input
          type="checkbox"
          checked={selected.has(refFor(row))}
          onChange={() => onToggle(refFor(row))}
          aria-label={row.kind === "ensemble" ? t("lb.selectEnsemble") : t("lb.select", { number: row.number ?? "" })}
          data-testid="trial-select"
        />
      </td>
      <td className="num">
        {row.kind === "ensemble" ? t("lb.ensemble") : number(row.number ?? 0)}
        {onWhy && row.kind === "trial" && row.number !== null ? whyButton(row.number, onWhy) : null}
      </td>
      <td>{row.algorithm}</td>
      <td className="num">{row.score === null ? missing : number(row.score)}</td>
      {others.map((name) => metricCell(row, name))}
      <td className="num">
        {row.foldMean === null ? missing : number(row.foldMean)}
        {row.foldStd === null ? null : ` ± ${number(spread(row.foldStd), { maximumSignificantDigits: 3 })}`}
      </td>
      <td data-testid="tied-cell">{tiedCell(row)}</td>
      <td className="num">{seconds(row.fitTimeS)}</td>
      <td className="num">{seconds(row.predictTimePer1000S)}</td>
      <td className="num">{row.modelSizeBytes === null ? missing : size(row.modelSizeBytes)}</td>
      <td title={row.error || undefined}>{label("trialState", row.state)}</td>
      <td className="lb-params">{row.kind === "ensemble" ? missing : paramsText(row.params)}</td>
    </>
  );

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("leaderboard.caption")}>
      <table className="data-table leaderboard" data-testid="leaderboard">
        <caption>{t("lb.caption", { count: number(page.count), column: columns[page.sort as SortKey] ?? page.sort })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("lb.compare", { count: selected.size })}</span>
            </th>
            {sortable("number")}
            {sortable("algorithm")}
            {sortable("score")}
            {others.map(metricHeader)}
            <th scope="col">{t("lb.foldMean")}</th>
            <th scope="col">{t("lb.tied")}</th>
            {sortable("fit_time")}
            {sortable("predict_time")}
            <th scope="col">{t("lb.modelSize")}</th>
            <th scope="col">{t("leaderboard.state")}</th>
            <th scope="col">{t("lb.params")}</th>
          </tr>
        </thead>
        <tbody>
          {page.ensemble ? (
            <tr data-testid="ensemble-row" className="lb-ensemble">{rowCells(page.ensemble)}</tr>
          ) : null}
          {page.results.map((row) => (
            <tr
              key={row.number}
              data-testid="trial-row"
              data-trial-number={row.number ?? undefined}
              className={row.isBest ? "best" : undefined}
            >
              {rowCells(row)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A fold spread with floating-point noise (all folds scored the same) shown as 0. */
export function spread(std: number): number {
  return Math.abs(std) < 1e-12 ? 0 : std;
}
