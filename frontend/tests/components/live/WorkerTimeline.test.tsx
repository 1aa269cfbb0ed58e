import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { WorkerTimeline } from "../../../src/components/live/WorkerTimeline";
import { I18nProvider } from "../../../src/i18n/I18nProvider";
import type { Language } from "../../../src/i18n/translate";
import { installFakeServer, type FakeServer } from "../../support/fakeServer";

const plotly = vi.hoisted(() => ({ react: vi.fn(async () => undefined), purge: vi.fn(), register: vi.fn() }));
vi.mock("plotly.js-dist-min", () => plotly);

const TIMELINE = "/api/v1/experiments/7/diagnostics/timeline/";
const COLUMNS = ["Worker", "Trial", "Algorithm", "State", "Started (s)", "Finished (s)", "Duration (s)"];
let server: FakeServer;
let rows: string[][];

function timeline() {
  return {
    figure: {
      data: rows.map((row) => ({ type: "bar", orientation: "h", name: row[3], y: [row[0]], base: [Number(row[4])], x: [Number(row[6])] })),
      layout: {},
    },
    table: { columns: COLUMNS, rows },
  };
}

function show(refreshKey: string, language: Language = "en") {
  return (
    <I18nProvider language={language}>
      <WorkerTimeline experimentId="7" refreshKey={refreshKey} />
    </I18nProvider>
  );
}

beforeEach(() => {
  plotly.react.mockClear();
  rows = [["celery@a", "0", "lightgbm", "Complete", "1.0", "11.0", "10.0"]];
  server = installFakeServer();
  server.on("GET", TIMELINE, () => ({ json: timeline() }));
});

describe("the timeline of trials per worker", () => {
  it("draws the server's timeline with its explanation and a table of every bar", async () => {
    render(show("1"));

    const card = await screen.findByTestId("diagnostic-timeline");
    expect(within(card).getByText("Timeline of trials per worker")).toBeTruthy();
    await waitFor(() => expect(plotly.react).toHaveBeenCalledWith(expect.anything(), timeline().figure.data, expect.anything(), expect.anything()));
    fireEvent.click(within(card).getByRole("button", { name: "Show as table" }));
    const table = within(card).getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(COLUMNS);
    expect(within(table).getByText("celery@a")).toBeTruthy();
  });

  it("is fetched again when a trial starts or ends, and grows in place", async () => {
    const view = render(show("1"));
    const card = await screen.findByTestId("diagnostic-timeline");

    rows = [...rows, ["celery@b", "1", "linear", "Running", "2.0", "9.0", "7.0"]];
    view.rerender(show("2"));

    await waitFor(() => expect(plotly.react).toHaveBeenCalledWith(expect.anything(), timeline().figure.data, expect.anything(), expect.anything()));
    expect(screen.getByTestId("diagnostic-timeline")).toBe(card);
    expect(server.sentTo("GET", TIMELINE)).toHaveLength(2);
  });

  it("is titled in Korean for a Korean UI", async () => {
    render(show("1", "ko"));

    expect((await screen.findByRole("heading", { level: 2 })).textContent).toBe("워커별 시도");
    expect(await screen.findByText("워커별 시도 타임라인")).toBeTruthy();
  });
});
