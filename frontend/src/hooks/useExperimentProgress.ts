/** Follow one experiment while it runs: its status and a leaderboard that only grows. */
import { useCallback, useRef, useState } from "react";
import { cancelExperiment, getExperiment, listTrials } from "../api/client";
import { ApiError } from "../api/errors";
import { isActive, type Experiment, type Id, type Trial } from "../api/types";
import { mergeTrials, trialCursor } from "../domain/trials";
import { useI18n } from "../i18n/I18nProvider";
import { usePolling } from "./usePolling";

export const POLL_INTERVAL_MS = 1500;

export interface ExperimentProgress {
  experiment: Experiment | null;
  trials: Trial[];
  /** The last failed poll; cleared by the next successful one. */
  error: unknown;
  cancel: () => Promise<void>;
}

/** Errors that polling again cannot fix (gone, forbidden, bad id): stop instead of retrying. */
function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * Poll the experiment and `trials/?after=<cursor>` every `intervalMs` while it is queued or
 * running, merging new trials into the list in place; one last poll after it finishes.
 */
export function useExperimentProgress(
  experimentId: Id,
  intervalMs: number = POLL_INTERVAL_MS,
): ExperimentProgress {
  const { language } = useI18n();
  const [experiment, setExperiment] = useState<Experiment | null>(null);
  const [trials, setTrials] = useState<Trial[]>([]);
  const [error, setError] = useState<unknown>(null);
  // The poller reads the trials it already holds without waiting for a render.
  const trialsRef = useRef<Trial[]>([]);

  const step = useCallback(async (): Promise<boolean> => {
    try {
      // Experiment first: if it has finished, the trials fetched next are complete.
      const latest = await getExperiment(experimentId);
      const incoming = await listTrials(experimentId, trialCursor(trialsRef.current));
      trialsRef.current = mergeTrials(trialsRef.current, incoming);
      setExperiment(latest);
      setTrials(trialsRef.current);
      setError(null);
      return isActive(latest.status);
    } catch (caught) {
      setError(caught);
      return !isPermanent(caught);
    }
  }, [experimentId]);

  usePolling(step, intervalMs, `${experimentId}:${language}`);

  const cancel = useCallback(async () => {
    setExperiment(await cancelExperiment(experimentId));
  }, [experimentId]);

  return { experiment, trials, error, cancel };
}
