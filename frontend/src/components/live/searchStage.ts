/** Which stage a search is in, for the live page's progress block. */
import { isActive, type Experiment } from "../../api/types";

/** Searching trials, building the final model from the best ones, or over. */
export type SearchStage = "searching" | "finalModel" | "finished";

/**
 * The stage after `elapsedS` seconds of search (pauses excluded), or null before it started.
 * The final model is being built once the server says so (`finalizing`) or, until the page
 * hears it, once the time budget is spent while the experiment still runs.
 */
export function searchStage(experiment: Experiment, elapsedS: number): SearchStage | null {
  if (!isActive(experiment.status)) return "finished";
  if (experiment.startedAt === null) return null;
  if (experiment.finalizing) return "finalModel";
  if (experiment.status === "running" && elapsedS >= experiment.timeBudgetS) return "finalModel";
  return "searching";
}
