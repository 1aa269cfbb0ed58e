import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { toExperiment } from "../../src/api/convert";
import { ReplayButton, ReplayComparison } from "../../src/components/ReplayPanel";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireExperiment, wireProject } from "../support/wireFactories";

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/projects/3/", { json: wireProject({ id: 3, role: "editor" }) });
});

const finished = toExperiment(
  wireExperiment({
    id: 42,
    status: "succeeded",
    progress: 1,
    n_trials: 2,
    best: { number: 1, algorithm: "lightgbm", score: 0.9 },
  }),
);

const replay = toExperiment(wireExperiment({ id: 43, status: "running", parallelism: 1, replay_of: 42 }));

/** The comparison with a button that changes its refresh key, as a finished trial does. */
function Refreshing() {
  const [key, setKey] = useState(1);
  return (
    <>
      <button type="button" onClick={() => setKey(key + 1)}>
        refresh
      </button>
      <ReplayComparison experiment={replay} refreshKey={String(key)} />
    </>
  );
}

function comparison(overrides: Record<string, unknown> = {}) {
  return {
    replay: 43,
    original: 42,
    status: "succeeded",
    finished: true,
    tolerance: 1e-6,
    dataset_sha256: "ab".repeat(32),
    total: 2,
    reproduced: 2,
    differs: 0,
    pending: 0,
    not_run: 0,
    all_reproduced: true,
    trials: [
      { number: 0, replay_number: 0, algorithm: "linear", original_score: 0.81, replayed_score: 0.81,
        replayed_state: "complete", difference: 0, verdict: "reproduced" },
      { number: 2, replay_number: 1, algorithm: "lightgbm", original_score: 0.9, replayed_score: 0.9,
        replayed_state: "complete", difference: 2e-9, verdict: "reproduced" },
    ],
    ...overrides,
  };
}

describe("the replay button", () => {
  it("starts a replay of a finished experiment and opens it", async () => {
    server.on("POST", "/api/v1/experiments/42/replay/", { status: 201, json: wireExperiment({ id: 43, replay_of: 42 }) });
    renderPage("/experiments/:id", "/experiments/42", <ReplayButton experiment={finished} />);

    fireEvent.click(await screen.findByTestId("replay-start"));

    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/experiments/43"));
    expect(server.sentTo("POST", "/api/v1/experiments/42/replay/")).toHaveLength(1);
  });

  it("shows why the server refused", async () => {
    server.on("POST", "/api/v1/experiments/42/replay/", {
      status: 409,
      json: { detail: "The dataset file changed since this experiment ran.", code: "dataset_changed" },
    });
    renderPage("/experiments/:id", "/experiments/42", <ReplayButton experiment={finished} />);

    fireEvent.click(await screen.findByTestId("replay-start"));

    expect((await screen.findByRole("alert")).textContent).toContain("The dataset file changed");
    expect(screen.getByTestId("location").textContent).toBe("/experiments/42");
    expect((screen.getByTestId("replay-start") as HTMLButtonElement).disabled).toBe(false);
  });

  it("is not offered to a viewer", async () => {
    server.on("GET", "/api/v1/projects/3/", { json: wireProject({ id: 3, role: "viewer" }) });
    renderPage("/experiments/:id", "/experiments/42", <ReplayButton experiment={finished} />);

    await waitFor(() => expect(server.sentTo("GET", "/api/v1/projects/3/")).toHaveLength(1));
    expect(screen.queryByTestId("replay-start")).toBeNull();
  });

  it("is not offered while the experiment runs or before a trial completed", () => {
    const running = toExperiment(wireExperiment({ status: "running", best: { number: 0, algorithm: "linear", score: 0.8 } }));
    const empty = toExperiment(wireExperiment({ status: "failed", best: null }));
    for (const experiment of [running, empty]) {
      const { unmount } = renderPage("/", "/", <ReplayButton experiment={experiment} />);
      expect(screen.queryByTestId("replay-start")).toBeNull();
      unmount();
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("the replay comparison", () => {
  it("lists every trial with both scores and says all were reproduced", async () => {
    server.on("GET", "/api/v1/experiments/43/replay-comparison/", { json: comparison() });
    renderPage("/", "/", <ReplayComparison experiment={replay} refreshKey="0" />);

    expect((await screen.findByTestId("replay-summary")).textContent).toContain("All 2 trials reproduced.");
    const rows = screen.getAllByTestId("replay-row");
    expect(rows.map((row) => row.dataset.verdict)).toEqual(["reproduced", "reproduced"]);
    expect(within(rows[1]!).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "2", "1", "lightgbm", "0.9", "0.9", "2E-9", "Reproduced",
    ]);
    expect(screen.getByTestId("replay-original").getAttribute("href")).toBe("/experiments/42");
  });

  it("counts the trials that differ and those still waiting", async () => {
    let answer = comparison({
      finished: false, status: "running", reproduced: 1, pending: 1, all_reproduced: false,
      trials: [comparison().trials[0], { ...comparison().trials[1], replayed_score: null, replayed_state: null,
        difference: null, verdict: "pending" }],
    });
    server.on("GET", "/api/v1/experiments/43/replay-comparison/", () => ({ json: answer }));
    renderPage("/", "/", <Refreshing />);
    expect((await screen.findByTestId("replay-summary")).textContent).toContain("1 of 2 trials replayed so far.");
    expect(screen.getAllByTestId("replay-row")[1]?.textContent).toContain("Waiting");

    answer = comparison({
      reproduced: 1, differs: 1, all_reproduced: false,
      trials: [comparison().trials[0], { ...comparison().trials[1], replayed_score: 0.93, difference: 0.03,
        verdict: "differs" }],
    });
    fireEvent.click(screen.getByText("refresh"));

    await waitFor(() =>
      expect(screen.getByTestId("replay-summary").textContent).toContain("1 of 2 trials reproduced; 1 differ."),
    );
    expect(screen.getAllByTestId("replay-row")[1]!.dataset.verdict).toBe("differs");
  });

  it("speaks Korean", async () => {
    server.on("GET", "/api/v1/experiments/43/replay-comparison/", { json: comparison() });
    renderPage("/", "/", <ReplayComparison experiment={replay} refreshKey="0" />, "ko");

    expect((await screen.findByTestId("replay-summary")).textContent).toContain("시도 2개가 모두 재현되었습니다.");
    expect(screen.getByRole("heading", { name: "실험 재현" })).toBeTruthy();
  });
});
