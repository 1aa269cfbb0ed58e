/** The leaderboard's filters: algorithms, states and a score range, applied together. */
import { useId, useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { DEFAULT_VIEW, FINISHED_STATES, type LeaderboardView } from "./urlState";

export interface LeaderboardFiltersProps {
  view: LeaderboardView;
  algorithms: readonly string[];
  onApply: (view: LeaderboardView) => void;
}

function toggled(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function parseScore(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function LeaderboardFilters({ view, algorithms, onApply }: LeaderboardFiltersProps) {
  const { t, label } = useI18n();
  const id = useId();
  const [chosenAlgorithms, setAlgorithms] = useState<string[]>(view.algorithms);
  const [states, setStates] = useState<string[]>(view.states);
  const [scoreMin, setScoreMin] = useState(view.scoreMin === null ? "" : String(view.scoreMin));
  const [scoreMax, setScoreMax] = useState(view.scoreMax === null ? "" : String(view.scoreMax));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...view,
      page: 1,
      algorithms: chosenAlgorithms,
      states,
      scoreMin: parseScore(scoreMin),
      scoreMax: parseScore(scoreMax),
    });
  };
  const clear = () => {
    setAlgorithms([]);
    setStates([]);
    setScoreMin("");
    setScoreMax("");
    onApply({ ...view, page: 1, algorithms: [], states: [], scoreMin: DEFAULT_VIEW.scoreMin, scoreMax: DEFAULT_VIEW.scoreMax });
  };

  return (
    <details className="lb-filters" open={view.algorithms.length > 0 || view.states.length > 0 || view.scoreMin !== null || view.scoreMax !== null}>
      <summary>{t("lb.filters")}</summary>
      <form onSubmit={submit} data-testid="leaderboard-filters">
        <fieldset>
          <legend>{t("lb.filterAlgorithm")}</legend>
          {algorithms.map((algorithm) => (
            <label key={algorithm} className="lb-check">
              <input
                type="checkbox"
                checked={chosenAlgorithms.includes(algorithm)}
                onChange={() => setAlgorithms((values) => toggled(values, algorithm))}
              />
              {algorithm}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("lb.filterState")}</legend>
          {FINISHED_STATES.map((state) => (
            <label key={state} className="lb-check">
              <input type="checkbox" checked={states.includes(state)} onChange={() => setStates((values) => toggled(values, state))} />
              {label("trialState", state)}
            </label>
          ))}
        </fieldset>
        <div className="lb-range">
          <label htmlFor={`${id}-min`}>{t("lb.scoreMin")}</label>
          <input id={`${id}-min`} type="number" step="any" value={scoreMin} onChange={(e) => setScoreMin(e.target.value)} data-testid="score-min" />
          <label htmlFor={`${id}-max`}>{t("lb.scoreMax")}</label>
          <input id={`${id}-max`} type="number" step="any" value={scoreMax} onChange={(e) => setScoreMax(e.target.value)} data-testid="score-max" />
        </div>
        <p className="actions">
          <button type="submit" data-testid="filters-apply">{t("lb.apply")}</button>
          <button type="button" onClick={clear}>{t("lb.clear")}</button>
        </p>
      </form>
    </details>
  );
}
