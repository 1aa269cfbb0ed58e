import { describe, expect, it } from "vitest";
import { budgetLeftS, etaSeconds, timeLeftText } from "../../src/components/live/TimeLeft";
import { translate } from "../../src/i18n/translate";

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params);
const ko = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("ko", key, params);

describe("the live search's time left", () => {
  it("is what remains of the budget, never negative", () => {
    expect(budgetLeftS(600, 100)).toBe(500);
    expect(budgetLeftS(600, 700)).toBe(0);
  });

  it("rounds up to whole minutes, and says less than a minute at the end", () => {
    expect(timeLeftText(500, en, String)).toBe("About 9 min left");
    expect(timeLeftText(60, en, String)).toBe("About 1 min left");
    expect(timeLeftText(59, en, String)).toBe("Less than a minute left");
    expect(timeLeftText(500, ko, String)).toBe("약 9분 남음");
  });

  it("counts down to the server's ETA, and has none without one", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(etaSeconds(new Date("2026-12-01T12:03:00Z"), now)).toBe(180);
    expect(etaSeconds(new Date("2026-12-01T11:59:00Z"), now)).toBe(0);
    expect(etaSeconds(null, now)).toBeNull();
  });
});
