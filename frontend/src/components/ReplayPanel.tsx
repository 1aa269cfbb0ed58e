/**
 * Replays on the experiment page: `ReplayButton` starts one (editors and owners, once the
 * experiment has a completed trial and is no longer running) and opens it; `ReplayComparison`
 * shows, on a replay, each original trial's score against the replayed one with a verdict.
 */
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { getProject } from "../api/client";
import { getReplayComparison, replayExperiment, type ReplayComparison as Comparison } from "../api/replay";
import { isActive, type Experiment } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";

/** Start a replay of a finished experiment and go to it (not offered to viewers). */
export function ReplayButton({ experiment }: { experiment: Experiment }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [canEdit, setCanEdit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const offered = experiment.best !== null && !isActive(experiment.status) && experiment.status !== "waiting";

  useEffect(() => {
    if (!offered) return;
    let current = true;
    getProject(experiment.projectId).then(
      (project) => current && setCanEdit(project.role !== "viewer"),
      () => current && setCanEdit(false),
    );
    return () => {
      current = false;
    };
  }, [offered, experiment.projectId]);

  if (!offered || !canEdit) return null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const replay = await replayExperiment(experiment.id);
      navigate(`/experiments/${encodeURIComponent(replay.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section className="card replay-start" data-testid="replay-panel">
      <p className="actions">
        <button type="button" data-testid="replay-start" disabled={busy} onClick={() => void start()}>
          {busy ? t("replay.starting") : t("replay.start")}
        </button>
      </p>
      <p className="muted">{t("replay.startHelp")}</p>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}

/** The replay against its original, fetched again whenever `refreshKey` changes. */
export function ReplayComparison({ experiment, refreshKey }: { experiment: Experiment; refreshKey: string }) {
  const { t } = useI18n();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    getReplayComparison(experiment.id).then(
      (answer) => {
        if (!current) return;
        setComparison(answer);
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [experiment.id, refreshKey]);

  return (
    <section className="card replay-comparison" data-testid="replay-comparison">
      <h2>{t("replay.heading")}</h2>
      {experiment.replayOf !== null ? (
        <p>
          <Link to={`/experiments/${encodeURIComponent(experiment.replayOf)}`} data-testid="replay-original">
            {t("replay.original")}
          </Link>
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {comparison === null ? (
        error ? null : <p className="muted">{t("replay.loading")}</p>
      ) : (
        <ComparisonBody comparison={comparison} />
      )}
    </section>
  );
}

function ComparisonBody({ comparison }: { comparison: Comparison }) {
  const { t, number } = useI18n();
  const score = (value: number | null) => (value === null ? "–" : number(value, { maximumFractionDigits: 8 }));
  const done = comparison.reproduced + comparison.differs;
  return (
    <>
      <p className="help">
        {t("replay.intro", { tolerance: number(comparison.tolerance, { notation: "scientific" }) })}
      </p>
      <p role="status" data-testid="replay-summary" data-all-reproduced={comparison.allReproduced}>
        {!comparison.finished
          ? t("replay.progress", { done: number(done), total: number(comparison.total) })
          : comparison.allReproduced
            ? t("replay.allReproduced", { total: number(comparison.total) })
            : t("replay.someDiffer", {
                reproduced: number(comparison.reproduced),
                total: number(comparison.total),
                differs: number(comparison.differs),
              })}
      </p>
      {comparison.notRun > 0 ? <p className="muted">{t("replay.notRun", { count: number(comparison.notRun) })}</p> : null}
      {comparison.differs > 0 ? <p className="muted">{t("replay.differsHelp")}</p> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("replay.caption")}>
        <table className="data-table" data-testid="replay-table">
          <caption>{t("replay.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("replay.column.trial")}</th>
              <th scope="col">{t("replay.column.replayTrial")}</th>
              <th scope="col">{t("replay.column.algorithm")}</th>
              <th scope="col">{t("replay.column.original")}</th>
              <th scope="col">{t("replay.column.replayed")}</th>
              <th scope="col">{t("replay.column.difference")}</th>
              <th scope="col">{t("replay.column.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.trials.map((trial) => (
              <tr key={trial.number} data-testid="replay-row" data-verdict={trial.verdict}>
                <td className="num">{number(trial.number)}</td>
                <td className="num">{number(trial.replayNumber)}</td>
                <td>{trial.algorithm}</td>
                <td className="num">{score(trial.originalScore)}</td>
                <td className="num">{score(trial.replayedScore)}</td>
                <td className="num">
                  {trial.difference === null
                    ? "–"
                    : number(trial.difference, { notation: "scientific", maximumFractionDigits: 2 })}
                </td>
                <td>{t(`replay.verdict.${trial.verdict}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
