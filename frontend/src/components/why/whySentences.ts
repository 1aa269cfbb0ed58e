/**
 * The plain-language reason a trial was tried, from the proposal the search stored with it:
 * the model's prediction, the best trial at the time and the acquisition value for a model
 * proposal, one sentence for every other source (initial design, random, portfolio, manual, ...).
 */
import type { TrialProposal } from "../../api/types";
import type { MessageKey } from "../../i18n/en";
import type { MessageParams } from "../../i18n/translate";

export interface WhyFormatting {
  t: (key: MessageKey, params?: MessageParams) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** The experiment's metric as the reader knows it ("ROC AUC"). */
  metricLabel: string;
}

/** Sources with a one-sentence reason and no numbers. */
const SIMPLE_SOURCES: Record<string, MessageKey> = {
  initial_design: "why.initial_design",
  portfolio: "why.portfolio",
  manual: "why.manual",
  grid: "why.grid",
  evolution: "why.evolution",
};

const ACQUISITIONS: Record<string, MessageKey> = {
  ei: "why.acquisition.ei",
  pi: "why.acquisition.pi",
  ucb: "why.acquisition.ucb",
  tpe: "why.acquisition.tpe",
};

export function whySentences(proposal: TrialProposal | null, format: WhyFormatting): string[] {
  const { t, number } = format;
  if (proposal === null) return [t("why.notKept")];
  const percent = number(proposal.fidelity ?? 1, { style: "percent", maximumFractionDigits: 0 });
  const simple = SIMPLE_SOURCES[proposal.source];
  if (simple !== undefined) return [t(simple)];
  switch (proposal.source) {
    case "model":
      return modelSentences(proposal, format);
    case "random":
      return [t(proposal.searcher === "random" ? "why.random" : "why.randomInterleaved")];
    case "replay":
      return [t("why.replay", { number: number(proposal.originalTrial ?? 0) })];
    case "hyperband":
      return [t("why.hyperband", { percent })];
    case "bohb":
      return [t("why.bohb", { percent })];
    case "promotion":
      return [t("why.promotion", { number: number(proposal.promotedFrom ?? 0), percent })];
    default:
      return [t("why.other", { source: proposal.source })];
  }
}

function modelSentences(proposal: TrialProposal, { t, number, metricLabel }: WhyFormatting): string[] {
  const score = (value: number) => number(value, { maximumFractionDigits: 3 });
  const small = (value: number) => number(value, { maximumSignificantDigits: 2 });
  const searcher = proposal.searcher ?? "";
  const sentences = [
    proposal.predictedScore !== null && proposal.predictedStd !== null
      ? t("why.model", {
          searcher,
          metric: metricLabel,
          mean: score(proposal.predictedScore),
          std: small(proposal.predictedStd),
        })
      : t("why.modelNoPrediction", { searcher }),
  ];
  const incumbent = proposal.incumbent;
  sentences.push(
    incumbent !== null && incumbent.score !== null
      ? t("why.incumbent", {
          score: score(incumbent.score),
          number: number(incumbent.number),
          algorithm: incumbent.algorithm,
        })
      : t("why.noIncumbent"),
  );
  if (proposal.expectedImprovement !== null) {
    sentences.push(t("why.expectedImprovement", { value: small(proposal.expectedImprovement) }));
  }
  const acquisition = proposal.acquisitionKind === null ? undefined : ACQUISITIONS[proposal.acquisitionKind];
  if (acquisition !== undefined && proposal.acquisition !== null) {
    sentences.push(t(acquisition, { value: number(proposal.acquisition, { maximumFractionDigits: 2 }) }));
  }
  return sentences;
}
