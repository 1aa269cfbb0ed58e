import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import type { WireTrial } from "../../src/api/wire";
import { useExperimentProgress } from "../../src/hooks/useExperimentProgress";
import { I18nProvider } from "../../src/i18n/I18nProvider";
import { installFakeServer, type FakeServer, type SentRequest } from "../support/fakeServer";
import { wireExperiment, wireTrial } from "../support/wireFactories";

const TRIALS_PATH = "/api/v1/experiments/42/trials/";

function wrapper({ children }: { children: ReactNode }) {
  return <I18nProvider language="en">{children}</I18nProvider>;
}

/** A search that finishes one more trial per poll, and is done after `total` trials. */
function simulateSearch(server: FakeServer, total: number) {
  let finished = 0;
  server.on("GET", "/api/v1/experiments/42/", () => {
    finished = Math.min(total, finished + 1);
    const status = finished === total ? "succeeded" : "running";
    return { json: wireExperiment({ status, n_trials: finished }) };
  });
  server.on("GET", TRIALS_PATH, (request: SentRequest) => {
    const after = Number(request.url.searchParams.get("after") ?? -1);
    const all: WireTrial[] = Array.from({ length: finished }, (_, n) => wireTrial(n + 1));
    return { json: all.filter((trial) => trial.number > after) };
  });
}

let server: FakeServer;

beforeEach(() => {
  server = installFakeServer();
});

describe("useExperimentProgress", () => {
  it("asks only for trials after the last one it holds and appends them in order", async () => {
    simulateSearch(server, 3);

    const { result } = renderHook(() => useExperimentProgress("42", 5), { wrapper });

    await waitFor(() => expect(result.current.experiment?.status).toBe("succeeded"));
    expect(result.current.trials.map((trial) => trial.number)).toEqual([1, 2, 3]);
    const cursors = server.sentTo("GET", TRIALS_PATH).map((r) => r.url.searchParams.get("after"));
    expect(cursors).toEqual([null, "1", "2"]);
  });

  it("stops polling once the experiment has finished", async () => {
    simulateSearch(server, 1);

    const { result } = renderHook(() => useExperimentProgress("42", 5), { wrapper });

    await waitFor(() => expect(result.current.experiment?.status).toBe("succeeded"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.sentTo("GET", TRIALS_PATH)).toHaveLength(1);
  });

  it("replaces a trial first seen running with its finished result, without duplicating it", async () => {
    let poll = 0;
    server.on("GET", "/api/v1/experiments/42/", () => {
      poll += 1;
      return { json: wireExperiment({ status: poll < 2 ? "running" : "succeeded" }) };
    });
    server.on("GET", TRIALS_PATH, (request: SentRequest) => {
      const after = request.url.searchParams.get("after");
      if (poll < 2) return { json: [wireTrial(1), wireTrial(2, { state: "running", score: null })] };
      return { json: after === "1" ? [wireTrial(2, { score: 0.95 }), wireTrial(3)] : [] };
    });

    const { result } = renderHook(() => useExperimentProgress("42", 5), { wrapper });

    await waitFor(() => expect(result.current.experiment?.status).toBe("succeeded"));
    expect(result.current.trials.map((t) => [t.number, t.state, t.score])).toEqual([
      [1, "complete", 0.8],
      [2, "complete", 0.95],
      [3, "complete", 0.8],
    ]);
  });

  it("gives up with the error when the experiment does not exist", async () => {
    const { result } = renderHook(() => useExperimentProgress("404", 5), { wrapper });

    await waitFor(() => expect(result.current.error).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.sentTo("GET", "/api/v1/experiments/404/")).toHaveLength(1);
  });
});
