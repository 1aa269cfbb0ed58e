/** Data warnings (translated by the server), each with its one-click fix when there is one. */
import { useState } from "react";
import type { Id } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorAlert } from "../ErrorAlert";
import { WarningList } from "../WarningList";
import { applyFix } from "./dataApi";
import type { DatasetProfile, FixableWarning } from "./dataApi";

export function FixableWarnings({
  datasetId,
  warnings,
  onFixed,
  testId,
}: {
  datasetId: Id;
  warnings: FixableWarning[];
  onFixed: (dataset: DatasetProfile) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const fix = async (index: number, warning: FixableWarning) => {
    if (!warning.fix) return;
    setBusy(index);
    setError(null);
    try {
      onFixed(await applyFix(datasetId, warning.fix));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <WarningList
        warnings={warnings}
        testId={testId}
        action={(warning, index) =>
          warning.fix ? (
            <button
              type="button"
              className="fix-button"
              data-testid={`fix-${warning.code}`}
              disabled={busy !== null}
              onClick={() => void fix(index, warning)}
            >
              {busy === index ? t("data.fixing") : warning.fix.label}
            </button>
          ) : null
        }
      />
      {error ? <ErrorAlert error={error} testId="fix-error" /> : null}
    </>
  );
}
