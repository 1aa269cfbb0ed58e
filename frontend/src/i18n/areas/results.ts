/** Messages of the model page: metrics, charts, feature importance, table toggles; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const resultsEn = {
  "results.metricsIntro":
    "Scores on out-of-fold predictions: every row was predicted by a model that never saw it, so they estimate how the model does on new rows.",
  "results.metricsCaption": "Metrics of the final model on out-of-fold predictions",
  "results.metricColumn": "Metric",
  "results.valueColumn": "Value",
  "results.betterColumn": "Better when",
  "results.meaningColumn": "What it means",
  "results.higherBetter": "higher",
  "results.lowerBetter": "lower",
  "results.chosenMetric": "{name} (optimised)",
  "results.metric.roc_auc": "ROC AUC",
  "results.metric.roc_auc.meaning":
    "How well the model ranks positive rows above negative ones: 1 is perfect, 0.5 is guessing.",
  "results.metric.log_loss": "Log loss",
  "results.metric.log_loss.meaning":
    "How confident and right the predicted probabilities are: 0 is perfect, smaller is better.",
  "results.metric.accuracy": "Accuracy",
  "results.metric.accuracy.meaning": "The share of rows whose most likely class is the right one.",
  "results.metric.balanced_accuracy": "Balanced accuracy",
  "results.metric.balanced_accuracy.meaning":
    "Accuracy averaged over the classes, so a rare class counts as much as a common one.",
  "results.metric.f1": "F1",
  "results.metric.f1.meaning":
    "Balances precision (flagged rows that are right) and recall (real cases found): 1 is perfect.",
  "results.metric.rmse": "RMSE",
  "results.metric.rmse.meaning":
    "The typical size of an error, in the target's units; large errors weigh more. Smaller is better.",
  "results.metric.mae": "MAE",
  "results.metric.mae.meaning": "The average size of an error, in the target's units. Smaller is better.",
  "results.metric.r2": "R²",
  "results.metric.r2.meaning":
    "The share of the target's variation the model explains: 1 is perfect, 0 is no better than the average.",

  "results.performanceHeading": "How good are the predictions?",
  "results.performanceIntro":
    "These charts use out-of-fold predictions, the same honest estimate as the metrics above.",
  "results.driversHeading": "What drives the predictions?",
  "results.driversIntro":
    "These charts refit or re-run the model many times, so they are computed in the background after training.",
  "results.jobQueued": "Waiting for a worker to compute these charts…",
  "results.jobRunning": "Computing these charts… they appear one by one, usually within a few minutes.",
  "results.jobFailed": "The charts could not be computed: {reason}",
  "results.retry": "Retry",
  "results.retrying": "Starting again…",
  "results.chartPending": "Being computed… this card fills in by itself.",
  "results.chartFailed": "This chart failed: {reason} Press Retry above to compute it again.",
  "results.chartUnavailable": "Not available for this model.",
  "results.listFailed": "The charts could not be loaded. Reload the page to try again.",

  "results.chart.confusion_matrix.title": "Confusion matrix (counts)",
  "results.chart.confusion_matrix.explain":
    "Each row is the real class and each column the predicted one, so the diagonal counts the correct predictions.",
  "results.chart.confusion_matrix_normalized.title": "Confusion matrix (share of each real class)",
  "results.chart.confusion_matrix_normalized.explain":
    "The same matrix as shares of each real class: the diagonal shows how often each class is recognised.",
  "results.chart.roc_curve.title": "ROC curve",
  "results.chart.roc_curve.explain":
    "The higher the curve bows above the dotted diagonal, the better the model separates a class from the rest.",
  "results.chart.precision_recall_curve.title": "Precision and recall",
  "results.chart.precision_recall_curve.explain":
    "Each point is a threshold: finding more real cases (recall) usually means more false alarms (lower precision).",
  "results.chart.calibration.title": "Calibration",
  "results.chart.calibration.explain":
    "When the model says 70%, it should be right about 70% of the time: points on the dotted diagonal mean trustworthy probabilities.",
  "results.chart.thresholds.title": "Scores at every threshold",
  "results.chart.thresholds.explain":
    "How precision, recall, F1 and accuracy change as the probability needed to predict the positive class rises.",
  "results.chart.predicted_vs_actual.title": "Predicted against actual",
  "results.chart.predicted_vs_actual.explain":
    "Each dot is a row; dots close to the dotted diagonal were predicted well.",
  "results.chart.residuals.title": "Errors against predictions",
  "results.chart.residuals.explain":
    "Errors should scatter evenly around zero; a curve or a funnel shape means the model is off for some values.",
  "results.chart.residual_histogram.title": "Size of the errors",
  "results.chart.residual_histogram.explain":
    "How many rows have each size of error; a narrow peak around zero is good.",
  "results.chart.permutation_importance.title": "Feature importance (permutation)",
  "results.chart.permutation_importance.explain":
    "How much worse the model scores when one column's values are shuffled; a long bar means the model relies on that column.",
  "results.chart.shap_importance.title": "Feature importance (SHAP)",
  "results.chart.shap_importance.explain":
    "How far each column moves a prediction on average, according to the LightGBM model in the ensemble.",
  "results.chart.partial_dependence.title": "Effect of {feature}",
  "results.chart.partial_dependence.explain":
    "The average prediction when every row gets the same value of {feature}, with all other columns unchanged.",
  "results.chart.learning_curve.title": "Learning curve",
  "results.chart.learning_curve.explain":
    "The cross-validated score when training on more and more rows; a curve still rising at the end suggests more data would help.",

  "results.threshold.heading": "Choose a decision threshold",
  "results.threshold.label": "Threshold: predict “{positive}” when its probability is at least",
  "results.threshold.precision": "Precision",
  "results.threshold.recall": "Recall",
  "results.threshold.f1": "F1",
  "results.threshold.accuracy": "Accuracy",
  "results.threshold.share": "Rows predicted “{positive}”",
  "results.threshold.summary":
    "At {threshold}, the model flags {share} of rows as “{positive}”; {precision} of those are right, and it finds {recall} of all real “{positive}” rows.",
  "results.threshold.tradeoff":
    "Raising the threshold flags fewer rows: more of them are right (precision goes up) but more real cases are missed (recall goes down).",
  "results.threshold.bestF1": "Use the best F1 threshold ({threshold})",
  "results.threshold.reset": "Back to 0.5",
  "results.threshold.note":
    "This only explores the trade-off on out-of-fold predictions; downloaded predictions still use the most likely class.",
} as const;

export const resultsKo: Record<keyof typeof resultsEn, string> = {
  "results.metricsIntro":
    "폴드 외(out-of-fold) 예측으로 계산한 점수입니다. 각 행은 그 행을 보지 않은 모델이 예측했으므로, 새로운 행에서의 성능을 추정합니다.",
  "results.metricsCaption": "폴드 외 예측으로 계산한 최종 모델의 지표",
  "results.metricColumn": "지표",
  "results.valueColumn": "값",
  "results.betterColumn": "좋은 방향",
  "results.meaningColumn": "의미",
  "results.higherBetter": "높을수록",
  "results.lowerBetter": "낮을수록",
  "results.chosenMetric": "{name} (최적화 대상)",
  "results.metric.roc_auc": "ROC AUC",
  "results.metric.roc_auc.meaning":
    "양성 행을 음성 행보다 얼마나 잘 위에 두는지: 1은 완벽, 0.5는 무작위 추측입니다.",
  "results.metric.log_loss": "로그 손실",
  "results.metric.log_loss.meaning":
    "예측 확률이 얼마나 자신 있고 정확한지: 0이 완벽하며 작을수록 좋습니다.",
  "results.metric.accuracy": "정확도",
  "results.metric.accuracy.meaning": "가장 가능성 높은 클래스가 정답인 행의 비율입니다.",
  "results.metric.balanced_accuracy": "균형 정확도",
  "results.metric.balanced_accuracy.meaning":
    "클래스별 정확도의 평균이라 드문 클래스도 흔한 클래스만큼 반영됩니다.",
  "results.metric.f1": "F1",
  "results.metric.f1.meaning":
    "정밀도(표시한 행 중 맞은 비율)와 재현율(실제 사례를 찾은 비율)의 균형: 1이 완벽합니다.",
  "results.metric.rmse": "RMSE",
  "results.metric.rmse.meaning":
    "타깃 단위의 전형적인 오차 크기이며 큰 오차에 더 큰 비중을 둡니다. 작을수록 좋습니다.",
  "results.metric.mae": "MAE",
  "results.metric.mae.meaning": "타깃 단위의 평균 오차 크기입니다. 작을수록 좋습니다.",
  "results.metric.r2": "R²",
  "results.metric.r2.meaning":
    "모델이 설명하는 타깃 변동의 비율: 1은 완벽, 0은 평균으로 예측하는 것과 같습니다.",

  "results.performanceHeading": "예측은 얼마나 정확한가요?",
  "results.performanceIntro": "이 차트들은 위 지표와 같은 정직한 추정치인 폴드 외 예측을 사용합니다.",
  "results.driversHeading": "무엇이 예측을 좌우하나요?",
  "results.driversIntro":
    "이 차트들은 모델을 여러 번 다시 학습하거나 실행하므로 학습 후 백그라운드에서 계산됩니다.",
  "results.jobQueued": "이 차트들을 계산할 워커를 기다리는 중…",
  "results.jobRunning": "차트를 계산하는 중… 하나씩 나타나며 보통 몇 분 안에 끝납니다.",
  "results.jobFailed": "차트를 계산하지 못했습니다: {reason}",
  "results.retry": "다시 시도",
  "results.retrying": "다시 시작하는 중…",
  "results.chartPending": "계산 중… 완료되면 이 카드가 자동으로 채워집니다.",
  "results.chartFailed": "이 차트를 만들지 못했습니다: {reason} 위의 다시 시도를 눌러 다시 계산하세요.",
  "results.chartUnavailable": "이 모델에서는 사용할 수 없습니다.",
  "results.listFailed": "차트를 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.",

  "results.chart.confusion_matrix.title": "혼동 행렬 (개수)",
  "results.chart.confusion_matrix.explain":
    "각 행은 실제 클래스, 각 열은 예측 클래스이므로 대각선이 맞게 예측한 개수입니다.",
  "results.chart.confusion_matrix_normalized.title": "혼동 행렬 (실제 클래스별 비율)",
  "results.chart.confusion_matrix_normalized.explain":
    "같은 행렬을 실제 클래스별 비율로 나타낸 것으로, 대각선은 각 클래스를 얼마나 자주 알아보는지 보여 줍니다.",
  "results.chart.roc_curve.title": "ROC 곡선",
  "results.chart.roc_curve.explain":
    "곡선이 점선 대각선 위로 많이 휠수록 모델이 한 클래스를 나머지와 잘 구분합니다.",
  "results.chart.precision_recall_curve.title": "정밀도와 재현율",
  "results.chart.precision_recall_curve.explain":
    "각 점은 하나의 임계값입니다. 실제 사례를 더 많이 찾으면(재현율) 보통 오경보도 늘어납니다(정밀도 하락).",
  "results.chart.calibration.title": "보정(캘리브레이션)",
  "results.chart.calibration.explain":
    "모델이 70%라고 하면 약 70%는 맞아야 합니다. 점이 점선 대각선 위에 있으면 확률을 믿을 수 있습니다.",
  "results.chart.thresholds.title": "임계값별 점수",
  "results.chart.thresholds.explain":
    "양성 클래스로 예측하는 데 필요한 확률이 올라갈 때 정밀도, 재현율, F1, 정확도가 어떻게 바뀌는지 보여 줍니다.",
  "results.chart.predicted_vs_actual.title": "예측값과 실제값",
  "results.chart.predicted_vs_actual.explain":
    "각 점은 한 행이며, 점선 대각선에 가까운 점일수록 잘 예측된 것입니다.",
  "results.chart.residuals.title": "예측값에 따른 오차",
  "results.chart.residuals.explain":
    "오차는 0 주위에 고르게 흩어져야 합니다. 곡선이나 깔때기 모양이면 일부 값에서 모델이 빗나갑니다.",
  "results.chart.residual_histogram.title": "오차의 크기",
  "results.chart.residual_histogram.explain":
    "오차 크기별 행 수로, 0 주위에 좁게 몰려 있을수록 좋습니다.",
  "results.chart.permutation_importance.title": "특성 중요도 (순열)",
  "results.chart.permutation_importance.explain":
    "한 열의 값을 섞었을 때 점수가 얼마나 나빠지는지 보여 줍니다. 막대가 길수록 모델이 그 열에 의존합니다.",
  "results.chart.shap_importance.title": "특성 중요도 (SHAP)",
  "results.chart.shap_importance.explain":
    "앙상블의 LightGBM 모델 기준으로 각 열이 예측을 평균적으로 얼마나 움직이는지 보여 줍니다.",
  "results.chart.partial_dependence.title": "{feature}의 영향",
  "results.chart.partial_dependence.explain":
    "다른 열은 그대로 두고 모든 행에 같은 {feature} 값을 넣었을 때의 평균 예측입니다.",
  "results.chart.learning_curve.title": "학습 곡선",
  "results.chart.learning_curve.explain":
    "더 많은 행으로 학습할 때의 교차 검증 점수로, 끝에서도 계속 오르면 데이터가 더 있으면 도움이 될 것입니다.",

  "results.threshold.heading": "결정 임계값 고르기",
  "results.threshold.label": "임계값: 확률이 이 값 이상이면 “{positive}”로 예측",
  "results.threshold.precision": "정밀도",
  "results.threshold.recall": "재현율",
  "results.threshold.f1": "F1",
  "results.threshold.accuracy": "정확도",
  "results.threshold.share": "“{positive}”로 예측한 행",
  "results.threshold.summary":
    "{threshold}에서 모델은 행의 {share}를 “{positive}”로 표시하며, 그중 {precision}가 맞고 실제 “{positive}” 행의 {recall}를 찾아냅니다.",
  "results.threshold.tradeoff":
    "임계값을 올리면 표시하는 행이 줄어 맞는 비율은 높아지지만(정밀도 상승) 놓치는 실제 사례가 늘어납니다(재현율 하락).",
  "results.threshold.bestF1": "F1이 가장 높은 임계값 사용 ({threshold})",
  "results.threshold.reset": "0.5로 되돌리기",
  "results.threshold.note":
    "폴드 외 예측에서 균형을 살펴보는 것일 뿐이며, 내려받는 예측은 여전히 가장 가능성 높은 클래스를 사용합니다.",
};
