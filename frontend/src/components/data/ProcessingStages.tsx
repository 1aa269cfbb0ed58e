/** Where a dataset is on its way in: uploaded, being read and profiled, ready (or failed). */
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/en";

const STAGES: MessageKey[] = ["data.stageUploaded", "data.stageReading", "data.stageReady"];

function currentStage(status: string): number {
  if (status === "ready") return 2;
  return 1; // processing, and failed while reading
}

export function ProcessingStages({ status }: { status: string }) {
  const { t } = useI18n();
  const current = currentStage(status);
  return (
    <ol className="stages" aria-label={t("data.stagesLabel")} data-testid="dataset-stages" data-status={status}>
      {STAGES.map((stage, index) => (
        <li
          key={stage}
          className={index < current ? "done" : index === current ? `current ${status}` : "todo"}
          aria-current={index === current ? "step" : undefined}
        >
          {t(stage)}
        </li>
      ))}
    </ol>
  );
}
