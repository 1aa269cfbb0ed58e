import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { SearchDiagnostics } from "../../../src/components/leaderboard/SearchDiagnostics";
import { installFakeServer, type FakeServer } from "../../support/fakeServer";
import { renderPage } from "../../support/renderPage";

let server: FakeServer;
const BASE = "/api/v1/experiments/7/diagnostics/";
const chart = { figure: { data: [], layout: {} }, table: { columns: ["Trial"], rows: [["1"]] } };

beforeEach(() => {
  server = installFakeServer();
  server.on("GET", BASE, {
    json: {
      charts: ["history", "summary", "parallel", "importance", "slice"],
      algorithms: [
        { name: "linear", completed: 3, params: ["C"], importance_available: false },
        { name: "lightgbm", completed: 20, params: ["learning_rate", "num_leaves"], importance_available: true },
      ],
      min_importance_trials: 10,
    },
  });
  for (const name of ["history", "summary", "parallel", "importance", "slice"]) {
    server.on("GET", `${BASE}${name}/`, { json: chart });
  }
});

describe("search diagnostics", () => {
  it("draws the charts of the most tried algorithm, each with its explanation", async () => {
    renderPage("/experiments/:id", "/experiments/7", <SearchDiagnostics experimentId="7" />);
    expect(await screen.findByTestId("diagnostic-history")).toBeTruthy();
    await screen.findByTestId("diagnostic-importance");
    expect(screen.getByText("Hyperparameter importance")).toBeTruthy();
    const slice = server.sentTo("GET", `${BASE}slice/`)[0]!.url.searchParams;
    expect(slice.get("algorithm")).toBe("lightgbm");
    expect(slice.get("param")).toBe("learning_rate");
  });

  it("says why importance is missing for an algorithm with few trials", async () => {
    renderPage("/experiments/:id", "/experiments/7", <SearchDiagnostics experimentId="7" />);
    fireEvent.change(await screen.findByTestId("diagnostics-algorithm"), { target: { value: "linear" } });
    expect((await screen.findByTestId("importance-unavailable")).textContent).toContain("at least 10");
    await waitFor(() =>
      expect(server.sentTo("GET", `${BASE}parallel/`).some((r) => r.url.searchParams.get("algorithm") === "linear")).toBe(true),
    );
  });
});
