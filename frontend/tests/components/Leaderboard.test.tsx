import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { toTrial } from "../../src/api/convert";
import { Leaderboard } from "../../src/components/Leaderboard";
import { I18nProvider } from "../../src/i18n/I18nProvider";
import { wireTrial } from "../support/wireFactories";

const trials = [
  toTrial(wireTrial(1, { score: 12.5, algorithm: "linear" })),
  toTrial(wireTrial(2, { score: 9.25, algorithm: "lightgbm" })),
  toTrial(wireTrial(3, { score: 30, algorithm: "lightgbm" })),
];

function rowNumbers(): string[] {
  return screen.getAllByTestId("trial-row").map((row) => row.getAttribute("data-trial-number") ?? "");
}

describe("Leaderboard", () => {
  it("lists the lowest error first when lower is better", () => {
    render(
      <I18nProvider language="en">
        <Leaderboard trials={trials} metric="rmse" greaterIsBetter={false} />
      </I18nProvider>,
    );
    expect(rowNumbers()).toEqual(["2", "1", "3"]);
  });

  it("lists the highest score first when greater is better", () => {
    render(
      <I18nProvider language="en">
        <Leaderboard trials={trials} metric="r2" greaterIsBetter />
      </I18nProvider>,
    );
    expect(rowNumbers()).toEqual(["3", "1", "2"]);
  });

  it("shows number, algorithm, score, fold spread, fit time and state in each row", () => {
    render(
      <I18nProvider language="en">
        <Leaderboard trials={[trials[1]!]} metric="rmse" greaterIsBetter={false} />
      </I18nProvider>,
    );
    const cells = within(screen.getByTestId("trial-row")).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual([
      "2",
      "lightgbm",
      "9.25",
      "± 0.0163",
      "1.5 s",
      "complete",
    ]);
  });
});
