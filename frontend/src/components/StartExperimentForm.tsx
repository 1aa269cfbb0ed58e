/**
 * Pick the target column and how long to search, then start an experiment on a dataset. Effort
 * is a preset (Fast 1 min, Balanced 5 min, Best 30 min) or a custom time; the advanced options
 * (metric, algorithms, search method, validation, parallelism, starting configurations) stay
 * folded away. The server's advice on the chosen target is shown as soon as it is picked, and
 * Start stays disabled while that advice names a problem that would stop training.
 */
import { useEffect, useId, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../api/errors";
import { getSearchSpace, startExperiment, type SearchDescription, type SearchOptions } from "../api/search";
import type { Dataset } from "../api/types";
import {
  MIN_BUDGET_S,
  PRESET_BUDGET_S,
  PRESETS,
  budgetFor,
  errorsByParam,
  type BudgetUnit,
  type Configuration,
  type Preset,
} from "../domain/searchSpace";
import { useTargetAdvice } from "../hooks/useTargetAdvice";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import { ConfigurationEditor } from "./ManualTrialForm";
import { TargetAdvicePanel, blocksTraining } from "./TargetAdvicePanel";
import "./search-forms.css";

export const DEFAULT_PRESET: Preset = "fast";
export const MAX_PARALLELISM = 16;
const CLASSIFICATION_METRICS = ["roc_auc", "log_loss", "accuracy", "balanced_accuracy", "f1"];
const REGRESSION_METRICS = ["rmse", "mae", "r2"];
const FOLD_CHOICES = [3, 5, 10];

/** The metrics that suit a task (the server checks again). */
export function metricsFor(task: string): string[] {
  return task === "regression" ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
}

/** The budget text a preset shows in the time input, in the chosen unit. */
export function presetText(preset: Preset, unit: BudgetUnit, current: string): string {
  if (preset === "custom") return current;
  const seconds = PRESET_BUDGET_S[preset];
  return String(unit === "minutes" ? seconds / 60 : seconds);
}

/** The parallelism typed, or null when it is not a whole number from 1 to the maximum. */
export function parseParallelism(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= MAX_PARALLELISM ? value : null;
}

export function StartExperimentForm({ dataset }: { dataset: Dataset }) {
  const { t, number } = useI18n();
  const navigate = useNavigate();
  const targetId = useId();
  const targetHelpId = useId();
  const problemsId = useId();
  const [target, setTarget] = useState(dataset.suggestedTarget ?? "");
  const [preset, setPreset] = useState<Preset>(DEFAULT_PRESET);
  const [unit, setUnit] = useState<BudgetUnit>("seconds");
  const [budgetText, setBudgetText] = useState(presetText(DEFAULT_PRESET, "seconds", ""));
  const [advanced, setAdvanced] = useState<AdvancedChoices>(NO_CHOICES);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const advice = useTargetAdvice(dataset.id, target);
  const blocked = blocksTraining(advice);
  const task = (advice?.status === "ready" ? advice.data.task : null) ?? "binary";
  const budget = budgetFor("custom", budgetText, unit);

  const choosePreset = (next: Preset) => {
    setPreset(next);
    setBudgetText((current) => presetText(next, unit, current));
  };
  const chooseUnit = (next: BudgetUnit) => {
    setUnit(next);
    setBudgetText((current) => presetText(preset, next, current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parallelism = parseParallelism(advanced.parallelism);
    if (target === "") return setProblem(t("dataset.targetRequired"));
    if (budget === null) return setProblem(t("search.budgetTooSmall", { min: number(MIN_BUDGET_S) }));
    if (parallelism === null) return setProblem(t("search.parallelismInvalid", { max: number(MAX_PARALLELISM) }));
    setProblem(null);
    setBusy(true);
    try {
      const experiment = await startExperiment({
        datasetId: dataset.id,
        target,
        timeBudgetS: budget,
        // A metric picked for another task (the target changed since) falls back to automatic.
        ...chosenOptions({ ...advanced, metric: metricsFor(task).includes(advanced.metric) ? advanced.metric : "" }, parallelism),
      });
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

      <EffortPicker
        preset={preset}
        unit={unit}
        budgetText={budgetText}
        onPreset={choosePreset}
        onUnit={chooseUnit}
        onBudgetText={(text) => {
          setPreset("custom");
          setBudgetText(text);
        }}
      />

      <AdvancedOptions
        datasetId={dataset.id}
        task={task}
        budgetS={budget}
        choices={advanced}
        onChange={setAdvanced}
        serverErrors={error instanceof ApiError ? error.fieldErrors : {}}
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

function EffortPicker({
  preset,
  unit,
  budgetText,
  onPreset,
  onUnit,
  onBudgetText,
}: {
  preset: Preset;
  unit: BudgetUnit;
  budgetText: string;
  onPreset: (preset: Preset) => void;
  onUnit: (unit: BudgetUnit) => void;
  onBudgetText: (text: string) => void;
}) {
  const { t, number } = useI18n();
  const helpId = useId();
  const budgetId = useId();
  const unitId = useId();
  return (
    <fieldset className="preset-group" aria-describedby={helpId}>
      <legend>{t("search.effort")}</legend>
      <p id={helpId} className="help">
        {t("search.effortHelp")}
      </p>
      <div className="preset-options">
        {PRESETS.map((name) => (
          <label key={name} className="preset-option">
            <input
              type="radio"
              name="effort-preset"
              value={name}
              data-testid={`preset-${name}`}
              checked={preset === name}
              onChange={() => onPreset(name)}
            />
            <span>
              <strong>{t(`search.preset.${name}`)}</strong>
              <span className="preset-detail">{t(`search.presetDetail.${name}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="custom-budget">
        <label htmlFor={budgetId}>{t("search.customBudget")}</label>
        <input
          id={budgetId}
          type="number"
          inputMode="numeric"
          data-testid="budget-input"
          min={unit === "minutes" ? 1 : MIN_BUDGET_S}
          step={1}
          value={budgetText}
          onChange={(event) => onBudgetText(event.target.value)}
        />
        <label htmlFor={unitId} className="visually-hidden">
          {t("search.customUnit")}
        </label>
        <select id={unitId} data-testid="budget-unit" value={unit} onChange={(event) => onUnit(event.target.value as BudgetUnit)}>
          <option value="seconds">{t("search.unit.seconds")}</option>
          <option value="minutes">{t("search.unit.minutes")}</option>
        </select>
        <span className="help">{t("dataset.budgetHelp", { min: number(MIN_BUDGET_S) })}</span>
      </div>
    </fieldset>
  );
}

/** What the advanced options hold; empty or null means "the server's default". */
export interface AdvancedChoices {
  metric: string;
  algorithms: string[];
  searcher: string;
  validationFolds: number | null;
  parallelism: string;
  initialConfigurations: Configuration[];
}

export const NO_CHOICES: AdvancedChoices = {
  metric: "",
  algorithms: [],
  searcher: "",
  validationFolds: null,
  parallelism: "2",
  initialConfigurations: [],
};

/** Only the options the user changed, so the server's defaults apply to the rest. */
export function chosenOptions(choices: AdvancedChoices, parallelism: number): SearchOptions {
  const options: SearchOptions = {};
  if (choices.metric) options.metric = choices.metric;
  if (choices.algorithms.length) options.algorithms = choices.algorithms;
  if (choices.searcher) options.searcher = choices.searcher;
  if (choices.validationFolds !== null) options.validationFolds = choices.validationFolds;
  if (parallelism !== Number(NO_CHOICES.parallelism)) options.parallelism = parallelism;
  if (choices.initialConfigurations.length) options.initialConfigurations = choices.initialConfigurations;
  return options;
}

function AdvancedOptions({
  datasetId,
  task,
  budgetS,
  choices,
  onChange,
  serverErrors,
}: {
  datasetId: string;
  task: string;
  budgetS: number | null;
  choices: AdvancedChoices;
  onChange: (choices: AdvancedChoices) => void;
  serverErrors: Record<string, string[]>;
}) {
  const { t, number } = useI18n();
  const metricId = useId();
  const metricHelpId = useId();
  const searcherId = useId();
  const searcherHelpId = useId();
  const validationId = useId();
  const parallelismId = useId();
  const parallelismHelpId = useId();
  const [description, setDescription] = useState<SearchDescription | null>(null);
  const [spaceFailed, setSpaceFailed] = useState(false);
  const parallelism = parseParallelism(choices.parallelism) ?? 1;
  const set = (change: Partial<AdvancedChoices>) => onChange({ ...choices, ...change });

  useEffect(() => {
    let current = true;
    getSearchSpace({
      task,
      datasetId,
      algorithms: choices.algorithms,
      searcher: choices.searcher || undefined,
      timeBudgetS: budgetS ?? undefined,
      parallelism,
    }).then(
      (answer) => {
        if (!current) return;
        setDescription(answer);
        setSpaceFailed(false);
      },
      () => current && setSpaceFailed(true),
    );
    return () => {
      current = false;
    };
  }, [task, datasetId, choices.algorithms, choices.searcher, budgetS, parallelism]);

  const searcher = choices.searcher || description?.defaultSearcher || "";
  const selected = description?.searchers.find((s) => s.name === searcher);
  const toggleAlgorithm = (name: string, on: boolean) =>
    set({ algorithms: on ? [...choices.algorithms, name] : choices.algorithms.filter((a) => a !== name) });

  return (
    <details className="search-details" data-testid="advanced-options">
      <summary>{t("search.advanced")}</summary>
      <div className="stack">
        <p className="help">{t("search.advancedHelp")}</p>
        {spaceFailed ? <p className="muted">{t("search.spaceUnavailable")}</p> : null}

        <label htmlFor={metricId}>{t("search.metric")}</label>
        <p id={metricHelpId} className="help">
          {t("search.metricHelp")}
        </p>
        <select
          id={metricId}
          data-testid="metric-select"
          aria-describedby={metricHelpId}
          value={choices.metric}
          onChange={(event) => set({ metric: event.target.value })}
        >
          <option value="">{t("search.metricAuto")}</option>
          {metricsFor(task).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>

        <fieldset className="checkbox-list" data-testid="algorithm-choices">
          <legend>{t("search.algorithms")}</legend>
          <p className="help">{t("search.algorithmsHelp")}</p>
          {(description?.availableAlgorithms ?? []).map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                value={name}
                data-testid={`algorithm-${name}`}
                checked={choices.algorithms.includes(name)}
                onChange={(event) => toggleAlgorithm(name, event.target.checked)}
              />
              {name}
            </label>
          ))}
        </fieldset>

        <label htmlFor={searcherId}>{t("search.searcher")}</label>
        <p id={searcherHelpId} className="help">
          {t("search.searcherHelp")} <Link to="/strategies">{t("search.compareLink")}</Link>
        </p>
        <select
          id={searcherId}
          data-testid="searcher-select"
          aria-describedby={searcherHelpId}
          value={searcher}
          onChange={(event) => set({ searcher: event.target.value })}
        >
          {(description?.searchers ?? []).map((option) => (
            <option key={option.name} value={option.name}>
              {option.name}
            </option>
          ))}
        </select>
        {selected ? (
          <p className="help" data-testid="searcher-description" aria-live="polite">
            {selected.description}
          </p>
        ) : null}
        {description?.grid ? (
          <p className="help" data-testid="grid-summary" aria-live="polite">
            {description.grid.message}
          </p>
        ) : null}

        <label htmlFor={validationId}>{t("search.validation")}</label>
        <p className="help">{t("search.validationHelp")}</p>
        <select
          id={validationId}
          data-testid="validation-select"
          value={choices.validationFolds === null ? "" : String(choices.validationFolds)}
          onChange={(event) => set({ validationFolds: event.target.value === "" ? null : Number(event.target.value) })}
        >
          <option value="">{t("search.validationAuto")}</option>
          <option value="1">{t("search.validationHoldout")}</option>
          {FOLD_CHOICES.map((folds) => (
            <option key={folds} value={String(folds)}>
              {t("search.validationFolds", { folds: number(folds) })}
            </option>
          ))}
        </select>

        <label htmlFor={parallelismId}>{t("search.parallelism")}</label>
        <p id={parallelismHelpId} className="help">
          {t("search.parallelismHelp")}
        </p>
        <input
          id={parallelismId}
          type="number"
          inputMode="numeric"
          data-testid="parallelism-input"
          aria-describedby={parallelismHelpId}
          min={1}
          max={MAX_PARALLELISM}
          step={1}
          value={choices.parallelism}
          onChange={(event) => set({ parallelism: event.target.value })}
        />

        <StartingConfigurations
          description={description}
          configurations={choices.initialConfigurations}
          onChange={(initialConfigurations) => set({ initialConfigurations })}
          serverErrors={serverErrors}
        />
      </div>
    </details>
  );
}

function StartingConfigurations({
  description,
  configurations,
  onChange,
  serverErrors,
}: {
  description: SearchDescription | null;
  configurations: Configuration[];
  onChange: (configurations: Configuration[]) => void;
  serverErrors: Record<string, string[]>;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="stack" data-testid="initial-configurations">
      <legend>{t("search.initial")}</legend>
      <p className="help">{t("search.initialHelp")}</p>
      {configurations.length === 0 ? (
        <p className="muted">{t("search.initialEmpty")}</p>
      ) : (
        <ol className="initial-list">
          {configurations.map((configuration, index) => {
            const errors = errorsByParam(serverErrors, `initial_configurations.${index}.`);
            return (
              <li key={index} data-testid="initial-configuration">
                <code>
                  {configuration.algorithm} {JSON.stringify(configuration.params)}
                </code>
                {Object.entries(errors).map(([name, messages]) => (
                  <p key={name} role="alert" className="field-error">
                    {name ? `${name}: ` : ""}
                    {messages.join(" ")}
                  </p>
                ))}
                <div>
                  <button type="button" onClick={() => onChange(configurations.filter((_, i) => i !== index))}>
                    {t("search.initialRemove", { algorithm: configuration.algorithm })}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {description ? (
        <ConfigurationEditor
          key={Object.keys(description.space.families).join(",")}
          space={description.space}
          submitLabel={t("search.initialAdd")}
          serverErrors={{}}
          onSubmit={(configuration) => onChange([...configurations, configuration])}
          testId="initial-configuration-editor"
        />
      ) : null}
    </fieldset>
  );
}
