/**
 * Where the user is on the beginner's path: upload -> check data -> choose target -> choose
 * effort -> watch -> use the model. The current step carries `aria-current="step"`; earlier
 * steps are marked done in words as well as with a tick.
 */
import type { MessageKey } from "../i18n/en";
import { useI18n } from "../i18n/I18nProvider";

export const STEPS = ["upload", "check", "target", "effort", "watch", "use"] as const;
export type StepId = (typeof STEPS)[number];

const STEP_LABELS: Record<StepId, MessageKey> = {
  upload: "guide.steps.upload",
  check: "guide.steps.check",
  target: "guide.steps.target",
  effort: "guide.steps.effort",
  watch: "guide.steps.watch",
  use: "guide.steps.use",
};

export function Stepper({ current }: { current: StepId }) {
  const { t, number } = useI18n();
  const currentIndex = STEPS.indexOf(current);
  return (
    <nav className="stepper" aria-label={t("guide.steps.label")} data-testid="stepper">
      <ol>
        {STEPS.map((step, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
          return (
            <li
              key={step}
              className={`step step-${state}`}
              data-step={step}
              aria-current={state === "current" ? "step" : undefined}
            >
              <span className="step-marker" aria-hidden="true">
                {state === "done" ? "✓" : number(index + 1)}
              </span>
              <span className="visually-hidden">
                {t("guide.steps.position", { number: number(index + 1), total: number(STEPS.length) })}
              </span>
              <span className="step-label">{t(STEP_LABELS[step])}</span>
              {state === "done" ? (
                <span className="visually-hidden"> ({t("guide.steps.done")})</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
