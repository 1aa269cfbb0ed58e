/**
 * The leaderboard page a view asks for, fetched again whenever `refreshKey` changes (a live
 * trial arrived). At most one request is in flight: changes that arrive meanwhile are folded
 * into one more request when it ends, so a fast search does not flood the server.
 */
import { useEffect, useRef, useState } from "react";
import { getLeaderboard, type LeaderboardPage } from "../../api/leaderboard";
import type { Id } from "../../api/types";
import type { LeaderboardView } from "./urlState";

export interface LeaderboardState {
  page: LeaderboardPage | null;
  error: unknown;
  loading: boolean;
}

export function useLeaderboardPage(experimentId: Id, view: LeaderboardView, refreshKey: unknown): LeaderboardState {
  const [state, setState] = useState<LeaderboardState>({ page: null, error: null, loading: true });
  const mounted = useRef(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const latest = useRef({ experimentId, view });
  latest.current = { experimentId, view };
  const viewKey = JSON.stringify(view);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    // A request already in flight fetches once more when it ends, with the latest view.
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState((previous) => ({ ...previous, loading: true }));
    void (async () => {
      try {
        do {
          again.current = false;
          const { experimentId: id, view: current } = latest.current;
          try {
            const page = await getLeaderboard(id, current);
            if (mounted.current) setState({ page, error: null, loading: false });
          } catch (error) {
            if (mounted.current) setState((previous) => ({ ...previous, error, loading: false }));
          }
        } while (again.current && mounted.current);
      } finally {
        inFlight.current = false;
      }
    })();
  }, [experimentId, viewKey, refreshKey]);

  return state;
}
