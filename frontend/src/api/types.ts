/**
 * Domain types: what pages and components work with.
 *
 * Ids are strings (they come from the URL and only go back to the API), timestamps are Dates,
 * and enumerations are closed unions so that a `switch` over them is checked by the compiler.
 */

export type Id = string;

export type Role = "owner" | "editor" | "viewer";
export type Task = "binary" | "multiclass" | "regression";
export type ExperimentStatus =
  | "waiting"
  | "queued"
  | "running"
  | "paused"
  | "succeeded"
  | "failed"
  | "cancelled";
export type TrialState =
  | "queued"
  | "running"
  | "complete"
  | "failed"
  | "timeout"
  | "pruned"
  | "cancelled";
export type ColumnKind =
  | "numeric"
  | "categorical"
  | "boolean"
  | "datetime"
  | "text"
  | "id"
  | "constant";

export interface User {
  id: Id;
  username: string;
  isStaff: boolean;
}

export interface Project {
  id: Id;
  name: string;
  description: string;
  role: Role;
  createdAt: Date;
}

/** A plain-language data warning, already translated by the server. */
export interface DataWarning {
  code: string;
  message: string;
  columns: string[];
}

export interface Column {
  name: string;
  kind: ColumnKind | string;
  missing: number;
  unique: number;
}

export interface Dataset {
  id: Id;
  projectId: Id;
  name: string;
  status: string;
  nRows: number;
  nColumns: number;
  encoding: string;
  delimiter: string;
  sizeBytes: number;
  columns: Column[];
  warnings: DataWarning[];
  suggestedTarget: string | null;
  createdAt: Date;
}

/** Something that stops training on a target (one class, all missing, ...), already translated. */
export interface TargetProblem {
  code: string;
  message: string;
}

/**
 * What the server says about one target choice: the task it implies and why (null when it
 * cannot tell), what blocks training, and warnings that do not.
 */
export interface TargetAdvice {
  target: string;
  task: Task | null;
  taskReason: string;
  problems: TargetProblem[];
  warnings: DataWarning[];
}

/** The first rows of a table, every cell as text (or null when missing). */
export interface TablePreview {
  columns: string[];
  rows: (string | null)[][];
}

export interface BestTrial {
  number: number;
  algorithm: string;
  score: number | null;
}

export interface Experiment {
  id: Id;
  projectId: Id;
  datasetId: Id;
  target: string;
  task: Task | string;
  taskReason: string;
  metric: string;
  greaterIsBetter: boolean;
  timeBudgetS: number;
  status: ExperimentStatus;
  /** 1 for the user's next waiting experiment to start; null unless it is waiting. */
  queuePosition: number | null;
  cancelRequested: boolean;
  progress: number;
  nTrials: number;
  best: BestTrial | null;
  modelId: Id | null;
  error: string;
  searcher: string;
  /** The algorithm families searched; empty means every family that suits the task. */
  algorithms: string[];
  /** Cross-validation folds (1 is a holdout); null when the engine chose by data size. */
  validationFolds: number | null;
  parallelism: number;
  /** The experiment this one replays (its completed trials, in order); null for a search. */
  replayOf: Id | null;
  createdAt: Date;
  startedAt: Date | null;
  /** Seconds spent paused in earlier pauses; the budget clock stops while paused. */
  pausedS: number;
  /** Since when the search is paused, or null. */
  pausedAt: Date | null;
  finishedAt: Date | null;
  /** The search is over and its final model is being built (the status is still running). */
  finalizing: boolean;
  /** When the running search is expected to finish (its ETA: the budget's end, or sooner when a
   * fixed plan of trials ends first); null when it is not running. */
  expectedFinishAt: Date | null;
}

export interface NewExperiment {
  datasetId: Id;
  target: string;
  timeBudgetS: number;
}

/** The best trial when a configuration was proposed. */
export interface ProposalIncumbent {
  number: number;
  algorithm: string;
  score: number | null;
}

/**
 * Why the search proposed a trial ("why this trial"). Numbers are in the experiment's metric
 * units; each is null when it does not apply to the source.
 */
export interface TrialProposal {
  /** manual, portfolio, replay, initial_design, model, random, promotion, or a searcher's name. */
  source: string;
  searcher: string | null;
  /** Share of training rows, when below 1 (Hyperband, BOHB). */
  fidelity: number | null;
  promotedFrom: number | null;
  /** The original trial a replay repeats. */
  originalTrial: number | null;
  predictedScore: number | null;
  predictedStd: number | null;
  expectedImprovement: number | null;
  acquisition: number | null;
  /** ei, pi, ucb (on the model's scale) or tpe. */
  acquisitionKind: string | null;
  incumbent: ProposalIncumbent | null;
}

export interface Trial {
  number: number;
  state: TrialState | string;
  algorithm: string;
  params: Record<string, unknown>;
  score: number | null;
  /** One score per fold; null where the metric was not a finite number (e.g. NaN). */
  foldScores: (number | null)[];
  fitTimeS: number | null;
  predictTimeS: number | null;
  error: string;
  finishedAt: Date | null;
  /** Why the search proposed it; null for trials queued before Daria kept it. */
  proposal: TrialProposal | null;
}

export interface TrainedModel {
  id: Id;
  experimentId: Id;
  projectId: Id;
  target: string;
  task: Task | string;
  metric: string;
  algorithm: string;
  score: number | null;
  metrics: Record<string, number | null>;
  classes: string[];
  featureNames: string[];
  createdAt: Date;
  downloadUrl: string;
}

/** Statuses after which an experiment never changes again. */
export const FINISHED_STATUSES: readonly ExperimentStatus[] = ["succeeded", "failed", "cancelled"];

/** True while an experiment can still change (and so is worth polling or cancelling). */
export function isActive(status: ExperimentStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

/** A member of a project, as its owners see it. `id` is the membership's id. */
export interface Member {
  id: Id;
  userId: Id;
  username: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** An API token as listed: its secret is never sent again, only its first characters. */
export interface ApiToken {
  id: Id;
  name: string;
  tokenKey: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A token just created, with its secret (shown this once). */
export interface CreatedApiToken extends ApiToken {
  secret: string;
}
