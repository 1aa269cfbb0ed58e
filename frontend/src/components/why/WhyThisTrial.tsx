/**
 * "Why this trial": the plain-language reason the search tried one trial, opened from the
 * leaderboard's "Why?" button. Focus moves to its heading when it opens (or shows another
 * trial) and back to the button that opened it when it closes (Close or Escape).
 */
import { useEffect, useId, useRef } from "react";
import type { KeyboardEvent } from "react";
import type { Trial } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { isMessageKey } from "../../i18n/translate";
import { whySentences } from "./whySentences";
import "./why.css";

export interface WhyThisTrialProps {
  trialNumber: number;
  /** The finished trial with that number, or undefined while it has not reached the page. */
  trial: Trial | undefined;
  /** The experiment's metric code ("roc_auc"). */
  metric: string;
  onClose: () => void;
}

export function WhyThisTrial({ trialNumber, trial, metric, onClose }: WhyThisTrialProps) {
  const { t, number } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    heading.current?.focus();
  }, [trialNumber]);

  const close = () => {
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") close();
  };

  const metricKey = `results.metric.${metric}`;
  const metricLabel = isMessageKey(metricKey) ? t(metricKey) : metric;
  const sentences =
    trial === undefined
      ? [t("why.unknownTrial", { number: number(trialNumber) })]
      : whySentences(trial.proposal, { t, number, metricLabel });

  return (
    <section className="card why-panel" aria-labelledby={headingId} data-testid="why-panel" onKeyDown={onKeyDown}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t("why.heading", { number: number(trialNumber) })}
      </h3>
      {sentences.map((sentence) => (
        <p key={sentence} data-testid="why-sentence">
          {sentence}
        </p>
      ))}
      <button type="button" onClick={close} data-testid="why-close">
        {t("why.close")}
      </button>
    </section>
  );
}
