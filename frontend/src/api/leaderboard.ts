/**
 * The leaderboard, search diagnostics and comparison API (issue 7): wire types from the
 * generated schema, converted to camelCase domain objects like the rest of the client.
 */
import type { ChartPayload } from "../components/charts/ChartCard";
import type { Figure } from "../components/data/dataApi";
import type { LeaderboardView } from "../components/leaderboard/urlState";
import { viewQuery } from "../components/leaderboard/urlState";
import { request } from "./client";
import type { Id } from "./types";
import type { components } from "./schema";

type Schemas = components["schemas"];
type WireRow = Schemas["LeaderboardRow"];
type WirePage = Schemas["LeaderboardPage"];
type WireChart = Schemas["Chart"];
type WireDiagnosticsIndex = Schemas["DiagnosticsIndex"];
type WireCompare = Schemas["Compare"];

export interface LeaderboardRow {
  kind: "trial" | "ensemble";
  number: number | null;
  state: string;
  algorithm: string;
  params: Record<string, unknown>;
  score: number | null;
  metrics: Record<string, number>;
  foldMean: number | null;
  foldStd: number | null;
  nFolds: number;
  fitTimeS: number | null;
  predictTimePer1000S: number | null;
  modelSizeBytes: number | null;
  isBest: boolean;
  tiedWithBest: boolean | null;
  error: string;
}

export interface LeaderboardPage {
  count: number;
  page: number;
  pageSize: number;
  numPages: number;
  metric: string;
  greaterIsBetter: boolean;
  sort: string;
  descending: boolean;
  bestNumber: number | null;
  ensemble: LeaderboardRow | null;
  /** Every algorithm the finished trials used: the algorithm filter's choices. */
  algorithms: string[];
  results: LeaderboardRow[];
}

function toRow(w: WireRow): LeaderboardRow {
  return {
    kind: w.kind,
    number: w.number,
    state: w.state,
    algorithm: w.algorithm,
    params: w.params,
    score: w.score,
    metrics: w.metrics,
    foldMean: w.fold_mean,
    foldStd: w.fold_std,
    nFolds: w.n_folds,
    fitTimeS: w.fit_time_s,
    predictTimePer1000S: w.predict_time_per_1000_s,
    modelSizeBytes: w.model_size_bytes,
    isBest: w.is_best,
    tiedWithBest: w.tied_with_best,
    error: w.error,
  };
}

function toPage(w: WirePage): LeaderboardPage {
  return {
    count: w.count,
    page: w.page,
    pageSize: w.page_size,
    numPages: w.num_pages,
    metric: w.metric,
    greaterIsBetter: w.greater_is_better,
    sort: w.sort,
    descending: w.descending,
    bestNumber: w.best_number,
    ensemble: w.ensemble ? toRow(w.ensemble) : null,
    algorithms: w.algorithms,
    results: w.results.map(toRow),
  };
}

function toChart(w: WireChart): ChartPayload {
  return { figure: w.figure as unknown as Figure, table: w.table };
}

const base = (experimentId: Id) => `/experiments/${encodeURIComponent(experimentId)}`;

/** One page of the leaderboard as the view asks for it. */
export async function getLeaderboard(experimentId: Id, view: LeaderboardView): Promise<LeaderboardPage> {
  const query = viewQuery(view, true).toString();
  return toPage((await request("GET", `${base(experimentId)}/leaderboard/?${query}`)) as WirePage);
}

/** Where the browser downloads the whole leaderboard with the view's filters and sort. */
export function leaderboardExportUrl(experimentId: Id, view: LeaderboardView, format: "csv" | "xlsx"): string {
  const query = viewQuery(view, false);
  query.set("file_format", format);
  return `/api/v1${base(experimentId)}/leaderboard/export/?${query.toString()}`;
}

export interface DiagnosticsAlgorithm {
  name: string;
  completed: number;
  params: string[];
  importanceAvailable: boolean;
}

export interface DiagnosticsIndex {
  charts: string[];
  algorithms: DiagnosticsAlgorithm[];
  minImportanceTrials: number;
}

export async function getDiagnosticsIndex(experimentId: Id): Promise<DiagnosticsIndex> {
  const w = (await request("GET", `${base(experimentId)}/diagnostics/`)) as WireDiagnosticsIndex;
  return {
    charts: w.charts,
    algorithms: w.algorithms.map((a) => ({
      name: a.name,
      completed: a.completed,
      params: a.params,
      importanceAvailable: a.importance_available,
    })),
    minImportanceTrials: w.min_importance_trials,
  };
}

export async function getDiagnosticsChart(
  experimentId: Id,
  chart: string,
  choice: { algorithm?: string; param?: string } = {},
): Promise<ChartPayload> {
  const query = new URLSearchParams();
  if (choice.algorithm) query.set("algorithm", choice.algorithm);
  if (choice.param) query.set("param", choice.param);
  const url = `${base(experimentId)}/diagnostics/${encodeURIComponent(chart)}/?${query.toString()}`;
  return toChart((await request("GET", url)) as WireChart);
}

export interface CompareEntry {
  ref: string;
  experimentId: Id;
  number: number | null;
  kind: "trial" | "final";
  label: string;
  algorithm: string;
  state: string;
  metric: string;
  target: string;
  foldScores: (number | null)[];
  foldMean: number | null;
  foldStd: number | null;
}

export interface CompareParameter {
  name: string;
  values: (string | null)[];
  differs: boolean;
}

export interface CompareMetric {
  name: string;
  greaterIsBetter: boolean;
  values: (number | null)[];
  deltas: (number | null)[];
  better: (boolean | null)[];
}

export type PredictionChartKind = Schemas["ComparePredictionsKindEnum"];

export interface Comparison {
  entries: CompareEntry[];
  parameters: CompareParameter[];
  metrics: CompareMetric[];
  foldChart: ChartPayload;
  /** roc: binary; roc_ovr: multiclass (macro-averaged one-vs-rest); residuals: regression. */
  predictions: { kind: PredictionChartKind | null; chart: ChartPayload | null; missing: string[] };
}

/** Compare selections written `<experiment id>:<trial number>` or `<experiment id>:final`. */
export async function compareSelections(selections: readonly string[]): Promise<Comparison> {
  const query = new URLSearchParams({ trials: selections.join(",") });
  const w = (await request("GET", `/compare/?${query.toString()}`)) as WireCompare;
  return {
    entries: w.entries.map((e) => ({
      ref: e.ref,
      experimentId: String(e.experiment),
      number: e.number,
      kind: e.kind,
      label: e.label,
      algorithm: e.algorithm,
      state: e.state,
      metric: e.metric,
      target: e.target,
      foldScores: e.fold_scores,
      foldMean: e.fold_mean,
      foldStd: e.fold_std,
    })),
    parameters: w.parameters,
    metrics: w.metrics.map((m) => ({
      name: m.name,
      greaterIsBetter: m.greater_is_better,
      values: m.values,
      deltas: m.deltas,
      better: m.better,
    })),
    foldChart: toChart(w.fold_chart),
    predictions: {
      kind: w.predictions.kind ?? null,
      chart: w.predictions.chart ? toChart(w.predictions.chart) : null,
      missing: w.predictions.missing,
    },
  };
}
