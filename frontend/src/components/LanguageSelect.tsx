/** The language switch in the header; the choice is remembered in this browser. */
import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider";
import { LANGUAGES, type Language } from "../i18n/translate";

export function LanguageSelect() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <span className="language-select">
      <label htmlFor={id}>{t("header.language")}</label>
      <select
        id={id}
        data-testid="language-select"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
