/** A polite "loading" line for pages and sections waiting on the server. */
import { useI18n } from "../i18n/I18nProvider";

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t("common.loading")}
    </p>
  );
}
