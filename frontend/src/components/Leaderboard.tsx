/** The trials of an experiment, best first by the metric's direction. */
import type { Trial } from "../api/types";
import { foldSpread, sortForLeaderboard } from "../domain/trials";
import { useI18n } from "../i18n/I18nProvider";

export interface LeaderboardProps {
  trials: readonly Trial[];
  metric: string;
  greaterIsBetter: boolean;
}

export function Leaderboard({ trials, metric, greaterIsBetter }: LeaderboardProps) {
  const { t, label, number } = useI18n();
  const ordered = sortForLeaderboard(trials, greaterIsBetter);
  const bestNumber = ordered[0]?.state === "complete" && ordered[0].score !== null ? ordered[0].number : null;
  const missing = <span className="missing">–</span>;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("leaderboard.caption")}>
      <table className="data-table leaderboard" data-testid="leaderboard">
        <caption>{t("leaderboard.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("leaderboard.number")}</th>
            <th scope="col">{t("leaderboard.algorithm")}</th>
            <th scope="col">{t("leaderboard.score", { metric })}</th>
            <th scope="col">{t("leaderboard.spread")}</th>
            <th scope="col">{t("leaderboard.fitTime")}</th>
            <th scope="col">{t("leaderboard.state")}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((trial) => {
            const spread = foldSpread(trial.foldScores);
            return (
              <tr
                key={trial.number}
                data-testid="trial-row"
                data-trial-number={trial.number}
                className={trial.number === bestNumber ? "best" : undefined}
              >
                <td className="num">{number(trial.number)}</td>
                <td>{trial.algorithm}</td>
                <td className="num">{trial.score === null ? missing : number(trial.score)}</td>
                <td className="num">{spread === null ? missing : `± ${number(spread)}`}</td>
                <td className="num">
                  {trial.fitTimeS === null
                    ? missing
                    : t("common.seconds", { value: number(trial.fitTimeS, { maximumFractionDigits: 2 }) })}
                </td>
                <td title={trial.error || undefined}>{label("trialState", trial.state)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
