/** React glue for translations: the current language, `t`, and formatters bound to it. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { setRequestLanguage } from "../api/client";
import type { MessageKey } from "./en";
import { formatDate, formatNumber, formatSize, minutesAndSeconds } from "./format";
import { initialLanguage, saveLanguage } from "./language";
import { isMessageKey, translate, type Language, type MessageParams } from "./translate";

/** Families of server codes that have translated labels (`status.running`, `kind.numeric`, ...). */
export type LabelFamily = "status" | "task" | "kind" | "trialState" | "role";

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
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
}: {
  children: ReactNode;
  /** Start in this language instead of the saved or browser one (tests). */
  language?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => fixedLanguage ?? initialLanguage());

  // Set synchronously so that requests made during the first render already carry it.
  setRequestLanguage(language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
    const number = (value: number, options?: Intl.NumberFormatOptions) =>
      formatNumber(language, value, options);
    return {
      language,
      setLanguage,
      t,
      number,
      label: (family, code) => {
        const key = `${family}.${code}`;
        return isMessageKey(key) ? t(key) : code;
      },
      date: (value) => formatDate(language, value),
      size: (bytes) => formatSize(language, bytes),
      duration: (seconds) => {
        const { minutes, seconds: rest } = minutesAndSeconds(seconds);
        return minutes === 0
          ? t("common.seconds", { value: number(rest) })
          : t("common.minutesSeconds", { minutes: number(minutes), seconds: number(rest) });
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation helpers; must be used under `I18nProvider`. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>.");
  return context;
}
