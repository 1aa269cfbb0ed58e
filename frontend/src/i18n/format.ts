/**
 * Number, date and duration formatting in the UI language (Intl under the hood). Dates come from
 * the server in UTC and are shown in the user's time zone (Asia/Seoul unless they chose another).
 */
import type { Language } from "./translate";

/** The time zone dates are shown in until the user picks another. */
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

export function formatNumber(
  language: Language,
  value: number,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 4 },
): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A date and time, e.g. "Dec 1, 2026, 8:04 PM" or "2026. 12. 1. 오후 8:04", in `timeZone`. */
export function formatDate(
  language: Language,
  date: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

/** Whether the runtime knows the IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A time zone as a short label: its IANA name and its offset now, e.g. "Asia/Seoul (GMT+9)". */
export function timeZoneLabel(language: Language, timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((piece) => piece.type === "timeZoneName");
  return part ? `${timeZone} (${part.value})` : timeZone;
}

/** Split a duration into whole minutes and the remaining whole seconds. */
export function minutesAndSeconds(totalSeconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.floor(totalSeconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}

const SIZE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** A file size in the largest unit that keeps the number at or above 1 (1,024-based). */
export function formatSize(language: Language, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: SIZE_UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
