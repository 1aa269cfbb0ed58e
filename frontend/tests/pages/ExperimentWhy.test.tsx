import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ExperimentPage } from "../../src/pages/ExperimentPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { wireLeaderboardPage, wireLeaderboardRow } from "../support/leaderboardWire";
import { renderPage } from "../support/renderPage";
import { wireExperiment, wireTrial } from "../support/wireFactories";

let server: FakeServer;

const modelProposal = {
  source: "model",
  searcher: "gp-ei",
  fidelity: null,
  promoted_from: null,
  original_trial: null,
  predicted_score: 0.912,
  predicted_std: 0.015,
  expected_improvement: 0.004,
  acquisition: -3.2,
  acquisition_kind: "ei",
  incumbent: { number: 1, algorithm: "linear", score: 0.905 },
};

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/experiments/42/trials/", {
    json: [wireTrial(1, { proposal: { ...modelProposal, source: "portfolio", incumbent: null } }),
      wireTrial(2, { score: 0.91, proposal: modelProposal })],
  });
  server.on("GET", "/api/v1/experiments/42/leaderboard/", {
    json: wireLeaderboardPage([wireLeaderboardRow(2, { is_best: true }), wireLeaderboardRow(1)]),
  });
});

function show(overrides: Parameters<typeof wireExperiment>[0], language: "en" | "ko" = "en") {
  server.on("GET", "/api/v1/experiments/42/", { json: wireExperiment(overrides) });
  renderPage("/experiments/:id", "/experiments/42", <ExperimentPage />, language);
}

describe("why this trial, on the experiment page", () => {
  it("opens from a leaderboard row's Why? button and switches to another row", async () => {
    show({ status: "succeeded", model: 5, progress: 1, metric: "roc_auc" });

    fireEvent.click(await screen.findByRole("button", { name: "Why was trial 2 tried?" }));

    const panel = screen.getByRole("region", { name: "Why trial 2" });
    expect(within(panel).getAllByTestId("why-sentence").map((p) => p.textContent)).toEqual([
      "Proposed by the model (gp-ei): it predicted ROC AUC 0.912 ± 0.015.",
      "The best so far was 0.905 (trial 1, linear).",
      "Expected improvement over the best: 0.004 (from the prediction and its uncertainty).",
      "It had the highest expected improvement the search could find (log expected improvement on the model's scale: -3.2).",
    ]);

    fireEvent.click(screen.getByRole("button", { name: "Why was trial 1 tried?" }));
    expect(screen.getByRole("region", { name: "Why trial 1" }).textContent).toContain("From the portfolio");
  });

  it("says it in Korean", async () => {
    show({ status: "succeeded", model: 5, progress: 1, metric: "roc_auc" }, "ko");

    fireEvent.click(await screen.findByRole("button", { name: "시도 2을(를) 실행한 이유" }));

    expect(screen.getByRole("region", { name: "시도 2의 이유" }).textContent).toContain(
      "모델(gp-ei)이 제안했습니다. 예측한 ROC AUC: 0.912 ± 0.015.",
    );
  });

  it("tells the time left of a running search from its remaining budget", async () => {
    const ago = new Date(Date.now() - 100_000).toISOString();
    show({ status: "running", started_at: ago, time_budget_s: 600 });

    // 500 s of the 600 s budget are left (a little less if the first render was slow).
    expect((await screen.findByTestId("experiment-time-left")).textContent).toBe("About 9 min left");
  });

  it("shows no time left once the search has finished", async () => {
    show({ status: "succeeded", model: 5, progress: 1 });

    await screen.findByTestId("model-link");
    expect(screen.queryByTestId("experiment-time-left")).toBeNull();
  });
});
