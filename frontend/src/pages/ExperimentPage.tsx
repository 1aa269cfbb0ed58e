/** One experiment while it runs and after: status, progress, best score and the leaderboard. */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isActive, type Experiment, type Id, type Trial } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { ExperimentExports } from "../components/ExperimentExports";
import { Leaderboard } from "../components/Leaderboard";
import { SearchDiagnostics } from "../components/leaderboard/SearchDiagnostics";
import { Loading } from "../components/Loading";
import { ManualTrialForm } from "../components/ManualTrialForm";
import { Stepper } from "../components/Stepper";
import { ProgressBar } from "../components/ProgressBar";
import { ReplayButton, ReplayComparison } from "../components/ReplayPanel";
import { SearchControls } from "../components/SearchControls";
import { searchStage } from "../components/live/searchStage";
import { TimeLeft } from "../components/live/TimeLeft";
import { useThrottled } from "../components/live/useThrottled";
import { WorkerTimeline } from "../components/live/WorkerTimeline";
import { WhyThisTrial } from "../components/why/WhyThisTrial";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useExperimentProgress, type LiveMode } from "../hooks/useExperimentProgress";
import { useNow } from "../hooks/useNow";
import { useI18n } from "../i18n/I18nProvider";

export function ExperimentPage() {
  const { id = "" } = useParams();
  return <ExperimentView key={id} experimentId={id} />;
}

