import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { DatasetPage } from "../../src/pages/DatasetPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireExperiment } from "../support/wireFactories";

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
