/**
 * Wire types: the JSON exactly as the REST API (docs/api.md) sends it.
 *
 * Kept in this one file so that replacing it with types generated from the OpenAPI schema
 * touches nothing else; the rest of the app only sees the domain types in `types.ts`.
 */

export type WireId = number | string;

export interface WireUser {
  id: WireId;
  username: string;
  is_staff: boolean;
}

export interface WireSetupStatus {
  needs_setup: boolean;
}

export interface WireProject {
  id: WireId;
  name: string;
  description: string;
  role: "owner" | "editor" | "viewer";
  created_at: string;
}

export interface WireWarning {
  code: string;
  message: string;
  columns: string[];
}

export interface WireColumn {
  name: string;
  kind: string;
  missing: number;
  unique: number;
}

export interface WireDataset {
  id: WireId;
  project: WireId;
  name: string;
  status: string;
  n_rows: number;
  n_columns: number;
  encoding: string;
  delimiter: string;
  size_bytes: number;
  columns: WireColumn[];
  warnings: WireWarning[];
  suggested_target: string | null;
  created_at: string;
}

export interface WirePreview {
  columns: string[];
  rows: (string | null)[][];
}

export interface WireBest {
  number: number;
  algorithm: string;
  score: number | null;
}

export interface WireExperiment {
  id: WireId;
  project: WireId;
  dataset: WireId;
  target: string;
  task: string;
  task_reason: string;
  metric: string;
  greater_is_better: boolean;
  time_budget_s: number;
  status: string;
  /** Set once a cancel was asked for, until the worker stops (not yet in docs/api.md). */
  cancel_requested?: boolean;
  progress: number;
  n_trials: number;
  best: WireBest | null;
  model: WireId | null;
  error: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface WireExperimentCreate {
  dataset: WireId;
  target: string;
  task?: string;
  metric?: string;
  time_budget_s?: number;
}

export interface WireTrial {
  number: number;
  state: string;
  algorithm: string;
  params: Record<string, unknown>;
  score: number | null;
  fold_scores: number[];
  fit_time_s: number | null;
  predict_time_s: number | null;
  error: string;
  finished_at: string | null;
}

export interface WireTrainedModel {
  id: WireId;
  experiment: WireId;
  project: WireId;
  target: string;
  task: string;
  metric: string;
  algorithm: string;
  score: number | null;
  metrics: Record<string, number | null>;
  classes: string[];
  feature_names: string[];
  created_at: string;
  download_url: string;
}

export interface WirePredictionBatch {
  id: WireId;
  model: WireId;
  n_rows: number;
  warnings: WireWarning[];
  columns: string[];
  preview: (string | null)[][];
  download_url: string;
}

/** The error body of every failed request: `{detail, code}`, or DRF's `{field: [message]}`. */
export type WireError =
  | { detail: string; code?: string }
  | Record<string, string[] | string>;
