/**
 * The live search's time left: what remains of the time budget, an upper bound (the search may
 * end earlier when cancelled or out of configurations), said as "about N min left".
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

export function TimeLeft({ timeBudgetS, elapsedS }: { timeBudgetS: number; elapsedS: number }) {
  const { t, number } = useI18n();
  return (
    <div>
      <dt>{t("experiment.timeLeft")}</dt>
      <dd data-testid="experiment-time-left" title={t("experiment.timeLeftHelp")}>
        {timeLeftText(budgetLeftS(timeBudgetS, elapsedS), t, number)}
      </dd>
    </div>
  );
}
