import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import raw from "../../src/data/search-strategies.json?raw";
import { finalBest, parseStrategyReport, type StrategyReport } from "../../src/domain/strategies";
import { StrategiesPage } from "../../src/pages/StrategiesPage";
import { renderPage } from "../support/renderPage";

const SAVED = parseStrategyReport(JSON.parse(raw)) as StrategyReport;

describe("the search strategies page", () => {
  it("overlays every saved strategy's history and lists each with its final best score", () => {
    expect(SAVED.strategies.length).toBeGreaterThan(1);
    renderPage("/strategies", "/strategies", <StrategiesPage />);

    expect(screen.getByTestId("strategies-source").textContent).toContain(SAVED.dataset);
    const rows = screen.getAllByTestId("strategy-row");
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual(
      SAVED.strategies.map((run) => run.searcher),
    );
    const [first] = SAVED.strategies;
    const firstCells = within(rows[0] as HTMLElement).getAllByRole("cell");
    expect(firstCells[0]?.textContent).toBe(String(Number(finalBest(first!)?.toFixed(4))));
    expect(firstCells[1]?.textContent).toBe(String(first!.trials.length));
    expect(screen.getByRole("rowheader", { name: "manual" })).toBeTruthy();

    const chart = screen.getByTestId("strategies-chart");
    fireEvent.click(within(chart).getByText("Show as table"));
    const shown = within(chart).getAllByRole("row").map((row) => row.textContent ?? "");
    for (const run of SAVED.strategies) {
      expect(shown.some((text) => text.startsWith(run.searcher))).toBe(true);
    }
  });

  it("speaks Korean", () => {
    renderPage("/strategies", "/strategies", <StrategiesPage />, "ko");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("탐색 전략 비교");
  });
});
