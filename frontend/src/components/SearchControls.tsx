/** Steering a search while it runs: pause or resume it, and give it more time. */
import { useState } from "react";
import { extendExperiment, pauseExperiment, resumeExperiment } from "../api/client";
import type { Experiment } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";

/** Minutes the extend buttons add to the time budget. */
const EXTENSIONS_MIN = [1, 5] as const;

export function SearchControls({
  experiment,
  onSteered,
}: {
  experiment: Experiment;
  /** Receives the experiment as the server answered the last action. */
  onSteered: (experiment: Experiment) => void;
}) {
  const { t, number } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const steerable =
    (experiment.status === "running" || experiment.status === "paused") && !experiment.cancelRequested;
  if (!steerable) return null;

  const run = async (action: () => Promise<Experiment>) => {
    setBusy(true);
    setError(null);
    try {
      onSteered(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const paused = experiment.status === "paused";
  return (
    <div role="group" aria-label={t("experiment.controls")} className="actions">
      <button
        type="button"
        data-testid={paused ? "experiment-resume" : "experiment-pause"}
        disabled={busy}
        onClick={() => void run(() => (paused ? resumeExperiment : pauseExperiment)(experiment.id))}
      >
        {paused ? t("experiment.resume") : t("experiment.pause")}
      </button>
      {EXTENSIONS_MIN.map((minutes) => (
        <button
          key={minutes}
          type="button"
          data-testid={`experiment-extend-${minutes}`}
          aria-label={t("experiment.extendLabel", { minutes: number(minutes) })}
          disabled={busy}
          onClick={() => void run(() => extendExperiment(experiment.id, minutes * 60))}
        >
          {t("experiment.extend", { minutes: number(minutes) })}
        </button>
      ))}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
