/**
 * The search diagnostics of a running search: a new `liveKey` (a trial arrived) fetches the
 * history and the parallel coordinates again and plotly draws them over the old ones, in place.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SearchDiagnostics } from "../../../src/components/leaderboard/SearchDiagnostics";
import { I18nProvider } from "../../../src/i18n/I18nProvider";
import { installFakeServer, type FakeServer } from "../../support/fakeServer";

const plotly = vi.hoisted(() => ({ react: vi.fn(async () => undefined), purge: vi.fn(), register: vi.fn() }));
vi.mock("plotly.js-dist-min", () => plotly);

const BASE = "/api/v1/experiments/7/diagnostics/";
let server: FakeServer;
let trialsDone = 1;

/** A history with one point per finished trial (not WebGL, so jsdom draws it). */
function history(count: number) {
  const numbers = Array.from({ length: count }, (_, n) => n);
  return {
    figure: { data: [{ type: "scatter", x: numbers, y: numbers.map((n) => 0.5 + n / 100) }], layout: {} },
    table: { columns: ["Trial", "Score"], rows: numbers.map((n) => [String(n), String(0.5 + n / 100)]) },
  };
}

/** The plotly.react call that drew this chart's data, if any. */
function drawnWith(chart: ReturnType<typeof history>) {
  const data = JSON.stringify(chart.figure.data);
  return (plotly.react.mock.calls as unknown[][]).find((call) => JSON.stringify(call[1]) === data);
}

function show(liveKey: string) {
  return (
    <I18nProvider language="en">
      <SearchDiagnostics experimentId="7" refreshKey="0:running" liveKey={liveKey} />
    </I18nProvider>
  );
}

beforeEach(() => {
  trialsDone = 1;
  plotly.react.mockClear();
  plotly.purge.mockClear();
  server = installFakeServer();
  server.on("GET", BASE, () => ({
    json: {
      charts: ["history", "summary", "parallel", "importance", "slice", "timeline"],
      algorithms: [{ name: "lightgbm", completed: trialsDone, params: [], importance_available: false }],
      min_importance_trials: 10,
    },
  }));
  server.on("GET", `${BASE}history/`, () => ({ json: history(trialsDone) }));
  for (const name of ["summary", "parallel"]) {
    server.on("GET", `${BASE}${name}/`, { json: { figure: { data: [{ type: "bar" }], layout: {} }, table: { columns: [], rows: [] } } });
  }
});

describe("live search diagnostics", () => {
  it("redraws the history in place when a new trial arrives, without fetching the slow charts", async () => {
    const view = render(show("1"));
    const card = await screen.findByTestId("diagnostic-history");
    await waitFor(() => expect(drawnWith(history(1))).toBeDefined());
    const element = drawnWith(history(1))![0];

    trialsDone = 2;
    view.rerender(show("2"));

    await waitFor(() => expect(drawnWith(history(2))).toBeDefined());
    expect(screen.getByTestId("diagnostic-history")).toBe(card); // the same card, not re-mounted
    expect(drawnWith(history(2))![0]).toBe(element); // on the same plot element
    expect(within(card).getByRole("img").contains(element as Node)).toBe(true);
    // Drawn over, never cleared first. (Only this element: a test that ran before may still be
    // clearing its own charts as they unmount.)
    expect(plotly.purge.mock.calls.filter(([cleared]) => cleared === element)).toEqual([]);
    expect(server.sentTo("GET", `${BASE}history/`)).toHaveLength(2);
    expect(server.sentTo("GET", `${BASE}parallel/`)).toHaveLength(2);
    expect(server.sentTo("GET", `${BASE}summary/`)).toHaveLength(1);
  });

  it("keeps the table view on and shows the new trial in it", async () => {
    const view = render(show("1"));
    const card = await screen.findByTestId("diagnostic-history");
    fireEvent.click(within(card).getByRole("button", { name: "Show as table" }));
    expect(within(card).getAllByRole("row")).toHaveLength(2); // header and trial 0

    trialsDone = 3;
    view.rerender(show("3"));

    await waitFor(() => expect(within(card).getAllByRole("row")).toHaveLength(4));
    expect(within(card).getByRole("button", { name: "Show as chart" })).toBeTruthy();
  });
});
