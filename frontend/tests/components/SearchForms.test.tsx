import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { toDataset, toExperiment } from "../../src/api/convert";
import { ManualTrialForm } from "../../src/components/ManualTrialForm";
import { StartExperimentForm } from "../../src/components/StartExperimentForm";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireExperiment, wireProject, wireTargetAdvice } from "../support/wireFactories";

const SPACE = {
  families: {
    mlp: [
      { type: "int", name: "n_layers", low: 1, high: 3, log: false },
      { type: "int", name: "units_2", low: 8, high: 256, log: true, condition: { parent: "n_layers", values: [2, 3] } },
      { type: "cat", name: "activation", choices: ["relu", "tanh"] },
    ],
    linear: [{ type: "float", name: "C", low: 0.001, high: 100, log: true }],
  },
};

function description(overrides: Record<string, unknown> = {}) {
  return {
    task: "binary",
    available_algorithms: ["mlp", "linear", "knn"],
    space: SPACE,
    searchers: [
      { name: "random", description: "Random search: tries configurations drawn at random." },
      { name: "grid", description: "Grid search: tries a regular grid of values." },
    ],
    default_searcher: "random",
    searcher: "random",
    parallelism: 2,
    validation_folds: null,
    grid: null,
    ...overrides,
  };
}

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/datasets/7/target-advice/", (request) => ({
    json: wireTargetAdvice({ target: request.url.searchParams.get("target") ?? "" }),
  }));
  server.on("GET", "/api/v1/search-space/", (request) => {
    const searcher = request.url.searchParams.get("searcher") ?? "random";
    const grid = searcher === "grid" ? { size: 1296, fits: 40, covers_all: false, message: "1,296 configurations; about 40 fit in your budget." } : null;
    return { json: description({ searcher, grid }) };
  });
});

function renderStartForm() {
  const dataset = toDataset(wireDataset({ id: 7, suggested_target: "Survived" }));
  return renderPage("/datasets/:id", "/datasets/7", <StartExperimentForm dataset={dataset} />);
}

