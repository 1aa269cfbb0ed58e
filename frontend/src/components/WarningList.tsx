/** Plain-language data warnings (already translated by the server), with the columns they name
 * and, when given, an action per warning (e.g. a one-click fix). */
import type { ReactNode } from "react";
import type { DataWarning } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";

export function WarningList<W extends DataWarning>({
  warnings,
  testId,
  action,
}: {
  warnings: W[];
  testId?: string;
  action?: (warning: W, index: number) => ReactNode;
}) {
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
          {action ? action(warning, index) : null}
        </li>
      ))}
    </ul>
  );
}
