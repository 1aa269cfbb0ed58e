/**
 * An experiment's leaderboard from the server: sorted, filtered and paginated in the database,
 * with the view in the URL (a link reopens it), exports, and trials to select for comparison.
 * While a search runs, the page is fetched again whenever `refreshKey` changes.
 */
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { leaderboardExportUrl, type LeaderboardRow } from "../api/leaderboard";
import type { Id } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import { LeaderboardFilters } from "./leaderboard/LeaderboardFilters";
import { LeaderboardTable } from "./leaderboard/LeaderboardTable";
import { Pagination } from "./leaderboard/Pagination";
import { useLeaderboardPage } from "./leaderboard/useLeaderboardPage";
import { compareHref, parseView, toggleSort, writeView, type LeaderboardView } from "./leaderboard/urlState";
import { Loading } from "./Loading";
import "./leaderboard/leaderboard.css";

/** How many selections the comparison accepts. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 8;

export interface LeaderboardProps {
  experimentId: Id;
  metric: string;
  /** Changes whenever a live trial arrives: the current page is fetched again. */
  refreshKey?: unknown;
  live?: boolean;
  /** Opens "Why this trial" for a trial number (a "Why?" button on each trial row). */
  onWhy?: (trialNumber: number) => void;
}

export function Leaderboard({ experimentId, metric, refreshKey, live = false, onWhy }: LeaderboardProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = parseView(params);
  const { page, error, loading } = useLeaderboardPage(experimentId, view, refreshKey);
  const [selected, setSelected] = useState<string[]>([]);

  const show = (next: LeaderboardView) => setParams(writeView(next, params));
  const refFor = (row: LeaderboardRow) => `${experimentId}:${row.kind === "ensemble" ? "final" : row.number}`;
  const toggle = (ref: string) =>
    setSelected((current) => (current.includes(ref) ? current.filter((r) => r !== ref) : [...current, ref]));
  const canCompare = selected.length >= COMPARE_MIN && selected.length <= COMPARE_MAX;

  if (!page) return error ? <ErrorAlert error={error} /> : <Loading />;

  return (
    <div className="lb" data-testid="leaderboard-view" aria-busy={loading}>
      {error ? <ErrorAlert error={error} /> : null}
      {live ? <p className="muted">{t("lb.live")}</p> : null}
      <LeaderboardFilters key={params.toString()} view={view} algorithms={page.algorithms} onApply={show} />
      <div className="lb-toolbar">
        <a className="button-link" href={leaderboardExportUrl(experimentId, view, "csv")} download data-testid="export-csv">
          {t("lb.exportCsv")}
        </a>
        <a className="button-link" href={leaderboardExportUrl(experimentId, view, "xlsx")} download data-testid="export-xlsx">
          {t("lb.exportXlsx")}
        </a>
        <button type="button" disabled={!canCompare} onClick={() => navigate(compareHref(selected))} data-testid="compare-selected">
          {t("lb.compare", { count: selected.length })}
        </button>
        {canCompare ? null : <span className="muted">{t("lb.compareHint")}</span>}
      </div>
      {page.results.length === 0 && page.ensemble === null ? (
        <p className="empty">{t("lb.noMatch")}</p>
      ) : (
        <LeaderboardTable
          page={page}
          metric={metric}
          selected={new Set(selected)}
          onToggle={toggle}
          onSort={(key) => show(toggleSort(view, key, page.descending))}
          refFor={refFor}
          onWhy={onWhy}
        />
      )}
      <details className="help">
        <summary>{t("lb.tiedHelpSummary")}</summary>
        <p>{t("lb.tiedHelp")}</p>
      </details>
      <Pagination
        page={view.page}
        numPages={page.numPages}
        count={page.count}
        pageSize={view.pageSize}
        onPage={(number) => show({ ...view, page: number })}
        onPageSize={(size) => show({ ...view, page: 1, pageSize: size })}
      />
    </div>
  );
}
