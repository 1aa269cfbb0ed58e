/** Conversions between wire JSON (`wire.ts`, generated) and domain types (`types.ts`). */
import type { ApiToken, CreatedApiToken, Member } from "./types";
import type { WireApiToken, WireApiTokenCreated, WireMember } from "./wire";
import type {
  Column,
  DataWarning,
  Dataset,
  Experiment,
  Id,
  Project,
  TablePreview,
  TargetAdvice,
  TrainedModel,
  Trial,
  TrialProposal,
  User,
} from "./types";
import type {
  WireColumn,
  WireDataset,
  WireExperiment,
  WireId,
  WirePreview,
  WireProject,
  WireTargetAdvice,
  WireTrainedModel,
  WireTrial,
  WireTrialProposal,
  WireUser,
  WireWarning,
} from "./wire";

function id(value: WireId): Id {
  return String(value);
}

/** A domain id as the API expects it in a request body (an integer). */
export function toWireId(value: Id): WireId {
  return Number(value);
}

function optionalDate(value: string | null): Date | null {
  return value ? new Date(value) : null;
}

export function toUser(w: WireUser): User {
  return { id: id(w.id), username: w.username, isStaff: w.is_staff };
}

export function toProject(w: WireProject): Project {
  return {
    id: id(w.id),
    name: w.name,
    // The serializer always sends it, but the schema marks it optional (it may be omitted on input).
    description: w.description ?? "",
    role: w.role,
    createdAt: new Date(w.created_at),
  };
}

export function toWarning(w: WireWarning): DataWarning {
  return { code: w.code, message: w.message, columns: w.columns };
}

function toColumn(w: WireColumn): Column {
  return { name: w.name, kind: w.kind, missing: w.missing, unique: w.unique };
}

export function toDataset(w: WireDataset): Dataset {
  return {
    id: id(w.id),
    projectId: id(w.project),
    name: w.name,
    status: w.status,
    nRows: w.n_rows,
    nColumns: w.n_columns,
    encoding: w.encoding,
    delimiter: w.delimiter,
    sizeBytes: w.size_bytes,
    columns: w.columns.map(toColumn),
    warnings: w.warnings.map(toWarning),
    suggestedTarget: w.suggested_target,
    createdAt: new Date(w.created_at),
  };
}

export function toPreview(w: WirePreview): TablePreview {
  return { columns: w.columns, rows: w.rows };
}

export function toTargetAdvice(w: WireTargetAdvice): TargetAdvice {
  return {
    target: w.target,
    task: w.task,
    taskReason: w.task_reason,
    problems: w.problems.map((problem) => ({ code: problem.code, message: problem.message })),
    warnings: w.warnings.map(toWarning),
  };
}

export function toExperiment(w: WireExperiment): Experiment {
  return {
    id: id(w.id),
    projectId: id(w.project),
    datasetId: id(w.dataset),
    target: w.target,
    task: w.task,
    taskReason: w.task_reason,
    metric: w.metric,
    greaterIsBetter: w.greater_is_better,
    timeBudgetS: w.time_budget_s,
    status: w.status,
    queuePosition: w.queue_position ?? null,
    cancelRequested: w.cancel_requested,
    progress: w.progress,
    nTrials: w.n_trials,
    best: w.best ? { number: w.best.number, algorithm: w.best.algorithm, score: w.best.score } : null,
    modelId: w.model === null ? null : id(w.model),
    error: w.error,
    searcher: w.searcher ?? "",
    algorithms: w.algorithms ?? [],
    validationFolds: w.validation_folds ?? null,
    parallelism: w.parallelism ?? 1,
    replayOf: w.replay_of === null || w.replay_of === undefined ? null : id(w.replay_of),
    createdAt: new Date(w.created_at),
    startedAt: optionalDate(w.started_at),
    pausedS: w.paused_s,
    pausedAt: optionalDate(w.paused_at),
    finishedAt: optionalDate(w.finished_at),
    finalizing: w.finalizing,
    expectedFinishAt: optionalDate(w.expected_finish_at),
  };
}

export function toTrial(w: WireTrial): Trial {
  return {
    number: w.number,
    state: w.state,
    algorithm: w.algorithm,
    params: w.params,
    score: w.score,
    foldScores: w.fold_scores,
    fitTimeS: w.fit_time_s,
    predictTimeS: w.predict_time_s,
    error: w.error,
    finishedAt: new Date(w.finished_at),
    proposal: w.proposal ? toTrialProposal(w.proposal) : null,
  };
}

export function toTrialProposal(w: WireTrialProposal): TrialProposal {
  return {
    source: w.source,
    searcher: w.searcher ?? null,
    fidelity: w.fidelity ?? null,
    promotedFrom: w.promoted_from ?? null,
    originalTrial: w.original_trial ?? null,
    predictedScore: w.predicted_score ?? null,
    predictedStd: w.predicted_std ?? null,
    expectedImprovement: w.expected_improvement ?? null,
    acquisition: w.acquisition ?? null,
    acquisitionKind: w.acquisition_kind ?? null,
    incumbent: w.incumbent
      ? { number: w.incumbent.number, algorithm: w.incumbent.algorithm, score: w.incumbent.score ?? null }
      : null,
  };
}

export function toTrainedModel(w: WireTrainedModel): TrainedModel {
  return {
    id: id(w.id),
    experimentId: id(w.experiment),
    projectId: id(w.project),
    target: w.target,
    task: w.task,
    metric: w.metric,
    algorithm: w.algorithm,
    score: w.score,
    metrics: w.metrics,
    classes: w.classes,
    featureNames: w.feature_names,
    createdAt: new Date(w.created_at),
    downloadUrl: w.download_url,
  };
}

export function toMember(w: WireMember): Member {
  return {
    id: id(w.id),
    userId: id(w.user),
    username: w.username,
    email: w.email,
    role: w.role,
    createdAt: new Date(w.created_at),
  };
}

export function toApiToken(w: WireApiToken): ApiToken {
  return {
    id: id(w.id),
    name: w.name,
    tokenKey: w.token_key,
    createdAt: new Date(w.created),
    expiresAt: new Date(w.expiry),
  };
}

export function toCreatedApiToken(w: WireApiTokenCreated): CreatedApiToken {
  return { ...toApiToken(w), secret: w.token };
}
