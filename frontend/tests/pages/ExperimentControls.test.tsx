import { fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ExperimentPage } from "../../src/pages/ExperimentPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireExperiment } from "../support/wireFactories";

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/experiments/42/trials/", { json: [] });
});

function showExperiment(overrides: Parameters<typeof wireExperiment>[0], language: "en" | "ko" = "en") {
  server.on("GET", "/api/v1/experiments/42/", { json: wireExperiment(overrides) });
  renderPage("/experiments/:id", "/experiments/42", <ExperimentPage />, language);
}

describe("the search controls", () => {
  it("pause a running search and then offer to resume it", async () => {
    showExperiment({ status: "running" });
    server.on("POST", "/api/v1/experiments/42/pause/", { json: wireExperiment({ status: "paused" }) });

    fireEvent.click(await screen.findByTestId("experiment-pause"));

    expect((await screen.findByText("Paused")).getAttribute("data-status")).toBe("paused");
    expect(screen.getByTestId("experiment-resume").textContent).toBe("Resume");
    expect(screen.queryByTestId("experiment-pause")).toBeNull();
    expect(server.sentTo("POST", "/api/v1/experiments/42/pause/")).toHaveLength(1);
  });

  it("resume a paused search, in Korean", async () => {
    showExperiment({ status: "paused" }, "ko");
    server.on("POST", "/api/v1/experiments/42/resume/", { json: wireExperiment({ status: "running" }) });

    const resume = await screen.findByTestId("experiment-resume");
    expect(resume.textContent).toBe("계속");
    fireEvent.click(resume);

    expect((await screen.findByTestId("experiment-pause")).textContent).toBe("일시 중지");
    expect(server.sentTo("POST", "/api/v1/experiments/42/resume/")).toHaveLength(1);
  });

  it("add five minutes to the time budget", async () => {
    showExperiment({ status: "running", time_budget_s: 60 });
    server.on("POST", "/api/v1/experiments/42/extend/", {
      json: wireExperiment({ status: "running", time_budget_s: 360 }),
    });

    const extend = await screen.findByRole("button", { name: "Add 5 min to the time budget" });
    expect(extend.textContent).toBe("+5 min");
    fireEvent.click(extend);

    expect(await screen.findByText("6 min 0 s")).toBeTruthy();
    expect(server.sentTo("POST", "/api/v1/experiments/42/extend/").map((r) => r.body)).toEqual([{ seconds: 300 }]);
  });

  it("are not offered once a cancel is under way or the search has ended", async () => {
    showExperiment({ status: "running", cancel_requested: true });

    await screen.findByTestId("experiment-cancel");
    expect(screen.queryByTestId("experiment-pause")).toBeNull();
    expect(screen.queryByTestId("experiment-extend-1")).toBeNull();
  });
});
