import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Explain } from "../../src/components/Explain";
import { I18nProvider } from "../../src/i18n/I18nProvider";

function renderExplain() {
  render(
    <I18nProvider language="en">
      <Explain term="rows" text="Each row is one example." />
    </I18nProvider>,
  );
  return screen.getByRole("button", { name: "What is this: rows?" });
}

describe("Explain", () => {
  it("starts closed and opens its sentence when pressed", () => {
    const button = renderExplain();
    const panel = document.getElementById(button.getAttribute("aria-controls") ?? "");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(panel?.hidden).toBe(true);

    fireEvent.click(button);

    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panel?.hidden).toBe(false);
    expect(panel?.textContent).toBe("Each row is one example.");
  });

  it("closes again with Escape", () => {
    const button = renderExplain();
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: "Escape" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });
});
