/** Which UI language to start in, and remembering the user's choice. */
import { LANGUAGES, type Language } from "./translate";

const STORAGE_KEY = "daria.language";

function asLanguage(value: string | null | undefined): Language | null {
  const base = value?.toLowerCase().split("-")[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The saved choice, else the first browser language we speak, else English. */
export function initialLanguage(): Language {
  const saved = asLanguage(safeStorage()?.getItem(STORAGE_KEY));
  if (saved) return saved;
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language];
  for (const candidate of preferred) {
    const language = asLanguage(candidate);
    if (language) return language;
  }
  return "en";
}

export function saveLanguage(language: Language): void {
  safeStorage()?.setItem(STORAGE_KEY, language);
}

/** localStorage, or null where it is unavailable (private modes may throw on access). */
function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

const TIME_ZONE_KEY = "daria.timeZone";

/** The saved time zone when the runtime knows it, else `fallback` (Asia/Seoul). */
export function initialTimeZone(isKnown: (name: string) => boolean, fallback: string): string {
  const saved = safeStorage()?.getItem(TIME_ZONE_KEY);
  return saved && isKnown(saved) ? saved : fallback;
}

export function saveTimeZone(timeZone: string): void {
  safeStorage()?.setItem(TIME_ZONE_KEY, timeZone);
}

/** The browser's own time zone, when it reports one. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
