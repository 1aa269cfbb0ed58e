/**
 * Pick the target column and a time budget, then start an experiment on a dataset. The server's
 * advice on the chosen target is shown as soon as it is picked, and Start stays disabled while
 * that advice names a problem that would stop training.
 */
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { createExperiment } from "../api/client";
import type { Dataset } from "../api/types";
import { useTargetAdvice } from "../hooks/useTargetAdvice";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import { TargetAdvicePanel, blocksTraining } from "./TargetAdvicePanel";

export const DEFAULT_BUDGET_S = 60;
export const MIN_BUDGET_S = 10;

/** The budget in whole seconds, or null when the text is not a whole number >= the minimum. */
export function parseBudget(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= MIN_BUDGET_S ? seconds : null;
}

export function StartExperimentForm({ dataset }: { dataset: Dataset }) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const targetId = useId();
  const budgetId = useId();
  const targetHelpId = useId();
  const budgetHelpId = useId();
  const problemsId = useId();
  const [target, setTarget] = useState(dataset.suggestedTarget ?? "");
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET_S));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const advice = useTargetAdvice(dataset.id, target);
  const blocked = blocksTraining(advice);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const seconds = parseBudget(budget);
    if (target === "") return setProblem(t("dataset.targetRequired"));
    if (seconds === null) return setProblem(t("dataset.budgetTooSmall", { min: number(MIN_BUDGET_S) }));
    setProblem(null);
    setBusy(true);
    try {
      const experiment = await createExperiment({ datasetId: dataset.id, target, timeBudgetS: seconds });
      navigate(`/experiments/${encodeURIComponent(experiment.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label htmlFor={targetId}>{t("dataset.target")}</label>
      <p id={targetHelpId} className="help">
        {t("dataset.targetHelp")}
      </p>
      <select
        id={targetId}
        data-testid="target-select"
        aria-describedby={targetHelpId}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      >
        {dataset.suggestedTarget === null ? <option value="">{t("dataset.chooseTarget")}</option> : null}
        {dataset.columns.map((column, index) => (
          <option key={index} value={column.name}>
            {column.name}
          </option>
        ))}
      </select>
      <TargetAdvicePanel advice={advice} problemsId={problemsId} />

      <label htmlFor={budgetId}>{t("dataset.budget")}</label>
      <p id={budgetHelpId} className="help">
        {t("dataset.budgetHelp", { min: number(MIN_BUDGET_S) })}
      </p>
      <input
        id={budgetId}
        type="number"
        inputMode="numeric"
        data-testid="budget-input"
        aria-describedby={budgetHelpId}
        min={MIN_BUDGET_S}
        step={1}
        value={budget}
        onChange={(event) => setBudget(event.target.value)}
      />

      <div>
        <button
          type="submit"
          data-testid="start-experiment"
          disabled={busy || blocked}
          aria-describedby={blocked ? problemsId : undefined}
        >
          {busy ? t("dataset.starting") : t("dataset.start")}
        </button>
      </div>
      {problem ? (
        <div role="alert" className="alert alert-error" data-testid="start-error">
          {problem}
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} testId="start-error" /> : null}
    </form>
  );
}
