/**
 * An experiment's take-aways: the self-contained HTML report (in the reader's language), the
 * reproducibility record and the Python script that reproduces a chosen trial.
 */
import { useId, useState } from "react";
import { reportUrl, reproducibilityUrl, scriptUrl } from "../api/exports";
import type { Experiment } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import "./ExperimentExports.css";

export function ExperimentExports({ experiment }: { experiment: Experiment }) {
  const { t, language } = useI18n();
  const inputId = useId();
  // Empty until the user types: the best trial so far.
  const [typed, setTyped] = useState("");
  if (experiment.best === null) return null;
  const trial = typed === "" ? String(experiment.best.number) : typed;
  const number = Number.parseInt(trial, 10);
  const validTrial = Number.isInteger(number) && number >= 0;
  return (
    <section className="card experiment-exports" data-testid="experiment-exports">
      <h2>{t("exports.experimentHeading")}</h2>
      <ul className="export-list">
        <li>
          <a className="button-link" href={reportUrl(experiment.id, language)} download data-testid="export-report">
            {t("exports.report")}
          </a>
          <p className="muted">{t("exports.reportHelp")}</p>
        </li>
        <li>
          <a
            className="button-link"
            href={reproducibilityUrl(experiment.id)}
            target="_blank"
            rel="noopener"
            data-testid="export-record"
          >
            {t("exports.record")}
          </a>
          <p className="muted">{t("exports.recordHelp")}</p>
        </li>
        <li>
          <span className="script-row">
            <label htmlFor={inputId}>{t("exports.script")}</label>
            <input
              id={inputId}
              type="number"
              min={0}
              value={trial}
              onChange={(event) => setTyped(event.target.value)}
              data-testid="export-script-trial"
            />
            {validTrial ? (
              <a className="button-link" href={scriptUrl(experiment.id, number)} download data-testid="export-script">
                {t("exports.scriptDownload")}
              </a>
            ) : null}
          </span>
          <p className="muted">{t("exports.scriptHelp")}</p>
        </li>
      </ul>
    </section>
  );
}
