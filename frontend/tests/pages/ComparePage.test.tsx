import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ComparePage } from "../../src/pages/ComparePage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";

let server: FakeServer;
const chart = { figure: { data: [], layout: {} }, table: { columns: ["Selection", "Fold", "Score"], rows: [["a", "1", "0.9"]] } };

function wireEntry(ref: string, label: string, foldStd: number | null) {
  const [experiment, number] = ref.split(":");
  return {
    ref,
    experiment: Number(experiment),
    number: number === "final" ? null : Number(number),
    kind: number === "final" ? "final" : "trial",
    label,
    algorithm: "lightgbm",
    state: "complete",
    metric: "roc_auc",
    target: "churn",
    fold_scores: [0.9, 0.91],
    fold_mean: 0.905,
    fold_std: foldStd,
  };
}

beforeEach(() => {
  server = installFakeServer();
  server.on("GET", "/api/v1/compare/", {
    json: {
      entries: [wireEntry("4:1", "#4 trial 1", 0.005), wireEntry("4:final", "#4 final model", null)],
      parameters: [
        { name: "algorithm", values: ["lightgbm", "lightgbm"], differs: false },
        { name: "num_leaves", values: ["31", null], differs: true },
      ],
      metrics: [{ name: "roc_auc", greater_is_better: true, values: [0.9, 0.93], deltas: [0, 0.03], better: [false, true] }],
      fold_chart: chart,
      predictions: { kind: "roc", chart: null, missing: ["4:final"] },
    },
  });
});

describe("the compare page", () => {
  it("asks for the selections in the URL and marks differing parameters with text", async () => {
    renderPage("/compare", "/compare?trials=4:1,4:final", <ComparePage />);
    const rows = await screen.findAllByTestId("param-row");
    expect(server.sentTo("GET", "/api/v1/compare/")[0]!.url.searchParams.get("trials")).toBe("4:1,4:final");
    const leaves = rows.find((row) => row.getAttribute("data-param") === "num_leaves")!;
    expect(leaves.getAttribute("data-differs")).toBe("true");
    expect(within(leaves).getByText("≠ differs")).toBeTruthy();
    const algorithm = rows.find((row) => row.getAttribute("data-param") === "algorithm")!;
    expect(within(algorithm).getByText("= same")).toBeTruthy();
  });

  it("shows deltas from the first with better or worse in words, and missing predictions", async () => {
    renderPage("/compare", "/compare?trials=4:1,4:final", <ComparePage />);
    const metric = await screen.findByTestId("metric-row");
    expect(metric.textContent).toContain("(+0.03, better)");
    expect(metric.textContent).toContain("(reference)");
    expect(screen.getByTestId("compare-missing").textContent).toContain("#4 final model");
    expect(screen.getByTestId("compare-folds")).toBeTruthy();
  });

  it("explains what to do without selections", () => {
    renderPage("/compare", "/compare", <ComparePage />);
    expect(screen.getByText(/Choose at least two trials/)).toBeTruthy();
    expect(server.requests.length).toBe(0);
  });

  it("overlays multiclass ROC curves with a table of per-class AUCs, in Korean too", async () => {
    const rocOvr = {
      figure: { data: [], layout: {} },
      table: {
        columns: ["Selection", "Macro-average ROC AUC", "ROC AUC, cat vs rest"],
        rows: [["#4 trial 1", "0.91", "0.95"]],
      },
    };
    server.on("GET", "/api/v1/compare/", {
      json: {
        entries: [wireEntry("4:1", "#4 trial 1", 0.01), wireEntry("4:2", "#4 trial 2", 0.02)],
        parameters: [],
        metrics: [],
        fold_chart: chart,
        predictions: { kind: "roc_ovr", chart: rocOvr, missing: [] },
      },
    });
    const { unmount } = renderPage("/compare", "/compare?trials=4:1,4:2", <ComparePage />);
    const card = await screen.findByTestId("compare-predictions");
    expect(within(card).getByText(/each class against the rest/)).toBeTruthy();
    fireEvent.click(within(card).getByText("Show as table"));
    expect(within(card).getByText("ROC AUC, cat vs rest")).toBeTruthy();
    expect(within(card).getByText("0.95")).toBeTruthy();
    expect(screen.queryByTestId("compare-missing")).toBeNull();
    unmount();
    renderPage("/compare", "/compare?trials=4:1,4:2", <ComparePage />, "ko");
    expect(await screen.findByText(/클래스별 대 나머지 ROC 곡선/)).toBeTruthy();
  });
});
