/**
 * Replays: start one (a new experiment that re-runs an experiment's completed trials in order,
 * deterministically) and read how it compares with its original. Wire shapes are the generated
 * schema types (`make api-types`), converted here to the domain's camelCase.
 */
import { request } from "./client";
import { toExperiment } from "./convert";
import type { components } from "./schema";
import type { Experiment, Id } from "./types";

type Schemas = components["schemas"];
type WireComparison = Schemas["ReplayComparison"];
type WireTrialComparison = Schemas["TrialComparison"];

export type Verdict = WireTrialComparison["verdict"];

/** One original trial and its replay. */
export interface TrialComparison {
  /** The original trial's number. */
  number: number;
  replayNumber: number;
  algorithm: string;
  originalScore: number;
  replayedScore: number | null;
  replayedState: string | null;
  /** |replayed - original| when both are known. */
  difference: number | null;
  verdict: Verdict;
}

/** A replay against its original, with the count of each verdict. */
export interface ReplayComparison {
  replayId: Id;
  /** Null once the original was deleted. */
  originalId: Id | null;
  finished: boolean;
  tolerance: number;
  total: number;
  reproduced: number;
  differs: number;
  pending: number;
  notRun: number;
  allReproduced: boolean;
  trials: TrialComparison[];
}

function encode(id: Id): string {
  return encodeURIComponent(String(id));
}

function toTrialComparison(w: WireTrialComparison): TrialComparison {
  return {
    number: w.number,
    replayNumber: w.replay_number,
    algorithm: w.algorithm,
    originalScore: w.original_score,
    replayedScore: w.replayed_score,
    replayedState: w.replayed_state,
    difference: w.difference,
    verdict: w.verdict,
  };
}

export function toReplayComparison(w: WireComparison): ReplayComparison {
  return {
    replayId: String(w.replay),
    originalId: w.original === null ? null : String(w.original),
    finished: w.finished,
    tolerance: w.tolerance,
    total: w.total,
    reproduced: w.reproduced,
    differs: w.differs,
    pending: w.pending,
    notRun: w.not_run,
    allReproduced: w.all_reproduced,
    trials: w.trials.map(toTrialComparison),
  };
}

/** Start a replay of `experimentId`; resolves to the new experiment. */
export async function replayExperiment(experimentId: Id): Promise<Experiment> {
  return toExperiment((await request("POST", `/experiments/${encode(experimentId)}/replay/`)) as Schemas["Experiment"]);
}

/** How the replay `replayId` compares with its original, trial by trial. */
export async function getReplayComparison(replayId: Id): Promise<ReplayComparison> {
  const wire = (await request("GET", `/experiments/${encode(replayId)}/replay-comparison/`)) as WireComparison;
  return toReplayComparison(wire);
}
