/**
 * Wire JSON as the API sends it, with overridable fields, for tests. Typed with the generated
 * wire types, so a fixture that no longer matches the API schema fails the type check.
 */
import type {
  WireDataset,
  WireExperiment,
  WireProject,
  WireTargetAdvice,
  WireTrial,
  WireUser,
} from "../../src/api/wire";

export function wireUser(overrides: Partial<WireUser> = {}): WireUser {
  return { id: 1, username: "alice", is_staff: true, ...overrides };
}

export function wireProject(overrides: Partial<WireProject> = {}): WireProject {
  return {
    id: 3,
    name: "Churn",
    description: "",
    role: "owner",
    created_at: "2026-12-01T08:00:00Z",
    ...overrides,
  };
}

export function wireDataset(overrides: Partial<WireDataset> = {}): WireDataset {
  return {
    id: 7,
    project: 3,
    name: "titanic.csv",
    status: "ready",
    n_rows: 891,
    n_columns: 3,
    encoding: "utf-8",
    delimiter: ",",
    format: "csv",
    sheet: "",
    read_options: {},
    duplicated_rows: 0,
    memory_bytes: 120000,
    error: "",
    error_code: "",
    size_bytes: 61194,
    columns: [
      { name: "Age", kind: "numeric", missing: 177, unique: 88, stats: {} },
      { name: "Sex", kind: "categorical", missing: 0, unique: 2, stats: {} },
      { name: "Survived", kind: "boolean", missing: 0, unique: 2, stats: {} },
    ],
    warnings: [],
    suggested_target: "Survived",
    created_at: "2026-12-01T08:00:00Z",
    ...overrides,
  };
}

export function wireExperiment(overrides: Partial<WireExperiment> = {}): WireExperiment {
  return {
    id: 42,
    project: 3,
    dataset: 7,
    target: "Survived",
    task: "binary",
    task_reason: "The target has two values.",
    metric: "roc_auc",
    greater_is_better: true,
    time_budget_s: 60,
    status: "running",
    queue_position: null,
    cancel_requested: false,
    progress: 0.25,
    n_trials: 0,
    best: null,
    model: null,
    error: "",
    searcher: "random",
    algorithms: [],
    validation_folds: null,
    parallelism: 2,
    replay_of: null,
    created_at: "2026-12-01T08:00:00Z",
    started_at: "2026-12-01T08:00:01Z",
    paused_s: 0,
    paused_at: null,
    finished_at: null,
    finalizing: false,
    expected_finish_at: null,
    ...overrides,
  };
}

export function wireTrial(number: number, overrides: Partial<WireTrial> = {}): WireTrial {
  return {
    number,
    state: "complete",
    algorithm: "lightgbm",
    params: {},
    score: 0.8,
    fold_scores: [0.78, 0.8, 0.82],
    fit_time_s: 1.5,
    predict_time_s: 0.1,
    error: "",
    finished_at: "2026-12-01T08:00:05Z",
    proposal: null,
    worker: "",
    ...overrides,
  };
}

export function wireTargetAdvice(overrides: Partial<WireTargetAdvice> = {}): WireTargetAdvice {
  return {
    target: "Survived",
    task: "binary",
    task_reason: "The target has two values.",
    problems: [],
    warnings: [],
    ...overrides,
  };
}