function ExperimentView({ experimentId }: { experimentId: Id }) {
  const { t } = useI18n();
  const { experiment: live, trials, error, cancel, mode, latest, startedCount } = useExperimentProgress(experimentId);
  // The server's answer to the last pause, resume or extend, shown until the live copy is
  // fetched again (the status event of the change, the next trial or poll brings it).
  const [steered, setSteered] = useState<{ answer: Experiment; before: Experiment | null } | null>(null);
  const experiment = steered && steered.before === live ? steered.answer : live;
  // The trial whose "Why this trial" panel is open, or null.
  const [why, setWhy] = useState<number | null>(null);
  useDocumentTitle(experiment ? t("experiment.title", { target: experiment.target }) : null);
  // The live charts grow with each finished trial and the worker timeline also with each start;
  // each is fetched again at most every 2 s.
  const progressKey = `${trials.length}:${experiment?.nTrials ?? 0}:${experiment?.status ?? ""}`;
  const liveKey = useThrottled(progressKey);
  const timelineKey = useThrottled(`${progressKey}:${startedCount}`);

  if (!experiment) return error ? <ErrorAlert error={error} /> : <Loading />;

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/projects/${encodeURIComponent(experiment.projectId)}`}>{t("header.home")}</Link>
        {" / "}
        <Link to={`/datasets/${encodeURIComponent(experiment.datasetId)}`}>{t("experiment.dataset")}</Link>
      </p>
      <h1>{t("experiment.title", { target: experiment.target })}</h1>
      <Stepper current="watch" />
      {error ? <ErrorAlert error={error} /> : null}
      <StatusPanel
        experiment={experiment}
        cancel={cancel}
        mode={mode}
        onSteered={(answer) => setSteered({ answer, before: live })}
      />
      <TrialAnnouncement experiment={experiment} latest={latest} />
      {experiment.replayOf !== null ? (
        <ReplayComparison experiment={experiment} refreshKey={`${trials.length}:${experiment.status}`} />
      ) : null}
      {/* A replay runs exactly its original's trials: no hand-written ones. */}
      {isActive(experiment.status) && experiment.replayOf === null ? <ManualTrialForm experiment={experiment} /> : null}
      <section>
        <h2>{t("experiment.leaderboardHeading")}</h2>
        {trials.length === 0 ? (
          <p className="empty">{t("experiment.leaderboardEmpty")}</p>
        ) : (
          <Leaderboard
            experimentId={experiment.id}
            metric={experiment.metric}
            refreshKey={`${trials.length}:${experiment.status}:${experiment.modelId ?? ""}`}
            live={isActive(experiment.status)}
            onWhy={setWhy}
          />
        )}
        {why === null ? null : (
          <WhyThisTrial
            trialNumber={why}
            trial={trials.find((trial) => trial.number === why)}
            metric={experiment.metric}
            onClose={() => setWhy(null)}
          />
        )}
      </section>
      {trials.length === 0 ? null : (
        <SearchDiagnostics
          experimentId={experiment.id}
          refreshKey={`${Math.floor(trials.length / 10)}:${experiment.status}`}
          liveKey={liveKey}
        />
      )}
      {experiment.startedAt === null ? null : <WorkerTimeline experimentId={experiment.id} refreshKey={timelineKey} />}
      <ExperimentExports experiment={experiment} />
      <ReplayButton experiment={experiment} />
    </>
  );
}

/**
 * The server moves `progress` only when a trial finishes; while running, the share of the
 * (hard) time budget already spent is an honest lower bound that keeps the bar moving.
 */
function displayedProgress(experiment: Experiment, elapsedS: number): number {
  if (experiment.status === "succeeded") return 1;
  if (experiment.status !== "running" || experiment.timeBudgetS <= 0) return experiment.progress;
  return Math.max(experiment.progress, Math.min(elapsedS / experiment.timeBudgetS, 0.99));
}

/** Seconds the search has run by `end` (ms), without the time it spent paused. */
function searchSeconds(experiment: Experiment, end: number): number {
  if (!experiment.startedAt) return 0;
  const pausedNowMs = experiment.pausedAt ? Math.max(0, end - experiment.pausedAt.getTime()) : 0;
  const runMs = end - experiment.startedAt.getTime() - experiment.pausedS * 1000 - pausedNowMs;
  return Math.max(0, runMs / 1000);
}

/** Read out only by screen readers: the page's visible parts do not move focus or scroll. */
/** Announces each trial that arrives live ("Trial 12 finished: best 0.913"). */
function TrialAnnouncement({ experiment, latest }: { experiment: Experiment; latest: Trial | null }) {
  const { t, number } = useI18n();
  const best = experiment.best?.score;
  const text =
    latest === null
      ? ""
      : t("experiment.trialFinished", {
          number: number(latest.number),
          best: best === null || best === undefined ? "–" : number(best),
        });
  return (
    <p role="status" aria-live="polite" className="visually-hidden" data-testid="trial-announcement">
      {text}
    </p>
  );
}

function StatusPanel({
  experiment,
  cancel,
  mode,
  onSteered,
}: {
  experiment: Experiment;
  cancel: () => Promise<void>;
  mode: LiveMode;
  onSteered: (experiment: Experiment) => void;
}) {
  const { t, label, number, duration } = useI18n();
  const active = isActive(experiment.status);
  const now = useNow(active && experiment.startedAt !== null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);

  const elapsedS = searchSeconds(experiment, experiment.finishedAt?.getTime() ?? now);
  const progress = displayedProgress(experiment, elapsedS);
  const stage = searchStage(experiment, elapsedS);

  const onCancel = async () => {
    setCancelling(true);
    setCancelError(null);
    try {
      await cancel();
    } catch (caught) {
      setCancelError(caught);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <section className="card">
      <dl className="summary">
        <div>
          <dt>{t("experiment.status")}</dt>
          <dd>
            <span
              className={`status status-${experiment.status}`}
              data-testid="experiment-status"
              data-status={experiment.status}
              aria-live="polite"
            >
              {label("status", experiment.status)}
            </span>
            {experiment.queuePosition !== null ? (
              <p className="muted" data-testid="queue-position">
                {t("experiment.queuePosition", { position: number(experiment.queuePosition) })}
              </p>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("experiment.elapsed")}</dt>
          <dd data-testid="experiment-elapsed">{duration(elapsedS)}</dd>
        </div>
        <div>
          <dt>{t("experiment.budget")}</dt>
          <dd>{duration(experiment.timeBudgetS)}</dd>
        </div>
        {stage === null ? null : (
          <div>
            <dt>{t("experiment.stage")}</dt>
            <dd data-testid="experiment-stage" data-stage={stage}>
              {t(`experiment.stage.${stage}`)}
            </dd>
          </div>
        )}
        {stage === "searching" ? (
          <TimeLeft
            timeBudgetS={experiment.timeBudgetS}
            elapsedS={elapsedS}
            expectedFinishAt={experiment.expectedFinishAt}
            nowMs={now}
          />
        ) : null}
        <div>
          <dt>{t("experiment.task")}</dt>
          <dd title={experiment.taskReason || undefined}>{label("task", experiment.task)}</dd>
        </div>
        <div>
          <dt>{t("experiment.metric")}</dt>
          <dd>
            {experiment.metric} (
            {experiment.greaterIsBetter ? t("experiment.direction.higher") : t("experiment.direction.lower")})
          </dd>
        </div>
        <div>
          <dt>{t("experiment.trials")}</dt>
          <dd data-testid="experiment-trials">{number(experiment.nTrials)}</dd>
        </div>
        <div>
          <dt>{t("experiment.best")}</dt>
          <dd data-testid="experiment-best">
            {experiment.best && experiment.best.score !== null
              ? t("experiment.bestDetail", {
                  score: number(experiment.best.score),
                  number: number(experiment.best.number),
                  algorithm: experiment.best.algorithm,
                })
              : t("experiment.noBest")}
          </dd>
        </div>
      </dl>
      {experiment.taskReason ? <p className="help">{experiment.taskReason}</p> : null}
      <ProgressBar
        value={progress}
        label={t("experiment.progress")}
        text={number(progress, { style: "percent", maximumFractionDigits: 0 })}
      />
      {active ? (
        <p className="actions">
          <span className="live" data-testid="live-mode" data-mode={mode}>
            {mode === "stream" ? t("experiment.live") : t("experiment.livePolling")}
          </span>
          <button
            type="button"
            data-testid="experiment-cancel"
            onClick={onCancel}
            disabled={cancelling || experiment.cancelRequested}
          >
            {cancelling || experiment.cancelRequested ? t("experiment.cancelling") : t("experiment.cancel")}
          </button>
        </p>
      ) : null}
      {active ? <SearchControls experiment={experiment} onSteered={onSteered} /> : null}
      {cancelError ? <ErrorAlert error={cancelError} /> : null}
      {experiment.status === "failed" ? (
        <div role="alert" className="alert alert-error" data-testid="experiment-error">
          <strong>{t("experiment.failedHeading")}</strong>
          {experiment.error ? <pre className="error-text">{experiment.error}</pre> : null}
        </div>
      ) : null}
      {/* A cancelled search may still have refit its best trial, so any final model is linked. */}
      {!active && experiment.modelId !== null ? (
        <p>
          <Link
            className="button-link"
            to={`/models/${encodeURIComponent(experiment.modelId)}`}
            data-testid="model-link"
          >
            {t("experiment.viewModel")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
