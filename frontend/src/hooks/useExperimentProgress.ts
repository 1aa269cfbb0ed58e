/**
 * Follow one experiment while it runs: live events on one EventSource when the browser can,
 * polling `trials/?after=<cursor>` otherwise (or when the stream fails). Either way trials are
 * merged by number, so a trial seen twice is shown once.
 */
import { useCallback, useRef, useState } from "react";
import { cancelExperiment, getExperiment, listTrials } from "../api/client";
import { ApiError } from "../api/errors";
import { isActive, type Experiment, type Id, type Trial } from "../api/types";
import { mergeTrials, trialCursor } from "../domain/trials";
import { useI18n } from "../i18n/I18nProvider";
import { canStream, useExperimentEvents } from "./useExperimentEvents";
import { usePolling } from "./usePolling";

export const POLL_INTERVAL_MS = 1500;

/** How new trials reach the page: a live stream, or polling as the fallback. */
export type LiveMode = "stream" | "poll";

export interface ExperimentProgress {
  experiment: Experiment | null;
  trials: Trial[];
  /** The last failed request; cleared by the next successful one. */
  error: unknown;
  cancel: () => Promise<void>;
  mode: LiveMode;
  /** The trial that arrived last on the live stream (to announce it), or null. */
  latest: Trial | null;
  /** Trials the live stream has seen start (grows with each start: charts of running work redraw). */
  startedCount: number;
}

/** Errors that polling again cannot fix (gone, forbidden, bad id): stop instead of retrying. */
function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * The leading trials with consecutive numbers. Parallel trials finish out of order (5 before 4),
 * so the polling cursor must not pass a number the page has not seen yet.
 */
export function contiguousRun(trials: readonly Trial[]): Trial[] {
  const run: Trial[] = [];
  for (const trial of trials) {
    const last = run.at(-1);
    if (last !== undefined && trial.number !== last.number + 1) break;
    run.push(trial);
  }
  return run;
}

export function useExperimentProgress(
  experimentId: Id,
  intervalMs: number = POLL_INTERVAL_MS,
): ExperimentProgress {
  const { language } = useI18n();
  const [experiment, setExperiment] = useState<Experiment | null>(null);
  const [trials, setTrials] = useState<Trial[]>([]);
  const [latest, setLatest] = useState<Trial | null>(null);
  const [startedCount, setStartedCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<LiveMode>(() => (canStream() ? "stream" : "poll"));
  // Read by the poller and the stream without waiting for a render.
  const trialsRef = useRef<Trial[]>([]);
  const refreshing = useRef(false);
  const refreshAgain = useRef(false);

  const addTrials = useCallback((incoming: Trial[]) => {
    trialsRef.current = mergeTrials(trialsRef.current, incoming);
    setTrials(trialsRef.current);
  }, []);

  // Polling: the experiment, then (when polling, or once it has finished) the newer trials.
  // While streaming, the first step only loads the experiment: the stream replays the trials.
  const step = useCallback(async (): Promise<boolean> => {
    try {
      const current = await getExperiment(experimentId);
      if (mode === "poll" || !isActive(current.status)) {
        const cursor = trialCursor(contiguousRun(trialsRef.current));
        addTrials(await listTrials(experimentId, cursor));
      }
      setExperiment(current);
      setError(null);
      return mode === "poll" && isActive(current.status);
    } catch (caught) {
      setError(caught);
      return !isPermanent(caught);
    }
  }, [experimentId, mode, addTrials]);

  usePolling(step, intervalMs, `${experimentId}:${language}:${mode}`);

  // Events only say what changed; the experiment (best trial, counts, model) is fetched again,
  // at most one request at a time however fast events arrive.
  const refresh = useCallback(async () => {
    if (refreshing.current) {
      refreshAgain.current = true;
      return;
    }
    refreshing.current = true;
    try {
      do {
        refreshAgain.current = false;
        setExperiment(await getExperiment(experimentId));
      } while (refreshAgain.current);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      refreshing.current = false;
    }
  }, [experimentId]);

  const streaming = mode === "stream" && experiment !== null && isActive(experiment.status);
  useExperimentEvents(experimentId, streaming, {
    onTrial: (trial) => {
      addTrials([trial]);
      setLatest(trial);
      void refresh();
    },
    onTrialStarted: () => {
      setStartedCount((count) => count + 1);
      void refresh();
    },
    onStatus: () => void refresh(),
    onUnavailable: () => setMode("poll"),
  });

  const cancel = useCallback(async () => {
    setExperiment(await cancelExperiment(experimentId));
  }, [experimentId]);

  return { experiment, trials, error, cancel, mode, latest, startedCount };
}
