import { describe, expect, it } from "vitest";
import {
  bestF1,
  clampThreshold,
  parseThresholdTable,
  rowAt,
} from "../../../src/components/model/thresholds";

const COLUMNS = ["threshold", "precision", "recall", "F1", "accuracy", "predicted positive share"];

describe("the threshold table", () => {
  it("reads the display strings back into numbers, sorted by threshold", () => {
    const rows = parseThresholdTable({
      columns: COLUMNS,
      rows: [
        ["0.9", "1", "0.1", "0.1818", "0.55", "0.05"],
        ["0.1", "0.5", "1", "0.6667", "0.5", "1"],
      ],
    });
    expect(rows.map((row) => row.threshold)).toEqual([0.1, 0.9]);
    expect(rows[0]).toEqual({ threshold: 0.1, precision: 0.5, recall: 1, f1: 0.6667, accuracy: 0.5, share: 1 });
  });

  it("drops rows with a missing or unreadable value", () => {
    const rows = parseThresholdTable({
      columns: COLUMNS,
      rows: [
        ["0.2", null, "1", "0.5", "0.5", "1"],
        ["0.3", "n/a", "1", "0.5", "0.5", "1"],
        ["0.4", "0.6"],
        ["0.5", "0.7", "0.8", "0.7467", "0.75", "0.4"],
      ],
    });
    expect(rows.map((row) => row.threshold)).toEqual([0.5]);
  });

  it("finds the row nearest a threshold, the lower one on a tie", () => {
    const rows = parseThresholdTable({
      columns: COLUMNS,
      rows: ["0.2", "0.4", "0.6"].map((t) => [t, "0.5", "0.5", "0.5", "0.5", "0.5"]),
    });
    expect(rowAt(rows, 0.43)?.threshold).toBe(0.4);
    expect(rowAt(rows, 0.5)?.threshold).toBe(0.4);
    expect(rowAt(rows, 0.99)?.threshold).toBe(0.6);
    expect(rowAt([], 0.5)).toBeNull();
  });

  it("picks the threshold with the best F1, the lowest among equals", () => {
    const rows = parseThresholdTable({
      columns: COLUMNS,
      rows: [
        ["0.3", "0.5", "0.9", "0.64", "0.6", "0.8"],
        ["0.5", "0.7", "0.7", "0.7", "0.7", "0.5"],
        ["0.6", "0.8", "0.62", "0.7", "0.7", "0.4"],
      ],
    });
    expect(bestF1(rows)?.threshold).toBe(0.5);
    expect(bestF1([])).toBeNull();
  });

  it("keeps slider values on the 0.01 grid inside 0.01 to 0.99", () => {
    expect(clampThreshold(0.456)).toBe(0.46);
    expect(clampThreshold(0)).toBe(0.01);
    expect(clampThreshold(1.5)).toBe(0.99);
    expect(clampThreshold(Number.NaN)).toBe(0.5);
  });
});
