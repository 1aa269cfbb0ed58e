/**
 * React glue for translations: the current language and time zone, `t`, and formatters bound to
 * them. Every number, date and duration the UI shows goes through these formatters.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { setRequestLanguage } from "../api/client";
import type { MessageKey } from "./en";
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatNumber,
  formatSize,
  isTimeZone,
  minutesAndSeconds,
} from "./format";
import { initialLanguage, initialTimeZone, saveLanguage, saveTimeZone } from "./language";
import { isMessageKey, translate, type Language, type MessageParams } from "./translate";

/** Families of server codes that have translated labels (`status.running`, `kind.numeric`, ...). */
export type LabelFamily = "status" | "task" | "kind" | "trialState" | "role";

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The IANA time zone dates are shown in (Asia/Seoul by default; the server stores UTC). */
  timeZone: string;
  setTimeZone: (timeZone: string) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The translated label of a server code, or the code itself when we have no label for it. */
  label: (family: LabelFamily, code: string) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  date: (value: Date) => string;
  size: (bytes: number) => string;
  duration: (seconds: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  language: fixedLanguage,
  timeZone: fixedTimeZone,
}: {
  children: ReactNode;
  /** Start in this language instead of the saved or browser one (tests). */
  language?: Language;
  /** Start in this time zone instead of the saved one or Asia/Seoul (tests). */
  timeZone?: string;
}) {
  const [language, setLanguageState] = useState<Language>(() => fixedLanguage ?? initialLanguage());
  const [timeZone, setTimeZoneState] = useState<string>(
    () => fixedTimeZone ?? initialTimeZone(isTimeZone, DEFAULT_TIME_ZONE),
  );

  // Set synchronously so that requests made during the first render already carry it.
  setRequestLanguage(language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);

  const setTimeZone = useCallback((next: string) => {
    if (!isTimeZone(next)) return;
    saveTimeZone(next);
    setTimeZoneState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
    const number = (value: number, options?: Intl.NumberFormatOptions) =>
      formatNumber(language, value, options);
    return {
      language,
      setLanguage,
      timeZone,
      setTimeZone,
      t,
      number,
      label: (family, code) => {
        const key = `${family}.${code}`;
        return isMessageKey(key) ? t(key) : code;
      },
      date: (value) => formatDate(language, value, timeZone),
      size: (bytes) => formatSize(language, bytes),
      duration: (seconds) => {
        const { minutes, seconds: rest } = minutesAndSeconds(seconds);
        return minutes === 0
          ? t("common.seconds", { value: number(rest) })
          : t("common.minutesSeconds", { minutes: number(minutes), seconds: number(rest) });
      },
    };
  }, [language, setLanguage, timeZone, setTimeZone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation helpers; must be used under `I18nProvider`. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>.");
  return context;
}
