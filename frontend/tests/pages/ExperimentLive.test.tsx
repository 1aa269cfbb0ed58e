/**
 * The running experiment page: charts that grow as trial events arrive on the live stream, the
 * worker timeline and the progress block's stage.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WireTrial } from "../../src/api/wire";
import { ExperimentPage } from "../../src/pages/ExperimentPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireExperiment, wireTrial } from "../support/wireFactories";

const plotly = vi.hoisted(() => ({ react: vi.fn(async () => undefined), purge: vi.fn(), register: vi.fn() }));
vi.mock("plotly.js-dist-min", () => plotly);

/** The one EventSource the page opens; tests push events into it. */
class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  send(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const DIAG = "/api/v1/experiments/42/diagnostics/";
let server: FakeServer;
let finished: WireTrial[];

function history(count: number) {
  const numbers = Array.from({ length: count }, (_, n) => n + 1);
  return { data: [{ type: "scatter", x: numbers, y: numbers.map((n) => n / 10) }], layout: {} };
}

function drawn(figure: ReturnType<typeof history>): boolean {
  const data = JSON.stringify(figure.data);
  return (plotly.react.mock.calls as unknown[][]).some((call) => JSON.stringify(call[1]) === data);
}

function showExperiment(overrides: Parameters<typeof wireExperiment>[0], language: "en" | "ko" = "en") {
  server.on("GET", "/api/v1/experiments/42/", () => ({ json: wireExperiment({ n_trials: finished.length, ...overrides }) }));
  renderPage("/experiments/:id", "/experiments/42", <ExperimentPage />, language);
}

beforeEach(() => {
  finished = [];
  plotly.react.mockClear();
  plotly.purge.mockClear();
  vi.stubGlobal("EventSource", FakeEventSource);
  server = installFakeServer();
  server.on("GET", "/api/v1/experiments/42/trials/", () => ({ json: finished }));
  server.on("GET", "/api/v1/experiments/42/leaderboard/", { status: 404, json: { detail: "Not found." } });
  server.on("GET", DIAG, () => ({
    json: {
      charts: ["history", "summary", "parallel", "importance", "slice", "timeline"],
      algorithms: [{ name: "lightgbm", completed: finished.length, params: [], importance_available: false }],
      min_importance_trials: 10,
    },
  }));
  server.on("GET", `${DIAG}history/`, () => ({ json: { figure: history(finished.length), table: { columns: [], rows: [] } } }));
  for (const name of ["summary", "parallel", "timeline"]) {
    server.on("GET", `${DIAG}${name}/`, { json: { figure: { data: [], layout: {} }, table: { columns: [], rows: [] } } });
  }
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the live experiment page", () => {
  it("extends the optimization history in place as trial events arrive", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout", "Date"] });
    showExperiment({ status: "running", started_at: new Date().toISOString() });
    await screen.findByTestId("experiment-status");
    await waitFor(() => expect(FakeEventSource.last?.url).toContain("/experiments/42/events/"));
    const stream = FakeEventSource.last!;

    finished = [wireTrial(1, { score: 0.1 })];
    act(() => stream.send("trial", finished[0]));
    const card = await screen.findByTestId("diagnostic-history");
    await waitFor(() => expect(drawn(history(1))).toBe(true));

    finished = [...finished, wireTrial(2, { score: 0.2 })];
    act(() => stream.send("trial", finished[1]));
    await act(() => vi.advanceTimersByTimeAsync(2000));

    await waitFor(() => expect(drawn(history(2))).toBe(true));
    expect(screen.getByTestId("diagnostic-history")).toBe(card);
    expect(plotly.purge).not.toHaveBeenCalled();
    // The worker timeline follows the same trial events.
    expect(server.sentTo("GET", `${DIAG}timeline/`).length).toBeGreaterThanOrEqual(2);
    expect(within(screen.getByTestId("worker-timeline")).getByText("Trials per worker")).toBeTruthy();
  });

  it("redraws the worker timeline when a trial starts, without adding it to the leaderboard", async () => {
    showExperiment({ status: "running", started_at: new Date().toISOString() });
    await screen.findByTestId("experiment-status");
    await waitFor(() => expect(FakeEventSource.last?.url).toContain("/experiments/42/events/"));
    await waitFor(() => expect(server.sentTo("GET", `${DIAG}timeline/`).length).toBeGreaterThanOrEqual(1));
    const before = server.sentTo("GET", `${DIAG}timeline/`).length;
    const historyBefore = server.sentTo("GET", `${DIAG}history/`).length;

    act(() => FakeEventSource.last!.send("trial_started", wireTrial(1, { state: "running", score: null })));

    await waitFor(() => expect(server.sentTo("GET", `${DIAG}timeline/`).length).toBeGreaterThan(before), {
      timeout: 4000,
    });
    expect(server.sentTo("GET", `${DIAG}history/`).length).toBe(historyBefore);
    expect(screen.getByTestId("trial-announcement").textContent).toBe("");
  });

  it("shows trials done, elapsed, time left, best so far and that it is searching", async () => {
    finished = [wireTrial(1), wireTrial(2, { score: 0.9 })];
    const tenSecondsAgo = new Date(Date.now() - 10_000).toISOString();
    showExperiment({
      status: "running", started_at: tenSecondsAgo, time_budget_s: 600,
      best: { number: 2, algorithm: "lightgbm", score: 0.9 },
    });

    const stage = await screen.findByTestId("experiment-stage");
    expect(stage.textContent).toBe("Searching");
    expect(screen.getByTestId("experiment-trials").textContent).toBe("2");
    expect(screen.getByTestId("experiment-time-left").textContent).toBe("About 10 min left");
    expect(screen.getByText("Best so far")).toBeTruthy();
    expect(screen.getByTestId("experiment-best").textContent).toContain("0.9");
    expect(screen.getByText("Trials done")).toBeTruthy();
  });

  it("shows when a search with a fixed plan is expected to finish, before its budget ends", async () => {
    const startedAt = new Date();
    const expected = new Date(startedAt.getTime() + 150_000);
    showExperiment({
      status: "running",
      started_at: startedAt.toISOString(),
      time_budget_s: 3600,
      expected_finish_at: expected.toISOString(),
    });

    const eta = await screen.findByTestId("experiment-eta");
    expect(eta.textContent).toMatch(/^Around .+ \(About 3 min left\)$/);
    expect(screen.getByTestId("experiment-time-left").textContent).toBe("About 60 min left");
  });

  it("says the final model is being built, in Korean too, without a time left", async () => {
    showExperiment({ status: "running", finalizing: true }, "ko");

    const stage = await screen.findByTestId("experiment-stage");
    expect(stage.getAttribute("data-stage")).toBe("finalModel");
    expect(stage.textContent).toBe("최종 모델을 만드는 중");
    expect(screen.queryByTestId("experiment-time-left")).toBeNull();
  });

  it("counts a spent time budget as building the final model until the server says more", async () => {
    showExperiment({ status: "running", started_at: new Date(Date.now() - 120_000).toISOString(), time_budget_s: 60 });

    expect((await screen.findByTestId("experiment-stage")).getAttribute("data-stage")).toBe("finalModel");
  });

  it("says a finished search is finished", async () => {
    showExperiment({ status: "succeeded", progress: 1, model: 5, finished_at: "2026-12-01T08:01:01Z" });

    expect((await screen.findByTestId("experiment-stage")).textContent).toBe("Finished");
  });
});
