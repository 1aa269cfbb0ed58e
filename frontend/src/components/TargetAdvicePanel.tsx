/**
 * What the server says about the chosen target: the problem type and why, what stops training
 * (announced as an alert) and the warnings that do not.
 */
import type { TargetAdvice } from "../api/types";
import type { Loadable } from "../hooks/useApi";
import { useI18n } from "../i18n/I18nProvider";
import { describeError } from "./ErrorAlert";
import { WarningList } from "./WarningList";

/** True when the advice names something that stops training, so starting is pointless. */
export function blocksTraining(advice: Loadable<TargetAdvice> | null): boolean {
  return advice?.status === "ready" && advice.data.problems.length > 0;
}

interface Props {
  advice: Loadable<TargetAdvice> | null;
  /** The id of the problem list, so the Start button can point to it. */
  problemsId: string;
}

export function TargetAdvicePanel({ advice, problemsId }: Props) {
  const { t } = useI18n();
  if (advice === null) return null;
  if (advice.status === "loading") {
    return <p className="help">{t("dataset.checkingTarget")}</p>;
  }
  if (advice.status === "error") {
    // Not an alert: the server checks the target again on start, so the user is not stuck.
    return (
      <p className="help" data-testid="target-advice-error">
        {t("dataset.targetAdviceFailed", { reason: describeError(advice.error, t) })}
      </p>
    );
  }
  return <AdviceDetails advice={advice.data} problemsId={problemsId} />;
}

function AdviceDetails({ advice, problemsId }: { advice: TargetAdvice; problemsId: string }) {
  const { t, label } = useI18n();
  const task = advice.task ? label("task", advice.task) : null;
  const reason = advice.taskReason;
  return (
    <div className="stack" data-testid="target-advice">
      {task ? (
        <p data-testid="target-task">
          {reason ? t("dataset.taskWithReason", { task, reason }) : task}
        </p>
      ) : null}
      {advice.problems.length > 0 ? (
        <div
          id={problemsId}
          role="alert"
          className="alert alert-error"
          data-testid="target-problems"
        >
          <p>{t("dataset.targetProblemsIntro")}</p>
          <ul>
            {advice.problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`} data-code={problem.code}>
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {advice.warnings.length > 0 ? (
        <WarningList warnings={advice.warnings} testId="target-warnings" />
      ) : null}
    </div>
  );
}
