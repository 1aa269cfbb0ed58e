import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatNumber,
  isTimeZone,
  timeZoneLabel,
} from "../../src/i18n/format";
import { initialTimeZone, saveTimeZone } from "../../src/i18n/language";

// 2026-12-01 23:30 UTC is already 2 December, 08:30, in Seoul (UTC+9, no summer time).
const LATE_EVENING_UTC = new Date(Date.UTC(2026, 11, 1, 23, 30));

describe("dates in the user's time zone", () => {
  it("defaults to Asia/Seoul", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Seoul");
    expect(formatDate("en", LATE_EVENING_UTC)).toBe("Dec 2, 2026, 8:30 AM");
  });

  it("shows the same instant in another zone when asked", () => {
    expect(formatDate("en", LATE_EVENING_UTC, "UTC")).toBe("Dec 1, 2026, 11:30 PM");
  });

  it("writes Korean dates the Korean way", () => {
    const korean = formatDate("ko", LATE_EVENING_UTC);
    expect(korean).toContain("2026. 12. 2.");
    expect(korean).toContain("8:30");
  });

  it("labels a zone with its name and its offset from UTC", () => {
    expect(timeZoneLabel("en", "Asia/Seoul", LATE_EVENING_UTC)).toBe("Asia/Seoul (GMT+9)");
  });

  it("knows real zone names and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("remembers a chosen zone and ignores a saved one the runtime does not know", () => {
    expect(initialTimeZone(isTimeZone, DEFAULT_TIME_ZONE)).toBe("Asia/Seoul");
    saveTimeZone("Europe/Berlin");
    expect(initialTimeZone(isTimeZone, DEFAULT_TIME_ZONE)).toBe("Europe/Berlin");
    saveTimeZone("Mars/Olympus");
    expect(initialTimeZone(isTimeZone, DEFAULT_TIME_ZONE)).toBe("Asia/Seoul");
  });
});

describe("numbers in the user's locale", () => {
  it("groups thousands and keeps up to four decimals", () => {
    expect(formatNumber("en", 1234567.123456)).toBe("1,234,567.1235");
    expect(formatNumber("ko", 1234567.5)).toBe("1,234,567.5");
  });
});
