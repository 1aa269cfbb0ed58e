/** Plain-language data warnings (already translated by the server), with the columns they name. */
import type { DataWarning } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";

export function WarningList({ warnings, testId }: { warnings: DataWarning[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <ul className="warnings" data-testid={testId}>
      {warnings.map((warning, index) => (
        <li key={`${warning.code}-${index}`} data-code={warning.code}>
          {warning.message}
          {warning.columns.length > 0 ? (
            <span className="warning-columns">
              {" "}
              {t("dataset.warningColumns", { columns: warning.columns.join(", ") })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
