/**
 * The live search's time left: what remains of the time budget, an upper bound (the search may
 * end earlier when cancelled or out of configurations), said as "about N min left"; and its ETA
 * from the server, as a clock time and the minutes until it.
 */
import type { MessageKey } from "../../i18n/en";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageParams } from "../../i18n/translate";

/** Seconds of the time budget left after `elapsedS` seconds of search (never negative). */
export function budgetLeftS(timeBudgetS: number, elapsedS: number): number {
  return Math.max(0, timeBudgetS - elapsedS);
}

/** "About N min left" (whole minutes, rounded up) or "Less than a minute left". */
export function timeLeftText(
  seconds: number,
  t: (key: MessageKey, params?: MessageParams) => string,
  number: (value: number) => string,
): string {
  if (seconds < 60) return t("experiment.timeLeftUnderMinute");
  return t("experiment.timeLeftMinutes", { minutes: number(Math.ceil(seconds / 60)) });
}

/** Seconds until the expected finish at `nowMs` (never negative), or null without an ETA. */
export function etaSeconds(expectedFinishAt: Date | null, nowMs: number): number | null {
  return expectedFinishAt === null ? null : Math.max(0, (expectedFinishAt.getTime() - nowMs) / 1000);
}

export interface TimeLeftProps {
  timeBudgetS: number;
  elapsedS: number;
  /** The server's ETA of the search (see `Experiment.expectedFinishAt`). */
  expectedFinishAt: Date | null;
  nowMs: number;
}

/** What is left of the budget, and when the search is expected to finish (its ETA). */
export function TimeLeft({ timeBudgetS, elapsedS, expectedFinishAt, nowMs }: TimeLeftProps) {
  const { t, number, language, timeZone } = useI18n();
  const eta = etaSeconds(expectedFinishAt, nowMs);
  return (
    <>
      <div>
        <dt>{t("experiment.timeLeft")}</dt>
        <dd data-testid="experiment-time-left" title={t("experiment.timeLeftHelp")}>
          {timeLeftText(budgetLeftS(timeBudgetS, elapsedS), t, number)}
        </dd>
      </div>
      {expectedFinishAt === null || eta === null ? null : (
        <div>
          <dt>{t("experiment.eta")}</dt>
          <dd data-testid="experiment-eta" title={t("experiment.etaHelp")}>
            {t("experiment.etaAt", {
              time: expectedFinishAt.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit", timeZone }),
              left: timeLeftText(eta, t, number),
            })}
          </dd>
        </div>
      )}
    </>
  );
}
