import { describe, expect, it } from "vitest";
import raw from "../../src/data/search-strategies.json?raw";
import {
  DASHES,
  bestSoFarFigure,
  explanationKind,
  finalBest,
  parseStrategyReport,
} from "../../src/domain/strategies";

const REPORT = {
  dataset: "credit",
  metric: "roc_auc",
  greater_is_better: true,
  budget_s: 30,
  date: "2026-12-01",
  command: "python bench/strategies.py",
  strategies: [
    { searcher: "random", trials: [
      { number: 0, elapsed_s: 1, algorithm: "linear", score: 0.7, best_so_far: 0.7 },
      { number: 1, elapsed_s: 3, algorithm: "knn", score: null, best_so_far: 0.7 },
      { number: 2, elapsed_s: 5, algorithm: "lightgbm", score: 0.8, best_so_far: 0.8 },
    ] },
    { searcher: "gp-ei", trials: [] },
  ],
};

describe("the strategy comparison", () => {
  it("reads the saved benchmark file", () => {
    expect(parseStrategyReport(JSON.parse(raw))).not.toBeNull();
  });

  it("refuses a file of another shape", () => {
    expect(parseStrategyReport({ ...REPORT, strategies: [{ searcher: "random", trials: [{ number: "x" }] }] })).toBeNull();
    expect(parseStrategyReport([])).toBeNull();
  });

  it("draws one step line per strategy with its own dash style", () => {
    const report = parseStrategyReport(REPORT)!;
    const figure = bestSoFarFigure(report, "time", "score");
    const traces = figure.data as { name: string; x: number[]; y: number[]; line: { dash: string; shape: string } }[];
    expect(traces.map((trace) => trace.name)).toEqual(["random", "gp-ei"]);
    expect(traces[0]!.y).toEqual([0.7, 0.7, 0.8]);
    expect(traces[0]!.line.shape).toBe("hv");
    expect(traces.map((trace) => trace.line.dash)).toEqual(DASHES.slice(0, 2));
    expect(finalBest(report.strategies[0]!)).toBe(0.8);
    expect(finalBest(report.strategies[1]!)).toBeNull();
  });

  it("explains every searcher family in plain words", () => {
    expect(["random", "grid", "evolution", "gp-ucb", "rf-ei", "tpe", "bohb", "manual", "new"].map(explanationKind))
      .toEqual(["random", "grid", "evolution", "gp", "rf", "tpe", "hyperband", "manual", "other"]);
  });
});
