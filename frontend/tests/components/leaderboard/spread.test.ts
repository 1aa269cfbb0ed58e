import { describe, expect, it } from "vitest";
import { spread } from "../../../src/components/leaderboard/LeaderboardTable";

describe("the fold spread shown in the leaderboard", () => {
  it("shows floating-point noise from identical fold scores as 0", () => {
    expect(spread(5.55e-17)).toBe(0);
    expect(spread(-1e-15)).toBe(0);
  });

  it("keeps a real spread, however small", () => {
    expect(spread(0.0004)).toBe(0.0004);
    expect(spread(1e-9)).toBe(1e-9);
  });
});
