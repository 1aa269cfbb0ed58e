import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { Trial, TrialProposal } from "../../../src/api/types";
import { toTrial } from "../../../src/api/convert";
import { WhyThisTrial } from "../../../src/components/why/WhyThisTrial";
import { whySentences } from "../../../src/components/why/whySentences";
import { I18nProvider } from "../../../src/i18n/I18nProvider";
import { translate, type Language } from "../../../src/i18n/translate";
import { wireTrial } from "../../support/wireFactories";

function proposal(overrides: Partial<TrialProposal>): TrialProposal {
  return {
    source: "model",
    searcher: "gp-ei",
    fidelity: null,
    promotedFrom: null,
    originalTrial: null,
    predictedScore: null,
    predictedStd: null,
    expectedImprovement: null,
    acquisition: null,
    acquisitionKind: null,
    incumbent: null,
    ...overrides,
  };
}

const modelProposal = proposal({
  predictedScore: 0.91234,
  predictedStd: 0.0151,
  expectedImprovement: 0.0042,
  acquisition: -3.216,
  acquisitionKind: "ei",
  incumbent: { number: 7, algorithm: "lightgbm", score: 0.905 },
});

function sentences(value: TrialProposal | null, language: Language = "en"): string[] {
  const number = (n: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(language, options).format(n);
  return whySentences(value, {
    t: (key, params) => translate(language, key, params),
    number,
    metricLabel: "ROC AUC",
  });
}

describe("why a trial was tried", () => {
  it("gives the model's prediction in the metric's units, the best so far and the acquisition", () => {
    expect(sentences(modelProposal)).toEqual([
      "Proposed by the model (gp-ei): it predicted ROC AUC 0.912 ± 0.015.",
      "The best so far was 0.905 (trial 7, lightgbm).",
      "Expected improvement over the best: 0.0042 (from the prediction and its uncertainty).",
      "It had the highest expected improvement the search could find (log expected improvement on the model's scale: -3.22).",
    ]);
  });

  it("says it in Korean with 시도 for trial", () => {
    const [model, incumbent] = sentences(modelProposal, "ko");
    expect(model).toBe("모델(gp-ei)이 제안했습니다. 예측한 ROC AUC: 0.912 ± 0.015.");
    expect(incumbent).toContain("시도 7");
  });

  it("explains TPE, which has no regression model, by its ratio", () => {
    const tpe = proposal({ searcher: "tpe", acquisition: 1.5, acquisitionKind: "tpe",
      incumbent: { number: 3, algorithm: "linear", score: 0.8 } });
    expect(sentences(tpe)).toEqual([
      "Proposed by the model (tpe).",
      "The best so far was 0.8 (trial 3, linear).",
      "Among the candidates drawn, it looked most like the good configurations and least like the bad ones (log ratio 1.5).",
    ]);
  });

  it.each([
    ["portfolio", "gp-ei", "From the portfolio: a strong default configuration tried before the search proposes its own."],
    ["manual", "tpe", "Written by hand: someone added this configuration to the experiment."],
    ["initial_design", "gp-ei", "Part of the initial design: configurations spread over the search space that the model learns from before it proposes its own."],
    ["random", "rf-ei", "Drawn at random: this search mixes in random configurations so that it never relies on the model alone."],
    ["random", "random", "Random search drew this configuration uniformly from the search space."],
    ["grid", "grid", "The next point of the grid search."],
  ])("gives one sentence for a %s configuration of %s", (source, searcher, expected) => {
    expect(sentences(proposal({ source, searcher }))).toEqual([expected]);
  });

  it("tells which trial a promotion comes from and on how many rows it runs", () => {
    expect(sentences(proposal({ source: "promotion", searcher: "hyperband", promotedFrom: 4, fidelity: 0.3333 }))).toEqual([
      "Promoted from trial 4: it was among the best on fewer rows, so it now runs on 33% of the training rows.",
    ]);
    expect(sentences(proposal({ source: "replay", originalTrial: 12 }))).toEqual([
      "Repeats trial 12 of the original experiment.",
    ]);
  });

  it("says when the reason was not kept", () => {
    expect(sentences(null)).toEqual(["This trial was queued before Daria kept the reason for each trial."]);
  });
});

function withProposal(number: number, value: TrialProposal | null): Trial {
  return { ...toTrial(wireTrial(number)), proposal: value };
}

/** A "Why?" button that opens the panel, as a leaderboard row does. */
function Opener({ trial }: { trial: Trial | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <I18nProvider language="en">
      <button type="button" onClick={() => setOpen(true)}>
        Why?
      </button>
      {open ? <WhyThisTrial trialNumber={9} trial={trial} metric="roc_auc" onClose={() => setOpen(false)} /> : null}
    </I18nProvider>
  );
}

describe("the Why this trial panel", () => {
  it("moves focus to its heading, and back to the button when Escape closes it", () => {
    render(<Opener trial={withProposal(9, modelProposal)} />);
    const button = screen.getByRole("button", { name: "Why?" });
    button.focus();
    fireEvent.click(button);

    const heading = screen.getByRole("heading", { name: "Why trial 9" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole("region", { name: "Why trial 9" }).textContent).toContain(
      "it predicted ROC AUC 0.912 ± 0.015",
    );

    fireEvent.keyDown(heading, { key: "Escape" });
    expect(screen.queryByTestId("why-panel")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("closes with its Close button", () => {
    render(<Opener trial={withProposal(9, proposal({ source: "manual" }))} />);
    fireEvent.click(screen.getByRole("button", { name: "Why?" }));
    expect(screen.getByTestId("why-sentence").textContent).toContain("Written by hand");

    fireEvent.click(screen.getByTestId("why-close"));
    expect(screen.queryByTestId("why-panel")).toBeNull();
  });

  it("waits for a trial that has not reached the page yet", () => {
    render(<Opener trial={undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Why?" }));
    expect(screen.getByTestId("why-sentence").textContent).toBe(
      "Trial 9 has not finished yet; its reason appears here when it does.",
    );
  });
});
