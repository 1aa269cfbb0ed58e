/** Number, date and duration formatting in the UI language (Intl under the hood). */
import type { Language } from "./translate";

export function formatNumber(
  language: Language,
  value: number,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 4 },
): string {
  return new Intl.NumberFormat(language, options).format(value);
}

export function formatDate(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
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
