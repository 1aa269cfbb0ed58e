/**
 * The saved comparison of search strategies (`src/data/search-strategies.json`, written by the
 * benchmark): checked when read, turned into an overlaid best-so-far figure and a summary.
 */
import type { Figure } from "../components/data/dataApi";

export interface StrategyTrial {
  number: number;
  elapsed_s: number;
  algorithm: string;
  score: number | null;
  best_so_far: number | null;
}

export interface StrategyRun {
  searcher: string;
  trials: StrategyTrial[];
}

export interface StrategyReport {
  dataset: string;
  metric: string;
  greater_is_better: boolean;
  budget_s: number;
  date: string;
  command: string;
  strategies: StrategyRun[];
}

// Okabe–Ito: distinguishable with every common colour-vision deficiency; each line also gets its
// own dash style and marker, so colour is never the only cue.
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];
export const DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
export const MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "hexagon"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";

function isTrial(value: unknown): value is StrategyTrial {
  return (
    isRecord(value) &&
    typeof value.number === "number" &&
    typeof value.elapsed_s === "number" &&
    typeof value.algorithm === "string" &&
    isNumberOrNull(value.score) &&
    isNumberOrNull(value.best_so_far)
  );
}

/** The report when `value` has its shape, else null (a broken file shows a message, not a crash). */
export function parseStrategyReport(value: unknown): StrategyReport | null {
  if (!isRecord(value) || !Array.isArray(value.strategies)) return null;
  const header =
    typeof value.dataset === "string" &&
    typeof value.metric === "string" &&
    typeof value.greater_is_better === "boolean" &&
    typeof value.budget_s === "number";
  const runs = value.strategies.every(
    (run) => isRecord(run) && typeof run.searcher === "string" && Array.isArray(run.trials) && run.trials.every(isTrial),
  );
  if (!header || !runs) return null;
  return {
    dataset: value.dataset as string,
    metric: value.metric as string,
    greater_is_better: value.greater_is_better as boolean,
    budget_s: value.budget_s as number,
    date: typeof value.date === "string" ? value.date : "",
    command: typeof value.command === "string" ? value.command : "",
    strategies: value.strategies as StrategyRun[],
  };
}

/** The best score a run reached (its last best-so-far), or null when no trial scored. */
export function finalBest(run: StrategyRun): number | null {
  const scored = run.trials.filter((trial) => trial.best_so_far !== null);
  return scored.length ? (scored[scored.length - 1]?.best_so_far ?? null) : null;
}

/** Which plain-language explanation fits a searcher name. */
export function explanationKind(
  searcher: string,
): "random" | "grid" | "evolution" | "gp" | "rf" | "tpe" | "hyperband" | "manual" | "other" {
  if (searcher === "random" || searcher === "grid" || searcher === "evolution" || searcher === "tpe") return searcher;
  if (searcher === "manual") return "manual";
  if (searcher.startsWith("gp")) return "gp";
  if (searcher.startsWith("rf")) return "rf";
  if (searcher === "hyperband" || searcher === "bohb") return "hyperband";
  return "other";
}

/** One step line of best-so-far against time per strategy, each with its colour, dash and marker. */
export function bestSoFarFigure(report: StrategyReport, axisTime: string, axisScore: string): Figure {
  return {
    data: report.strategies.map((run, index) => {
      const scored = run.trials.filter((trial) => trial.best_so_far !== null);
      return {
        type: "scatter",
        mode: "lines+markers",
        name: run.searcher,
        x: scored.map((trial) => trial.elapsed_s),
        y: scored.map((trial) => trial.best_so_far),
        line: { shape: "hv", color: PALETTE[index % PALETTE.length], dash: DASHES[index % DASHES.length], width: 2 },
        marker: { symbol: MARKERS[index % MARKERS.length], size: 7 },
      };
    }),
    layout: {
      xaxis: { title: { text: axisTime }, rangemode: "tozero" },
      yaxis: { title: { text: axisScore } },
      legend: { orientation: "h", y: -0.2 },
      margin: { t: 20 },
    },
  };
}
