import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Stepper } from "../../src/components/Stepper";
import { I18nProvider } from "../../src/i18n/I18nProvider";

describe("Stepper", () => {
  it("marks the current step for assistive technology and the earlier ones as done", () => {
    render(
      <I18nProvider language="en">
        <Stepper current="target" />
      </I18nProvider>,
    );
    const nav = screen.getByRole("navigation", { name: "Your progress" });
    const steps = nav.querySelectorAll("li");
    expect(steps).toHaveLength(6);
    const current = nav.querySelectorAll('[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.textContent).toContain("Choose what to predict");
    expect(current[0]?.textContent).toContain("Step 3 of 6");
    expect(steps[0]?.textContent).toContain("(done)");
    expect(steps[1]?.textContent).toContain("(done)");
    expect(steps[3]?.textContent).not.toContain("(done)");
  });

  it("speaks Korean when the UI does", () => {
    render(
      <I18nProvider language="ko">
        <Stepper current="use" />
      </I18nProvider>,
    );
    const current = screen.getByRole("navigation").querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain("모델 사용하기");
  });
});
