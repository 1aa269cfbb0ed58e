/** Messages of the "Why this trial" panel and the live search's time left; every key of the English object also in the Korean one, with the same placeholders. */

export const whyEn = {
  "why.open": "Why?",
  "why.openLabel": "Why was trial {number} tried?",
  "why.heading": "Why trial {number}",
  "why.close": "Close",
  "why.unknownTrial": "Trial {number} has not finished yet; its reason appears here when it does.",
  "why.notKept": "This trial was queued before Daria kept the reason for each trial.",
  "why.model": "Proposed by the model ({searcher}): it predicted {metric} {mean} ± {std}.",
  "why.modelNoPrediction": "Proposed by the model ({searcher}).",
  "why.incumbent": "The best so far was {score} (trial {number}, {algorithm}).",
  "why.noIncumbent": "No trial had a score yet.",
  "why.expectedImprovement":
    "Expected improvement over the best: {value} (from the prediction and its uncertainty).",
  "why.acquisition.ei":
    "It had the highest expected improvement the search could find (log expected improvement on the model's scale: {value}).",
  "why.acquisition.pi":
    "It had the highest probability of beating the best that the search could find (log probability on the model's scale: {value}).",
  "why.acquisition.ucb":
    "It had the best optimistic estimate (lower confidence bound) the search could find, balancing a good prediction against uncertainty ({value} on the model's scale).",
  "why.acquisition.tpe":
    "Among the candidates drawn, it looked most like the good configurations and least like the bad ones (log ratio {value}).",
  "why.initial_design":
    "Part of the initial design: configurations spread over the search space that the model learns from before it proposes its own.",
  "why.randomInterleaved":
    "Drawn at random: this search mixes in random configurations so that it never relies on the model alone.",
  "why.random": "Random search drew this configuration uniformly from the search space.",
  "why.portfolio":
    "From the portfolio: a strong default configuration tried before the search proposes its own.",
  "why.manual": "Written by hand: someone added this configuration to the experiment.",
  "why.replay": "Repeats trial {number} of the original experiment.",
  "why.grid": "The next point of the grid search.",
  "why.evolution":
    "Bred by the evolutionary search: a mutation (and sometimes a crossover) of a good recent trial, or a random configuration while the population is being filled.",
  "why.hyperband":
    "Started by Hyperband on {percent} of the training rows; the best configurations on few rows are promoted to more rows.",
  "why.bohb":
    "Started by BOHB on {percent} of the training rows, from its model or at random; the best configurations on few rows are promoted to more rows.",
  "why.promotion": "Promoted from trial {number}: it was among the best on fewer rows, so it now runs on {percent} of the training rows.",
  "why.other": "Proposed by {source}.",
  "experiment.timeLeft": "Time left",
  "experiment.timeLeftMinutes": "About {minutes} min left",
  "experiment.timeLeftUnderMinute": "Less than a minute left",
  "experiment.timeLeftHelp":
    "What is left of the time budget: the search ends by then at the latest, earlier when it is cancelled or has nothing left to try.",
  "experiment.eta": "Expected to finish",
  "experiment.etaAt": "Around {time} ({left})",
  "experiment.etaHelp":
    "An estimate: the end of the time budget, or sooner when the search runs a fixed list of trials (hand-written or a replay), from how long its finished trials took.",
} as const;

export const whyKo: Record<keyof typeof whyEn, string> = {
  "why.open": "이유",
  "why.openLabel": "시도 {number}을(를) 실행한 이유",
  "why.heading": "시도 {number}의 이유",
  "why.close": "닫기",
  "why.unknownTrial": "시도 {number}은(는) 아직 끝나지 않았습니다. 끝나면 그 이유가 여기에 표시됩니다.",
  "why.notKept": "이 시도는 Daria가 시도마다 이유를 기록하기 전에 대기열에 들어갔습니다.",
  "why.model": "모델({searcher})이 제안했습니다. 예측한 {metric}: {mean} ± {std}.",
  "why.modelNoPrediction": "모델({searcher})이 제안했습니다.",
  "why.incumbent": "그때까지 최고 점수는 {score}였습니다(시도 {number}, {algorithm}).",
  "why.noIncumbent": "아직 점수가 있는 시도가 없었습니다.",
  "why.expectedImprovement": "최고 점수 대비 기대 개선량: {value} (예측값과 그 불확실성에서 계산).",
  "why.acquisition.ei":
    "탐색이 찾은 후보 중 기대 개선량이 가장 컸습니다(모델 척도의 로그 기대 개선량: {value}).",
  "why.acquisition.pi":
    "탐색이 찾은 후보 중 최고 점수를 넘을 확률이 가장 높았습니다(모델 척도의 로그 확률: {value}).",
  "why.acquisition.ucb":
    "좋은 예측과 불확실성을 함께 고려한 낙관적 추정치(하한 신뢰 구간)가 탐색이 찾은 후보 중 가장 좋았습니다(모델 척도로 {value}).",
  "why.acquisition.tpe":
    "뽑은 후보 중 좋은 구성과 가장 비슷하고 나쁜 구성과 가장 달랐습니다(로그 비율 {value}).",
  "why.initial_design":
    "초기 설계의 일부입니다. 모델이 스스로 제안하기 전에 학습할 수 있도록 탐색 공간에 고르게 퍼뜨린 구성입니다.",
  "why.randomInterleaved":
    "무작위로 뽑았습니다. 이 탐색은 모델에만 의존하지 않도록 무작위 구성을 섞습니다.",
  "why.random": "무작위 탐색이 탐색 공간에서 이 구성을 균등하게 뽑았습니다.",
  "why.portfolio": "포트폴리오에서 왔습니다. 탐색이 스스로 제안하기 전에 시도하는 강력한 기본 구성입니다.",
  "why.manual": "직접 작성한 구성입니다. 누군가 이 구성을 실험에 추가했습니다.",
  "why.replay": "원래 실험의 시도 {number}을(를) 다시 실행합니다.",
  "why.grid": "그리드 탐색의 다음 지점입니다.",
  "why.evolution":
    "진화 탐색이 만들었습니다. 최근의 좋은 시도를 변이(때로는 교차)한 구성이거나, 개체군을 채우는 동안의 무작위 구성입니다.",
  "why.hyperband":
    "Hyperband가 학습 행의 {percent}로 시작했습니다. 적은 행에서 가장 좋은 구성은 더 많은 행으로 승격됩니다.",
  "why.bohb":
    "BOHB가 모델 또는 무작위로 골라 학습 행의 {percent}로 시작했습니다. 적은 행에서 가장 좋은 구성은 더 많은 행으로 승격됩니다.",
  "why.promotion": "시도 {number}에서 승격되었습니다. 더 적은 행에서 상위권이었으므로 이제 학습 행의 {percent}로 실행합니다.",
  "why.other": "{source}이(가) 제안했습니다.",
  "experiment.timeLeft": "남은 시간",
  "experiment.timeLeftMinutes": "약 {minutes}분 남음",
  "experiment.timeLeftUnderMinute": "1분 미만 남음",
  "experiment.timeLeftHelp":
    "남은 시간 예산입니다. 탐색은 늦어도 그때 끝나며, 취소하거나 더 시도할 구성이 없으면 더 일찍 끝납니다.",
  "experiment.eta": "예상 종료",
  "experiment.etaAt": "{time}경 ({left})",
  "experiment.etaHelp":
    "추정값입니다. 시간 예산이 끝나는 시각이며, 정해진 시도 목록(직접 작성한 구성 또는 재실행)을 실행하는 탐색은 완료된 시도에 걸린 시간으로 보아 더 일찍 끝날 수 있습니다.",
};
