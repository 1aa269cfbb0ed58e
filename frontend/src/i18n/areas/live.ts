/** Messages of the live experiment page: the search's stage and the timeline of trials per worker; every key of the English object also in the Korean one, with the same placeholders. */

export const liveEn = {
  "experiment.stage": "Stage",
  "experiment.stage.searching": "Searching",
  "experiment.stage.finalModel": "Building the final model",
  "experiment.stage.finished": "Finished",
  "live.timeline.heading": "Trials per worker",
  "diag.timeline.title": "Timeline of trials per worker",
  "diag.timeline.explain":
    "One row per worker; each bar is a trial, from when that worker started it to when it ended (a running trial's bar grows). Colour and fill pattern give the trial's state, named in the legend and the table.",
} as const;

export const liveKo: Record<keyof typeof liveEn, string> = {
  "experiment.stage": "단계",
  "experiment.stage.searching": "탐색 중",
  "experiment.stage.finalModel": "최종 모델을 만드는 중",
  "experiment.stage.finished": "끝남",
  "live.timeline.heading": "워커별 시도",
  "diag.timeline.title": "워커별 시도 타임라인",
  "diag.timeline.explain":
    "워커마다 한 줄이며, 각 막대는 그 워커가 시도를 시작한 때부터 끝난 때까지입니다(실행 중인 시도의 막대는 계속 늘어납니다). 색과 채우기 무늬가 시도의 상태를 나타내며, 범례와 표에 이름이 있습니다.",
};
