import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DatasetPage } from "../../../src/pages/DatasetPage";
import { installFakeServer, type FakeServer } from "../../support/fakeServer";
import { renderPage } from "../../support/renderPage";
import { wireDataset } from "../../support/wireFactories";

const plotly = vi.hoisted(() => ({
  react: vi.fn(async () => undefined),
  purge: vi.fn(),
  register: vi.fn(),
}));
vi.mock("plotly.js-dist-min", () => plotly);

const HOSTILE = "<b>bold</b>";
const AGE_STATS = {
  type: "numeric",
  min: 0.42,
  max: 80,
  mean: 29.7,
  std: 14.5,
  quantiles: { "0.5": 28 },
  histogram: { edges: [0, 40, 80], counts: [500, 214] },
};

let server: FakeServer;

function dataset(overrides: Record<string, unknown> = {}) {
  return wireDataset({
    columns: [
      { name: "Age", kind: "numeric", inferred_kind: "numeric", excluded: false, missing: 177, unique: 88, stats: AGE_STATS },
      { name: "PassengerId", kind: "id", inferred_kind: "id", excluded: false, missing: 0, unique: 891, stats: { type: "values", top: [["1", 1]], other: 890 } },
      { name: HOSTILE, kind: "categorical", inferred_kind: "categorical", excluded: false, missing: 0, unique: 2, stats: { type: "values", top: [["male", 577], ["female", 314]], other: 0 } },
    ],
    warnings: [
      {
        code: "id_columns",
        message: "These columns look like IDs.",
        columns: ["PassengerId"],
        fix: { kind: "exclude", label: "Exclude these columns", columns: ["PassengerId"] },
      },
      {
        code: "duplicated_rows",
        message: "3 rows are exact duplicates.",
        columns: [],
        fix: { kind: "reparse", label: "Remove the duplicated rows", options: { drop_duplicates: true } },
      },
    ],
    ...overrides,
  });
}

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  plotly.react.mockClear();
  server = installFakeServer();
  server.on("GET", "/api/v1/datasets/7/", { json: dataset() });
  server.on("GET", "/api/v1/datasets/7/preview/", { json: { columns: ["Age"], rows: [["22"]] } });
});

async function renderDataset() {
  renderPage("/datasets/:id", "/datasets/7", <DatasetPage />);
  return screen.findByTestId("dataset-columns");
}

describe("the dataset profile", () => {
  it("summarises each column in plain words", async () => {
    const table = await renderDataset();

    const stats = within(table).getAllByTestId("column-stats").map((cell) => cell.textContent);
    expect(stats[0]).toBe("min 0.42 · median 28 · max 80 · mean 29.7");
    expect(stats[2]).toBe("most common: male (577), female (314)");
    expect(within(table).getByText(HOSTILE)).toBeTruthy();
    expect(table.querySelector("b")).toBeNull();
  });

  it("excludes the columns a warning names with one click and shows the result", async () => {
    server.on("PATCH", "/api/v1/datasets/7/columns/PassengerId/", {
      json: { name: "PassengerId", kind: "id", inferred_kind: "id", excluded: true, missing: 0, unique: 891, stats: {} },
    });
    await renderDataset();
    server.on("GET", "/api/v1/datasets/7/", { json: dataset({ warnings: [] }) });

    fireEvent.click(screen.getByTestId("fix-id_columns"));

    await waitFor(() => expect(screen.queryByTestId("fix-id_columns")).toBeNull());
    expect(server.sentTo("PATCH", "/api/v1/datasets/7/columns/PassengerId/")[0]?.body).toEqual({ excluded: true });
  });

  it("re-reads the file with the options of a reparse fix", async () => {
    server.on("POST", "/api/v1/datasets/7/reparse/", { json: dataset({ warnings: [] }) });
    await renderDataset();

    fireEvent.click(screen.getByTestId("fix-duplicated_rows"));

    await waitFor(() => expect(server.sentTo("POST", "/api/v1/datasets/7/reparse/")).toHaveLength(1));
    expect(server.sentTo("POST", "/api/v1/datasets/7/reparse/")[0]?.body).toEqual({ drop_duplicates: true });
  });

  it("changes a column's kind and URL-encodes its name", async () => {
    const encoded = `/api/v1/datasets/7/columns/${encodeURIComponent(HOSTILE)}/`;
    server.on("PATCH", encoded, {
      json: { name: HOSTILE, kind: "text", inferred_kind: "categorical", excluded: false, missing: 0, unique: 2, stats: {} },
    });
    const table = await renderDataset();

    fireEvent.change(within(table).getAllByTestId("column-kind")[2]!, { target: { value: "text" } });

    await waitFor(() => expect(server.sentTo("PATCH", encoded)).toHaveLength(1));
    expect(server.sentTo("PATCH", encoded)[0]?.body).toEqual({ kind: "text" });
  });

  it("draws a column's chart with plotly, loaded only when asked for", async () => {
    const figure = { data: [{ type: "bar", x: [20, 60], y: [500, 214] }], layout: { height: 260 } };
    server.on("GET", "/api/v1/datasets/7/columns/Age/chart/", { json: figure });
    const table = await renderDataset();
    expect(plotly.react).not.toHaveBeenCalled();

    fireEvent.click(within(table).getAllByTestId("column-chart-toggle")[0]!);

    await waitFor(() => expect(plotly.react).toHaveBeenCalledTimes(1));
    expect(plotly.react.mock.calls[0]).toContainEqual(figure.data);
    expect(screen.getByTestId("column-chart").getAttribute("aria-label")).toBe("Distribution of Age");
  });

  it("shows the reading stage of a large file and the profile once it is ready", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    server.on("GET", "/api/v1/datasets/7/", { json: dataset({ status: "processing", columns: [], warnings: [] }) });
    renderPage("/datasets/:id", "/datasets/7", <DatasetPage />);

    const stages = await screen.findByTestId("dataset-stages");
    expect(within(stages).getByText("Reading and profiling").getAttribute("aria-current")).toBe("step");

    server.on("GET", "/api/v1/datasets/7/", { json: dataset() });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2500);
    });
    expect(await screen.findByTestId("dataset-columns")).toBeTruthy();
    vi.useRealTimers();
  });

  it("says why a large file failed, in the server's words", async () => {
    server.on("GET", "/api/v1/datasets/7/", {
      json: dataset({ status: "failed", columns: [], warnings: [], error: "Rows have the wrong number of fields.", error_code: "ragged_rows" }),
    });
    renderPage("/datasets/:id", "/datasets/7", <DatasetPage />);

    expect((await screen.findByTestId("dataset-failed")).textContent).toContain("wrong number of fields");
  });
});
