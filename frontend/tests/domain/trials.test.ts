import { describe, expect, it } from "vitest";
import { toTrial } from "../../src/api/convert";
import { foldSpread, mergeTrials, sortForLeaderboard, trialCursor } from "../../src/domain/trials";
import { wireTrial } from "../support/wireFactories";

const numbers = (trials: { number: number }[]) => trials.map((trial) => trial.number);

const trials = [
  toTrial(wireTrial(0, { score: 0.7 })),
  toTrial(wireTrial(1, { score: 0.9 })),
  toTrial(wireTrial(2, { state: "failed", score: null, error: "boom" })),
  toTrial(wireTrial(3, { score: 0.8 })),
  toTrial(wireTrial(4, { score: 0.9 })),
];

describe("sortForLeaderboard", () => {
  it("puts the highest score first when greater is better, ties by trial number", () => {
    expect(numbers(sortForLeaderboard(trials, true))).toEqual([1, 4, 3, 0, 2]);
  });

  it("puts the lowest score first when lower is better (errors like RMSE)", () => {
    expect(numbers(sortForLeaderboard(trials, false))).toEqual([0, 3, 1, 4, 2]);
  });

  it("keeps running and failed trials after every scored one, in trial order", () => {
    const running = toTrial(wireTrial(5, { state: "running", score: null }));
    expect(numbers(sortForLeaderboard([running, ...trials], false)).slice(-2)).toEqual([2, 5]);
  });
});

describe("foldSpread", () => {
  it("is the population standard deviation of the fold scores", () => {
    expect(foldSpread([1, 3])).toBeCloseTo(1);
  });

  it("is unknown with fewer than two folds", () => {
    expect(foldSpread([0.5])).toBeNull();
  });

  it("is unknown when a fold has no score", () => {
    expect(foldSpread([0.5, null, 0.7])).toBeNull();
  });
});

describe("trialCursor", () => {
  it("asks for everything before any trial is known", () => {
    expect(trialCursor([])).toBeUndefined();
  });

  it("is the last trial number when every trial has finished", () => {
    expect(trialCursor(trials)).toBe(4);
  });

  it("stops just below a running trial so its result is fetched again", () => {
    const running = toTrial(wireTrial(3, { state: "running", score: null }));
    expect(trialCursor([...trials.slice(0, 3), running, trials[4]!])).toBe(2);
  });
});

describe("mergeTrials", () => {
  it("appends new numbers, replaces known ones and never duplicates a trial", () => {
    const running = toTrial(wireTrial(3, { state: "running", score: null }));
    const merged = mergeTrials([trials[0]!, running], [trials[3]!, trials[4]!]);
    expect(numbers(merged)).toEqual([0, 3, 4]);
    expect(merged[1]?.state).toBe("complete");
  });
});
