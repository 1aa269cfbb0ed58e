/** One EventSource on an experiment's live event stream (Server-Sent Events). */
import { useEffect, useRef } from "react";
import { experimentEventsUrl } from "../api/client";
import { toTrial } from "../api/convert";
import type { Id, Trial } from "../api/types";
import type { WireTrial } from "../api/wire";

/** Failed (re)connections in a row after which the stream is given up for polling. */
export const MAX_STREAM_FAILURES = 3;

export interface ExperimentEventHandlers {
  /** A trial was committed (or changed): apply it by number, never append it twice. */
  onTrial: (trial: Trial) => void;
  /** A worker started a trial (it is running; its result comes later as a trial event). */
  onTrialStarted: (trial: Trial) => void;
  /** The experiment's status changed (queued, running, finished...). */
  onStatus: (status: string) => void;
  /** The stream cannot be used (no EventSource, refused, or keeps failing): poll instead. */
  onUnavailable: () => void;
}

/** Whether this browser can open a live stream at all. */
export function canStream(): boolean {
  return typeof EventSource !== "undefined";
}

/**
 * While `enabled`, hold one EventSource on the experiment's events. The browser reconnects by
 * itself after a dropped connection and sends the last event id, so the server replays exactly
 * what was missed. A stream the server closes for good (for example with 204 once the experiment
 * has finished) or that fails `MAX_STREAM_FAILURES` times in a row ends in `onUnavailable`.
 */
export function useExperimentEvents(
  experimentId: Id,
  enabled: boolean,
  handlers: ExperimentEventHandlers,
): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    if (!canStream()) {
      handlersRef.current.onUnavailable();
      return undefined;
    }
    const source = new EventSource(experimentEventsUrl(experimentId), { withCredentials: true });
    let failures = 0;
    source.onopen = () => {
      failures = 0;
    };
    source.onerror = () => {
      failures += 1;
      if (source.readyState === EventSource.CLOSED || failures >= MAX_STREAM_FAILURES) {
        source.close();
        handlersRef.current.onUnavailable();
      }
    };
    source.addEventListener("trial", (event) => {
      handlersRef.current.onTrial(toTrial(JSON.parse((event as MessageEvent<string>).data) as WireTrial));
    });
    source.addEventListener("trial_started", (event) => {
      handlersRef.current.onTrialStarted(
        toTrial(JSON.parse((event as MessageEvent<string>).data) as WireTrial),
      );
    });
    source.addEventListener("status", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { status: string };
      handlersRef.current.onStatus(data.status);
    });
    return () => source.close();
  }, [experimentId, enabled]);
}
