/** The colour switch in the header: as the system, light or dark; remembered in this browser. */
import { useId } from "react";
import type { MessageKey } from "../i18n/en";
import { useI18n } from "../i18n/I18nProvider";
import { setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoice } from "../theme";

const CHOICE_LABELS: Record<ThemeChoice, MessageKey> = {
  system: "guide.theme.system",
  light: "guide.theme.light",
  dark: "guide.theme.dark",
};

export function ThemeSelect() {
  const { t } = useI18n();
  const choice = useThemeChoice();
  const id = useId();
  return (
    <span className="header-select">
      <label htmlFor={id}>{t("guide.theme.label")}</label>
      <select
        id={id}
        data-testid="theme-select"
        value={choice}
        onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {t(CHOICE_LABELS[value])}
          </option>
        ))}
      </select>
    </span>
  );
}
