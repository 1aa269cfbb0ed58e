import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ModelPage } from "../../src/pages/ModelPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";

const plotly = vi.hoisted(() => ({ react: vi.fn(async () => undefined), purge: vi.fn(), register: vi.fn() }));
vi.mock("plotly.js-dist-min", () => plotly);

const MODEL = {
  id: 3, experiment: 5, project: 1, target: "churn", task: "binary", metric: "roc_auc",
  algorithm: "lightgbm", score: 0.91, metrics: { roc_auc: 0.91, log_loss: 0.32 },
  classes: ["no", "yes"], feature_names: ["age", "plan"], created_at: "2026-01-01T00:00:00Z",
  download_url: "/api/v1/models/3/download/", sha256: "0".repeat(64),
};

function chartState(key: string, kind: "cheap" | "expensive", state: string, extra: Record<string, string> = {}) {
  return { key, kind, state, reason: "", feature: "", ...extra };
}

function listing(jobState: string, expensiveState: string, reason = "") {
  return {
    model: 3,
    task: "binary",
    job: { state: jobState, error: reason, updated_at: "2026-01-01T00:00:00Z" },
    charts: [
      chartState("metrics", "cheap", "ready"),
      chartState("roc_curve", "cheap", "ready"),
      chartState("thresholds", "cheap", "ready"),
      chartState("permutation_importance", "expensive", expensiveState, { reason }),
      chartState("partial_dependence_1", "expensive", expensiveState, { feature: "age", reason }),
      chartState("partial_dependence_2", "expensive", "unavailable"),
    ],
  };
}

const ROC = {
  figure: { data: [{ type: "scatter", x: [0, 0.5, 1], y: [0, 0.8, 1], name: "yes" }], layout: {} },
  table: {
    columns: ["class", "threshold", "false positive rate", "true positive rate"],
    rows: [["yes", "1", "0", "0"], ["yes", "0.5", "0.5", "0.8"], ["yes", "0", "1", "1"]],
  },
};

function thresholdTable() {
  const rows: string[][] = [];
  for (let i = 1; i < 100; i += 1) rows.push([String(i / 100), "0.8", "0.6", "0.6857", "0.75", "0.4"]);
  return { figure: { data: [], layout: {} }, table: { columns: ["threshold", "precision", "recall", "F1", "accuracy", "share"], rows } };
}

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  plotly.react.mockClear();
  server = installFakeServer();
  server.on("GET", "/api/v1/models/3/", { json: MODEL });
  server.on("GET", "/api/v1/models/3/insights/roc_curve/", { json: ROC });
  server.on("GET", "/api/v1/models/3/insights/thresholds/", { json: thresholdTable() });
});

describe("the model page", () => {
  it("explains the metrics and draws each ready chart with a table toggle", async () => {
    server.on("GET", "/api/v1/models/3/insights/", { json: listing("ready", "ready") });
    server.on("GET", "/api/v1/models/3/insights/permutation_importance/", {
      json: { figure: { data: [{ type: "bar", x: [0.2], y: ["age"] }], layout: {} }, table: { columns: ["feature", "importance"], rows: [["age", "0.2"]] } },
    });
    server.on("GET", "/api/v1/models/3/insights/partial_dependence_1/", {
      json: { figure: { data: [{ type: "scatter", x: [20, 60], y: [0.2, 0.6] }], layout: {} }, table: { columns: ["age", "P(yes)"], rows: [["20", "0.2"], ["60", "0.6"]] } },
    });
    renderPage("/models/:id", "/models/3", <ModelPage />);

    const metrics = await screen.findByTestId("model-metrics");
    expect(within(metrics).getByText("ROC AUC (optimised)", { exact: false })).toBeTruthy();
    expect(within(metrics).getByText("roc_auc")).toBeTruthy();
    expect(within(metrics).getByText(/ranks positive rows above negative ones/)).toBeTruthy();

    await screen.findByText(/bows above the dotted diagonal/);
    const roc = screen.getByTestId("insight-roc_curve");
    expect(within(roc).getByText("ROC curve")).toBeTruthy();
    fireEvent.click(within(roc).getByRole("button", { name: "Show as table" }));
    expect(within(roc).getAllByRole("row")).toHaveLength(1 + ROC.table.rows.length);

    expect(await screen.findByText("Effect of age")).toBeTruthy();
    expect(await screen.findByTestId("threshold-picker")).toBeTruthy();
    expect(screen.queryByTestId("insight-partial_dependence_2")).toBeNull();
    expect(screen.queryByTestId("insight-metrics")).toBeNull();
    await waitFor(() => expect(plotly.react).toHaveBeenCalled(), { timeout: 5000 });
    // Nothing is pending, so the page stops asking.
    expect(server.sentTo("GET", "/api/v1/models/3/insights/")).toHaveLength(1);
  });

  it("says the background charts are being computed while the job runs", async () => {
    server.on("GET", "/api/v1/models/3/insights/", { json: listing("running", "running") });
    renderPage("/models/:id", "/models/3", <ModelPage />);

    expect(await screen.findByText(/Computing these charts/)).toBeTruthy();
    const card = await screen.findByTestId("insight-permutation_importance");
    expect(card.getAttribute("data-state")).toBe("running");
    expect(within(card).getByText(/this card fills in by itself/)).toBeTruthy();
    expect(server.sentTo("GET", "/api/v1/models/3/insights/permutation_importance/")).toHaveLength(0);
  });

  it("says why the charts failed and retries them", async () => {
    server.on("GET", "/api/v1/models/3/insights/", {
      json: listing("failed", "failed", "The task queue could not be reached."),
    });
    server.on("POST", "/api/v1/models/3/insights/retry/", { status: 202, json: listing("queued", "queued") });
    renderPage("/models/:id", "/models/3", <ModelPage />);

    expect(await screen.findByText("The charts could not be computed: The task queue could not be reached.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("insights-retry"));
    expect(await screen.findByText(/Waiting for a worker/)).toBeTruthy();
    expect(server.sentTo("POST", "/api/v1/models/3/insights/retry/")).toHaveLength(1);
  });

  it("shows the server's reason when a chart cannot be drawn", async () => {
    server.on("GET", "/api/v1/models/3/insights/", { json: listing("ready", "ready") });
    server.on("GET", "/api/v1/models/3/insights/roc_curve/", {
      status: 409,
      json: { detail: "This model has no stored out-of-fold predictions.", code: "insight_unavailable" },
    });
    renderPage("/models/:id", "/models/3", <ModelPage />);

    const card = await screen.findByTestId("insight-roc_curve");
    expect(await within(card).findByText("This model has no stored out-of-fold predictions.")).toBeTruthy();
  });
});
