/**
 * Write a configuration by hand from the search space: an algorithm, then one input per active
 * hyperparameter (number inputs with their range, selects for choices; a parameter that depends
 * on another appears only when it is used). `ManualTrialForm` queues it as the next trial of a
 * running search; `ConfigurationEditor` is the form itself, reused for starting configurations.
 */
import { useEffect, useId, useState } from "react";
import { getProject } from "../api/client";
import { ApiError } from "../api/errors";
import { getExperimentSpace, queueTrial, type SearchDescription } from "../api/search";
import type { Experiment } from "../api/types";
import {
  activeParams,
  buildConfiguration,
  chosenValues,
  defaultTexts,
  errorsByParam,
  parseValue,
  stepOf,
  type Configuration,
  type ParamSpec,
  type ParamValue,
  type SearchSpace,
} from "../domain/searchSpace";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import "./search-forms.css";

/** Queue hand-written configurations while a search runs (editors and owners only). */
export function ManualTrialForm({ experiment }: { experiment: Experiment }) {
  const { t } = useI18n();
  const [description, setDescription] = useState<SearchDescription | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [queued, setQueued] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([getProject(experiment.projectId), getExperimentSpace(experiment.id)]).then(
      ([project, space]) => {
        if (!current) return;
        setCanEdit(project.role !== "viewer");
        setDescription(space);
      },
      (caught: unknown) => current && setLoadError(caught),
    );
    return () => {
      current = false;
    };
  }, [experiment.id, experiment.projectId]);

  // Not allowed or not found: the form is simply not offered; other failures are explained.
  if (loadError instanceof ApiError && [403, 404].includes(loadError.status)) return null;
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!canEdit) return null;

  const submit = async (configuration: Configuration) => {
    setBusy(true);
    setServerErrors({});
    setFailure(null);
    setQueued(null);
    try {
      setQueued((await queueTrial(experiment.id, configuration)).number);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400) setServerErrors(errorsByParam(caught.fieldErrors));
      else setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card search-details" data-testid="manual-trial">
      <summary>{t("manual.heading")}</summary>
      <p className="help">{t("manual.intro")}</p>
      {description === null ? (
        <p className="muted">{t("manual.loading")}</p>
      ) : (
        <ConfigurationEditor
          space={description.space}
          submitLabel={busy ? t("manual.submitting") : t("manual.submit")}
          busy={busy}
          serverErrors={serverErrors}
          onSubmit={submit}
          testId="manual-trial-form"
        />
      )}
      {queued !== null ? (
        <p role="status" className="alert alert-success" data-testid="manual-trial-queued">
          {t("manual.queued", { number: queued })}
        </p>
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
    </details>
  );
}

export interface ConfigurationEditorProps {
  space: SearchSpace;
  submitLabel: string;
  busy?: boolean;
  /** The server's messages by parameter name (`algorithm` for the family, `""` for the rest). */
  serverErrors: Record<string, string[]>;
  onSubmit: (configuration: Configuration) => void;
  testId?: string;
}

/** An algorithm select and one input per active hyperparameter; submits a configuration with
 * only the active ones once every value is in range. Not a <form>: it may sit inside one. */
export function ConfigurationEditor({
  space,
  submitLabel,
  busy = false,
  serverErrors,
  onSubmit,
  testId,
}: ConfigurationEditorProps) {
  const { t } = useI18n();
  const algorithmId = useId();
  const algorithms = Object.keys(space.families);
  const [algorithm, setAlgorithm] = useState(algorithms[0] ?? "");
  const params = space.families[algorithm] ?? [];
  const [texts, setTexts] = useState<Record<string, string>>(() => defaultTexts(params));
  const [showProblems, setShowProblems] = useState(false);

  const chooseAlgorithm = (name: string) => {
    setAlgorithm(name);
    setTexts(defaultTexts(space.families[name] ?? []));
    setShowProblems(false);
  };
  const active = activeParams(params, chosenValues(params, texts));
  const { configuration, problems } = buildConfiguration(algorithm, params, texts);
  const blocked = Object.keys(problems).length > 0;

  const submit = () => {
    setShowProblems(true);
    if (!blocked) onSubmit(configuration);
  };

  return (
    <div className="stack configuration-editor" data-testid={testId}>
      <label htmlFor={algorithmId}>{t("manual.algorithm")}</label>
      <select
        id={algorithmId}
        data-testid="manual-algorithm"
        value={algorithm}
        aria-invalid={serverErrors.algorithm ? true : undefined}
        onChange={(event) => chooseAlgorithm(event.target.value)}
      >
        {algorithms.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <FieldErrors messages={serverErrors.algorithm} />
      <div className="param-grid">
        {active.map((param) => (
          <ParamInput
            key={`${algorithm}.${param.name}`}
            param={param}
            text={texts[param.name] ?? ""}
            onChange={(text) => setTexts((before) => ({ ...before, [param.name]: text }))}
            showProblem={showProblems || (texts[param.name] ?? "") !== defaultTexts([param])[param.name]}
            serverErrors={serverErrors[param.name]}
          />
        ))}
      </div>
      <FieldErrors messages={serverErrors[""]} />
      {showProblems && blocked ? (
        <p role="alert" className="field-error">
          {t("manual.fixProblems")}
        </p>
      ) : null}
      <div>
        <button type="button" data-testid="manual-submit" disabled={busy} onClick={submit}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}

function FieldErrors({ messages, id }: { messages: string[] | undefined; id?: string }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} role="alert" className="field-error" data-testid="field-error">
      {messages.join(" ")}
    </p>
  );
}

function formatChoice(value: ParamValue): string {
  return value === null ? "none" : String(value);
}

function ParamInput({
  param,
  text,
  onChange,
  showProblem,
  serverErrors,
}: {
  param: ParamSpec;
  text: string;
  onChange: (text: string) => void;
  showProblem: boolean;
  serverErrors: string[] | undefined;
}) {
  const { t, number } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const parsed = parseValue(param, text);
  const problem = "problem" in parsed && showProblem ? parsed.problem : null;
  const low = number(param.low ?? 0);
  const high = number(param.high ?? 0);
  const middle =
    param.log && param.low && param.high ? number(Number(Math.sqrt(param.low * param.high).toPrecision(2))) : "";
  const hints = [
    param.type === "cat"
      ? null
      : param.log
        ? t("manual.rangeLog", { low, high, middle })
        : t("manual.range", { low, high }),
    param.type === "int" ? t("manual.integer") : null,
    param.condition
      ? t("manual.onlyWhen", { parent: param.condition.parent, values: param.condition.values.map(formatChoice).join(", ") })
      : null,
  ].filter((hint): hint is string => hint !== null);
  const invalid = problem !== null || (serverErrors?.length ?? 0) > 0;
  const describedBy = [hints.length ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="param-field" data-testid={`param-${param.name}`}>
      <label htmlFor={inputId}>{param.name}</label>
      {param.type === "cat" ? (
        <select
          id={inputId}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {(param.choices ?? []).map((choice, index) => (
            <option key={index} value={String(index)}>
              {formatChoice(choice)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={inputId}
          type="number"
          inputMode={param.type === "int" ? "numeric" : "decimal"}
          min={param.low}
          max={param.high}
          step={stepOf(param)}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hints.length ? (
        <p id={hintId} className="help">
          {hints.join(" · ")}
        </p>
      ) : null}
      {problem ? (
        <p id={errorId} className="field-error" role="alert">
          {problem === "outOfRange" ? t("manual.problem.outOfRange", { low, high }) : t(`manual.problem.${problem}`)}
        </p>
      ) : (
        <FieldErrors id={errorId} messages={serverErrors} />
      )}
    </div>
  );
}
