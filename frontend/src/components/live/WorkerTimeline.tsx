/**
 * Which worker ran which trial when: one row per worker, a bar per trial from its start to its
 * end, coloured and patterned by state, with the "show as table" toggle of every chart. The
 * figure comes from the server (`diagnostics/timeline/`) and is fetched again on `refreshKey`.
 */
import type { Id } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { DiagnosticChart } from "../leaderboard/SearchDiagnostics";

export interface WorkerTimelineProps {
  experimentId: Id;
  /** Changes when the timeline is worth fetching again (a trial started or ended). */
  refreshKey: unknown;
}

export function WorkerTimeline({ experimentId, refreshKey }: WorkerTimelineProps) {
  const { t } = useI18n();
  return (
    <section data-testid="worker-timeline">
      <h2>{t("live.timeline.heading")}</h2>
      <DiagnosticChart experimentId={experimentId} chart="timeline" refreshKey={refreshKey} />
    </section>
  );
}
