import { fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ExperimentPage } from "../../src/pages/ExperimentPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireLeaderboardPage, wireLeaderboardRow } from "../support/leaderboardWire";
import { wireExperiment, wireTrial } from "../support/wireFactories";

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/experiments/42/trials/", { json: [wireTrial(1), wireTrial(2, { score: 0.9 })] });
});

function showExperiment(overrides: Parameters<typeof wireExperiment>[0], language: "en" | "ko" = "en") {
  server.on("GET", "/api/v1/experiments/42/", { json: wireExperiment(overrides) });
  renderPage("/experiments/:id", "/experiments/42", <ExperimentPage />, language);
}

describe("the experiment page", () => {
  it("shows the raw status code and its translation, and offers Cancel while running", async () => {
    const fifteenSecondsAgo = new Date(Date.now() - 15_000).toISOString();
    showExperiment({ status: "running", progress: 0.1, started_at: fifteenSecondsAgo }, "ko");

    const status = await screen.findByTestId("experiment-status");
    expect(status.getAttribute("data-status")).toBe("running");
    expect(status.textContent).toBe("실행 중");
    expect(screen.getByTestId("experiment-cancel")).toBeTruthy();
    // 15 s of a 60 s budget spent: the bar shows that (a little more if the first render was
    // slow), not the 10% of the last finished trial.
    const shown = Number(screen.getByRole("progressbar").getAttribute("aria-valuenow"));
    expect(shown).toBeGreaterThanOrEqual(25);
    expect(shown).toBeLessThan(30);
  });

  it("leaves the time spent paused out of the elapsed time", async () => {
    const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
    // Started 100 s ago, paused for 30 s earlier, and paused again 20 s ago: 50 s of search.
    showExperiment({ status: "paused", started_at: ago(100), paused_s: 30, paused_at: ago(20) });

    const elapsed = await screen.findByTestId("experiment-elapsed");
    expect(elapsed.textContent).toBe("50 s");
  });

  it("tells a waiting experiment's place in line and lets it be cancelled", async () => {
    showExperiment({ status: "waiting", queue_position: 2, started_at: null, progress: 0 });

    const status = await screen.findByTestId("experiment-status");
    expect(status.textContent).toBe("Waiting for a free slot");
    expect(screen.getByTestId("queue-position").textContent).toContain("Place in line: 2.");
    expect(screen.getByTestId("experiment-cancel")).toBeTruthy();
  });

  it("shows a cancel that is under way instead of offering it again", async () => {
    showExperiment({ status: "running", cancel_requested: true });

    const button = (await screen.findByTestId("experiment-cancel")) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe("Cancelling…");
  });

  it("cancels the search on request", async () => {
    showExperiment({ status: "running" });
    server.on("POST", "/api/v1/experiments/42/cancel/", { json: wireExperiment({ status: "cancelled" }) });

    fireEvent.click(await screen.findByTestId("experiment-cancel"));

    expect((await screen.findByText("Cancelled")).getAttribute("data-status")).toBe("cancelled");
    expect(screen.queryByTestId("experiment-cancel")).toBeNull();
  });

  it("links to the model and lists the trials best first once it has succeeded", async () => {
    server.on("GET", "/api/v1/experiments/42/leaderboard/", {
      json: wireLeaderboardPage([wireLeaderboardRow(2, { is_best: true }), wireLeaderboardRow(1)]),
    });
    showExperiment({ status: "succeeded", model: 5, progress: 1 });

    expect((await screen.findByTestId("model-link")).getAttribute("href")).toBe("/models/5");
    const rows = await screen.findAllByTestId("trial-row");
    expect(rows.map((row) => row.getAttribute("data-trial-number"))).toEqual(["2", "1"]);
    expect(screen.queryByTestId("experiment-cancel")).toBeNull();
  });

  it("explains a failed experiment", async () => {
    showExperiment({ status: "failed", error: "The target column has only one value." });

    expect((await screen.findByTestId("experiment-error")).textContent).toContain(
      "The target column has only one value.",
    );
  });
});
