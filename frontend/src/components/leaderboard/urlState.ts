/**
 * The leaderboard's view (page, sort, filters) kept in the page's query string, so that a link
 * reopens the same view. Pure functions: parse, write back (other parameters are kept) and the
 * API query for a view.
 */

export const SORT_KEYS = ["score", "fit_time", "predict_time", "number", "algorithm"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100, 500] as const;
export const FINISHED_STATES = ["complete", "failed", "timeout", "pruned", "cancelled"] as const;

export interface LeaderboardView {
  page: number;
  pageSize: number;
  sort: SortKey;
  /** null: the natural order (best first for the score, ascending for the rest). */
  order: "asc" | "desc" | null;
  algorithms: string[];
  states: string[];
  scoreMin: number | null;
  scoreMax: number | null;
}

export const DEFAULT_VIEW: LeaderboardView = {
  page: 1,
  pageSize: 50,
  sort: "score",
  order: null,
  algorithms: [],
  states: [],
  scoreMin: null,
  scoreMax: null,
};

const KEYS = ["page", "size", "sort", "order", "algorithm", "state", "min", "max"] as const;

function positiveInt(text: string | null, fallback: number): number {
  if (text === null || !/^\d+$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 ? value : fallback;
}

function finite(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function list(text: string | null): string[] {
  return (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The view a query string describes; anything missing or invalid takes its default. */
export function parseView(params: URLSearchParams): LeaderboardView {
  const sort = params.get("sort");
  const order = params.get("order");
  const size = positiveInt(params.get("size"), DEFAULT_VIEW.pageSize);
  return {
    page: positiveInt(params.get("page"), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_VIEW.pageSize,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "score",
    order: order === "asc" || order === "desc" ? order : null,
    algorithms: list(params.get("algorithm")),
    states: list(params.get("state")).filter((s) => (FINISHED_STATES as readonly string[]).includes(s)),
    scoreMin: finite(params.get("min")),
    scoreMax: finite(params.get("max")),
  };
}

/** `params` with the view written into it (defaults left out); other parameters are kept. */
export function writeView(view: LeaderboardView, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) next.delete(key);
  if (view.page !== 1) next.set("page", String(view.page));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) next.set("size", String(view.pageSize));
  if (view.sort !== "score") next.set("sort", view.sort);
  if (view.order !== null) next.set("order", view.order);
  if (view.algorithms.length) next.set("algorithm", view.algorithms.join(","));
  if (view.states.length) next.set("state", view.states.join(","));
  if (view.scoreMin !== null) next.set("min", String(view.scoreMin));
  if (view.scoreMax !== null) next.set("max", String(view.scoreMax));
  return next;
}

/** The API's query parameters for a view (with or without the page). */
export function viewQuery(view: LeaderboardView, withPage: boolean): URLSearchParams {
  const query = new URLSearchParams({ sort: view.sort });
  if (withPage) {
    query.set("page", String(view.page));
    query.set("page_size", String(view.pageSize));
  }
  if (view.order !== null) query.set("order", view.order);
  if (view.algorithms.length) query.set("algorithm", view.algorithms.join(","));
  if (view.states.length) query.set("state", view.states.join(","));
  if (view.scoreMin !== null) query.set("score_min", String(view.scoreMin));
  if (view.scoreMax !== null) query.set("score_max", String(view.scoreMax));
  return query;
}

/**
 * Clicking a column header: the sorted column flips direction, another column is sorted in its
 * natural order. Either way the view goes back to the first page.
 */
export function toggleSort(view: LeaderboardView, key: SortKey, descendingNow: boolean): LeaderboardView {
  if (key === view.sort) return { ...view, page: 1, order: descendingNow ? "asc" : "desc" };
  return { ...view, page: 1, sort: key, order: null };
}

/** The compare page's address for selections written `<experiment>:<number|final>`. */
export function compareHref(selections: readonly string[]): string {
  return `/compare?${new URLSearchParams({ trials: selections.join(",") }).toString()}`;
}

/** The selections in a compare page's query string. */
export function parseCompare(params: URLSearchParams): string[] {
  return list(params.get("trials"));
}
