import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ThresholdPicker } from "../../../src/components/model/ThresholdPicker";
import { I18nProvider } from "../../../src/i18n/I18nProvider";
import type { Language } from "../../../src/i18n/translate";

/** A table like the server's: precision rises and recall falls as the threshold rises. */
function table() {
  const rows: (string | null)[][] = [];
  for (let i = 1; i < 100; i += 1) {
    const t = i / 100;
    const precision = 0.5 + t / 2;
    const recall = 1 - t;
    const f1 = (2 * precision * recall) / (precision + recall);
    rows.push([String(t), String(precision), String(recall), f1.toFixed(4), "0.7", String(1 - t)]);
  }
  return { columns: ["threshold", "precision", "recall", "F1", "accuracy", "predicted positive share"], rows };
}

function renderPicker(language: Language = "en") {
  return render(
    <I18nProvider language={language}>
      <ThresholdPicker table={table()} positive="yes" />
    </I18nProvider>,
  );
}

describe("the threshold picker", () => {
  it("starts at 0.5 and explains the numbers in one sentence", () => {
    renderPicker();
    expect(screen.getByTestId("threshold-value").textContent).toBe("0.50");
    expect(screen.getByTestId("threshold-summary").textContent).toBe(
      "At 0.50, the model flags 50% of rows as “yes”; 75% of those are right, and it finds 50% of all real “yes” rows.",
    );
    expect(screen.getByText(/Raising the threshold flags fewer rows/)).toBeTruthy();
  });

  it("updates precision and recall as the slider moves, without asking the server", () => {
    renderPicker();
    fireEvent.change(screen.getByTestId("threshold-slider"), { target: { value: "0.8" } });
    expect(screen.getByTestId("threshold-value").textContent).toBe("0.80");
    const stats = screen.getByTestId("threshold-stats").textContent ?? "";
    expect(stats).toContain("Precision90%");
    expect(stats).toContain("Recall20%");
  });

  it("jumps to the threshold with the best F1", () => {
    renderPicker();
    const button = screen.getByRole("button", { name: /best F1/ });
    fireEvent.click(button);
    const best = Number(screen.getByTestId("threshold-value").textContent);
    expect(button.textContent).toContain(best.toFixed(2));
    expect(best).toBeLessThan(0.5);
    fireEvent.click(screen.getByRole("button", { name: "Back to 0.5" }));
    expect(screen.getByTestId("threshold-value").textContent).toBe("0.50");
  });

  it("speaks Korean", () => {
    renderPicker("ko");
    expect(screen.getByText("결정 임계값 고르기")).toBeTruthy();
    expect(screen.getByTestId("threshold-summary").textContent).toContain("“yes”");
  });
});
