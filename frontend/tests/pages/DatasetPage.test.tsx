import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { DatasetPage } from "../../src/pages/DatasetPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireExperiment, wireTargetAdvice } from "../support/wireFactories";

const HOSTILE_NAME = "<img src=x onerror=alert(1)>";
const HOSTILE_CELL = "<script>window.hacked = true</script>";

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/datasets/7/", {
    json: wireDataset({
      columns: [
        { name: HOSTILE_NAME, kind: "text", missing: 0, unique: 2, stats: {} },
        { name: "Survived", kind: "boolean", missing: 0, unique: 2, stats: {} },
      ],
      n_columns: 2,
      warnings: [
        { code: "id_like", message: "Column looks like an ID.", columns: [HOSTILE_NAME], fix: null },
      ],
    }),
  });
  server.on("GET", "/api/v1/datasets/7/preview/", {
    json: { columns: [HOSTILE_NAME, "Survived"], rows: [[HOSTILE_CELL, "1"], [null, "0"]] },
  });
  server.on("GET", "/api/v1/datasets/7/target-advice/", (request) => ({
    json: wireTargetAdvice({ target: request.url.searchParams.get("target") ?? "" }),
  }));
});

async function renderDataset() {
  const view = renderPage("/datasets/:id", "/datasets/7", <DatasetPage />);
  await screen.findByTestId("target-select");
  await screen.findByTestId("dataset-preview");
  return view;
}

describe("the dataset page", () => {
  it("shows hostile column names and cells as literal text, never as markup", async () => {
    const { container } = await renderDataset();

    const preview = screen.getByTestId("dataset-preview");
    expect(within(preview).getByRole("columnheader", { name: HOSTILE_NAME })).toBeTruthy();
    expect(within(preview).getByText(HOSTILE_CELL)).toBeTruthy();
    expect(within(screen.getByTestId("dataset-columns")).getByText(HOSTILE_NAME)).toBeTruthy();
    expect(within(screen.getByTestId("target-select")).getByText(HOSTILE_NAME)).toBeTruthy();
    expect(screen.getByTestId("dataset-warnings").textContent).toContain(HOSTILE_NAME);
    expect(container.querySelector("img, script")).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it("pre-selects the suggested target and a 60 second budget", async () => {
    await renderDataset();

    expect((screen.getByTestId("target-select") as HTMLSelectElement).value).toBe("Survived");
    expect((screen.getByTestId("budget-input") as HTMLInputElement).value).toBe("60");
  });

  it("starts an experiment and opens its page", async () => {
    server.on("POST", "/api/v1/experiments/", { status: 201, json: wireExperiment({ id: 42 }) });
    await renderDataset();

    fireEvent.change(screen.getByTestId("budget-input"), { target: { value: "30" } });
    fireEvent.click(screen.getByTestId("start-experiment"));

    await screen.findByText("/experiments/42");
    expect(server.sentTo("POST", "/api/v1/experiments/")[0]?.body).toEqual({
      dataset: 7,
      target: "Survived",
      time_budget_s: 30,
    });
  });

  it("refuses a budget under ten seconds without calling the server", async () => {
    await renderDataset();

    fireEvent.change(screen.getByTestId("budget-input"), { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("start-experiment"));

    expect((await screen.findByRole("alert")).textContent).toContain("at least 10 seconds");
    expect(server.sentTo("POST", "/api/v1/experiments/")).toHaveLength(0);
  });

  it("shows the server's reason when the experiment cannot start", async () => {
    server.on("POST", "/api/v1/experiments/", {
      status: 400,
      json: { detail: "The target has only one class.", code: "single_class" },
    });
    await renderDataset();

    fireEvent.click(screen.getByTestId("start-experiment"));

    expect((await screen.findByRole("alert")).textContent).toBe("The target has only one class.");
  });
});

describe("the target advice on the dataset page", () => {
  const startButton = () => screen.getByTestId("start-experiment") as HTMLButtonElement;

  it("shows the suggested target's problem type and why, and lets the search start", async () => {
    await renderDataset();

    expect((await screen.findByTestId("target-task")).textContent).toBe(
      "Binary classification: The target has two values.",
    );
    expect(server.sentTo("GET", "/api/v1/datasets/7/target-advice/")[0]?.url.search).toBe(
      "?target=Survived",
    );
    expect(screen.queryByTestId("target-problems")).toBeNull();
    expect(startButton().disabled).toBe(false);
  });

  it("lists what blocks training on the picked target and disables Start", async () => {
    server.on("GET", "/api/v1/datasets/7/target-advice/", (request) =>
      request.url.searchParams.get("target") === HOSTILE_NAME
        ? {
            json: wireTargetAdvice({
              target: HOSTILE_NAME,
              task: null,
              task_reason: "",
              problems: [
                { code: "single_class", message: "The target has only one class." },
                { code: "too_few_rows", message: "Some classes have fewer than 2 rows." },
              ],
              warnings: [
                {
                  code: "imbalance",
                  message: "One class is rare.",
                  columns: [HOSTILE_NAME],
                  fix: null,
                },
              ],
            }),
          }
        : { json: wireTargetAdvice() },
    );
    await renderDataset();
    await screen.findByTestId("target-task");

    fireEvent.change(screen.getByTestId("target-select"), { target: { value: HOSTILE_NAME } });

    const problems = await screen.findByTestId("target-problems");
    expect(problems.getAttribute("role")).toBe("alert");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "The target has only one class.",
      "Some classes have fewer than 2 rows.",
    ]);
    expect(screen.getByTestId("target-warnings").textContent).toContain("One class is rare.");
    expect(screen.queryByTestId("target-task")).toBeNull();
    expect(startButton().disabled).toBe(true);

    fireEvent.click(startButton());
    expect(server.sentTo("POST", "/api/v1/experiments/")).toHaveLength(0);
  });

  it("enables Start again when the user goes back to a target without problems", async () => {
    server.on("GET", "/api/v1/datasets/7/target-advice/", (request) => {
      const target = request.url.searchParams.get("target") ?? "";
      const blocked = { code: "no_features", message: "No features." };
      const problems = target === "Survived" ? [] : [blocked];
      return { json: wireTargetAdvice({ target, problems }) };
    });
    await renderDataset();
    fireEvent.change(screen.getByTestId("target-select"), { target: { value: HOSTILE_NAME } });
    await screen.findByTestId("target-problems");
    expect(startButton().disabled).toBe(true);

    fireEvent.change(screen.getByTestId("target-select"), { target: { value: "Survived" } });

    await waitFor(() => expect(startButton().disabled).toBe(false));
    expect(screen.queryByTestId("target-problems")).toBeNull();
  });

  it("still lets the search start when the advice cannot be fetched", async () => {
    server.on("GET", "/api/v1/datasets/7/target-advice/", { status: 500, text: "<h1>oops</h1>" });
    await renderDataset();

    expect((await screen.findByTestId("target-advice-error")).textContent).toContain("500");
    expect(startButton().disabled).toBe(false);
  });
});
