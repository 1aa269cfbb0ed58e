/** Repeat an async step on a timer, one step at a time, until it says stop. */
import { useEffect, useRef } from "react";

/**
 * Call `step` now, then again `intervalMs` after each call settles, for as long as it resolves
 * to true. Waiting for the previous call (rather than `setInterval`) means a slow server never
 * gets overlapping requests. Restarts when `restartKey` changes; stops on unmount.
 */
export function usePolling(
  step: () => Promise<boolean>,
  intervalMs: number,
  restartKey: string,
): void {
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const again = await stepRef.current();
      if (again && !stopped) timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs, restartKey]);
}