describe("the start form", () => {
  it("turns a preset into the time budget and keeps the advanced options folded", async () => {
    server.on("POST", "/api/v1/experiments/", { status: 201, json: wireExperiment({ id: 42 }) });
    renderStartForm();

    expect((screen.getByTestId("preset-fast") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("advanced-options") as HTMLDetailsElement).open).toBe(false);
    fireEvent.click(screen.getByTestId("preset-balanced"));
    expect((screen.getByTestId("budget-input") as HTMLInputElement).value).toBe("300");
    fireEvent.change(screen.getByTestId("budget-unit"), { target: { value: "minutes" } });
    expect((screen.getByTestId("budget-input") as HTMLInputElement).value).toBe("5");
    fireEvent.click(screen.getByTestId("start-experiment"));

    await screen.findByText("/experiments/42");
    expect(server.sentTo("POST", "/api/v1/experiments/")[0]?.body).toEqual({
      dataset: 7,
      target: "Survived",
      time_budget_s: 300,
    });
  });

  it("typing a time chooses Custom, in minutes when asked", async () => {
    server.on("POST", "/api/v1/experiments/", { status: 201, json: wireExperiment({ id: 42 }) });
    renderStartForm();
    fireEvent.change(screen.getByTestId("budget-unit"), { target: { value: "minutes" } });
    fireEvent.change(screen.getByTestId("budget-input"), { target: { value: "2" } });
    expect((screen.getByTestId("preset-custom") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId("start-experiment"));
    await screen.findByText("/experiments/42");
    expect((server.sentTo("POST", "/api/v1/experiments/")[0]?.body as { time_budget_s: number }).time_budget_s).toBe(120);
  });

  it("sends the advanced options chosen, with the searcher's description and the grid's size", async () => {
    server.on("POST", "/api/v1/experiments/", { status: 201, json: wireExperiment({ id: 43 }) });
    renderStartForm();

    await screen.findByTestId("algorithm-linear");
    fireEvent.click(screen.getByTestId("algorithm-linear"));
    fireEvent.change(screen.getByTestId("searcher-select"), { target: { value: "grid" } });
    expect((await screen.findByTestId("grid-summary")).textContent).toContain("about 40 fit");
    expect(screen.getByTestId("searcher-description").textContent).toContain("Grid search");
    fireEvent.change(screen.getByTestId("validation-select"), { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("parallelism-input"), { target: { value: "4" } });
    fireEvent.change(screen.getByTestId("metric-select"), { target: { value: "accuracy" } });
    const editor = screen.getByTestId("initial-configuration-editor");
    fireEvent.change(within(editor).getByTestId("manual-algorithm"), { target: { value: "linear" } });
    fireEvent.click(within(editor).getByTestId("manual-submit"));
    expect(screen.getAllByTestId("initial-configuration")).toHaveLength(1);
    fireEvent.click(screen.getByTestId("start-experiment"));

    await screen.findByText("/experiments/43");
    expect(server.sentTo("POST", "/api/v1/experiments/")[0]?.body).toEqual({
      dataset: 7,
      target: "Survived",
      time_budget_s: 60,
      metric: "accuracy",
      searcher: "grid",
      algorithms: ["linear"],
      validation_folds: 1,
      parallelism: 4,
      initial_configurations: [{ algorithm: "linear", params: { C: 0.316 } }],
    });
  });
});

describe("the hand-written configuration form", () => {
  beforeEach(() => {
    server.on("GET", "/api/v1/projects/3/", { json: wireProject({ id: 3, role: "editor" }) });
    server.on("GET", "/api/v1/experiments/9/space/", { json: description() });
  });

  function renderManual() {
    const experiment = toExperiment(wireExperiment({ id: 9, project: 3, status: "running" }));
    return renderPage("/experiments/:id", "/experiments/9", <ManualTrialForm experiment={experiment} />);
  }

  it("shows a conditional parameter only while it is used", async () => {
    renderManual();
    await screen.findByTestId("param-n_layers");
    expect(screen.getByTestId("param-units_2")).toBeTruthy();
    fireEvent.change(within(screen.getByTestId("param-n_layers")).getByRole("spinbutton"), { target: { value: "1" } });
    expect(screen.queryByTestId("param-units_2")).toBeNull();
    expect(screen.getByTestId("param-n_layers").textContent).toContain("From 1 to 3");
  });

  it("refuses an out-of-range value before asking the server", async () => {
    renderManual();
    const field = await screen.findByTestId("param-n_layers");
    fireEvent.change(within(field).getByRole("spinbutton"), { target: { value: "7" } });
    expect(field.textContent).toContain("Enter a value from 1 to 3.");
    fireEvent.click(screen.getByTestId("manual-submit"));
    expect(server.sentTo("POST", "/api/v1/experiments/9/trials/")).toHaveLength(0);
  });

  it("shows the server's message next to the parameter it names", async () => {
    server.on("POST", "/api/v1/experiments/9/trials/", {
      status: 400,
      json: { "params.activation": ["mlp.activation='tanh' is not allowed here"] },
    });
    renderManual();
    await screen.findByTestId("param-activation");
    fireEvent.click(screen.getByTestId("manual-submit"));
    await waitFor(() =>
      expect(within(screen.getByTestId("param-activation")).getByTestId("field-error").textContent).toContain(
        "mlp.activation='tanh' is not allowed here",
      ),
    );
    expect(server.sentTo("POST", "/api/v1/experiments/9/trials/")[0]?.body).toEqual({
      algorithm: "mlp",
      params: { n_layers: 2, units_2: 45, activation: "relu" },
    });
  });

  it("says which trial number a configuration was queued as", async () => {
    server.on("POST", "/api/v1/experiments/9/trials/", {
      status: 201,
      json: { number: 12, state: "queued", algorithm: "linear", params: { C: 0.316 } },
    });
    renderManual();
    fireEvent.change(await screen.findByTestId("manual-algorithm"), { target: { value: "linear" } });
    fireEvent.click(screen.getByTestId("manual-submit"));
    expect((await screen.findByTestId("manual-trial-queued")).textContent).toContain("trial 12");
  });

  it("is not offered to viewers", async () => {
    server.on("GET", "/api/v1/projects/3/", { json: wireProject({ id: 3, role: "viewer" }) });
    renderManual();
    await waitFor(() => expect(server.sentTo("GET", "/api/v1/experiments/9/space/")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the answers are applied
    expect(screen.queryByTestId("manual-trial")).toBeNull();
  });
});
