/**
 * A value that follows another at most once per interval: the first change after a quiet
 * interval passes at once, later ones are merged into one at the end of the interval. The live
 * charts refetch on it, so a burst of trial events costs one request, not one per trial.
 */
import { useEffect, useRef, useState } from "react";

/** How often at most the live charts are fetched again while trials arrive. */
export const LIVE_CHART_INTERVAL_MS = 2000;

export function useThrottled<T>(value: T, intervalMs: number = LIVE_CHART_INTERVAL_MS): T {
  const [shown, setShown] = useState(value);
  // When `shown` last changed (ms); 0 lets the first change pass at once.
  const shownAt = useRef(0);

  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    const show = () => {
      shownAt.current = Date.now();
      setShown(value);
    };
    const wait = shownAt.current + intervalMs - Date.now();
    if (wait <= 0) {
      show();
      return undefined;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);

  return shown;
}
