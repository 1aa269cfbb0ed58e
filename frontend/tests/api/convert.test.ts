/**
 * The wire-to-domain conversion of an experiment, pinned to the generated API types.
 *
 * The fixture is a full literal typed with the generated `WireExperiment`, and the key list is
 * asserted at the type level, so when the API schema gains, loses or renames a field of
 * Experiment the type check (`npm run lint`, `npm run build`) fails here and the converter gets
 * updated on purpose. The runtime assertions check that every field lands where it should.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { toExperiment, toWireId } from "../../src/api/convert";
import type { Experiment } from "../../src/api/types";
import type { WireExperiment } from "../../src/api/wire";

const WIRE: WireExperiment = {
  id: 42,
  project: 3,
  dataset: 7,
  target: "Survived",
  task: "binary",
  task_reason: "The target has two values.",
  metric: "roc_auc",
  greater_is_better: true,
  time_budget_s: 60,
  status: "succeeded",
  queue_position: null,
  cancel_requested: false,
  progress: 1,
  n_trials: 12,
  best: { number: 9, algorithm: "lightgbm", score: 0.87 },
  model: 5,
  error: "",
  searcher: "tpe",
  algorithms: ["lightgbm", "linear"],
  validation_folds: 5,
  parallelism: 2,
  replay_of: 40,
  created_at: "2026-12-01T08:00:00Z",
  started_at: "2026-12-01T08:00:01Z",
  finished_at: "2026-12-01T08:01:01Z",
  paused_s: 12.5,
  paused_at: null,
  finalizing: false,
  expected_finish_at: null,
};

describe("toExperiment", () => {
  it("knows every field the API schema gives an experiment", () => {
    expectTypeOf<keyof WireExperiment>().toEqualTypeOf<
      | "id"
      | "project"
      | "dataset"
      | "target"
      | "task"
      | "task_reason"
      | "metric"
      | "greater_is_better"
      | "time_budget_s"
      | "status"
      | "queue_position"
      | "cancel_requested"
      | "progress"
      | "n_trials"
      | "best"
      | "model"
      | "error"
      | "searcher"
      | "algorithms"
      | "validation_folds"
      | "parallelism"
      | "replay_of"
      | "created_at"
      | "started_at"
      | "finished_at"
      | "paused_s"
      | "paused_at"
      | "finalizing"
      | "expected_finish_at"
    >();
  });

  it("turns ids into strings, timestamps into dates and snake_case into camelCase", () => {
    const expected: Experiment = {
      id: "42",
      projectId: "3",
      datasetId: "7",
      target: "Survived",
      task: "binary",
      taskReason: "The target has two values.",
      metric: "roc_auc",
      greaterIsBetter: true,
      timeBudgetS: 60,
      status: "succeeded",
      queuePosition: null,
      cancelRequested: false,
      progress: 1,
      nTrials: 12,
      best: { number: 9, algorithm: "lightgbm", score: 0.87 },
      modelId: "5",
      error: "",
      searcher: "tpe",
      algorithms: ["lightgbm", "linear"],
      validationFolds: 5,
      parallelism: 2,
      replayOf: "40",
      createdAt: new Date("2026-12-01T08:00:00Z"),
      startedAt: new Date("2026-12-01T08:00:01Z"),
      finishedAt: new Date("2026-12-01T08:01:01Z"),
      pausedS: 12.5,
      pausedAt: null,
      finalizing: false,
      expectedFinishAt: null,
    };

    expect(toExperiment(WIRE)).toEqual(expected);
  });

  it("keeps a missing best trial, model and timestamps as null", () => {
    const queued = toExperiment({
      ...WIRE,
      status: "queued",
      best: null,
      model: null,
      started_at: null,
      finished_at: null,
    });

    expect([queued.best, queued.modelId, queued.startedAt, queued.finishedAt]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("toWireId", () => {
  it("sends a domain id back as the integer the API expects", () => {
    expect(toWireId("42")).toBe(42);
  });
});
