import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { chartTemplate, plotlyLocale, themedLayout } from "../../src/components/data/chartTheme";
import { ThemeSelect } from "../../src/components/ThemeSelect";
import { I18nProvider } from "../../src/i18n/I18nProvider";
import { applyTheme, resolveTheme } from "../../src/theme";

describe("the colour theme", () => {
  it("follows the system unless the user chose light or dark", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("puts the choice on <html> and removes it for the system setting", () => {
    const root = document.createElement("html");
    applyTheme("dark", root);
    expect(root.getAttribute("data-theme")).toBe("dark");
    applyTheme("system", root);
    expect(root.hasAttribute("data-theme")).toBe(false);
  });

  it("is switched from the header and remembered", () => {
    render(
      <I18nProvider language="en">
        <ThemeSelect />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText("Colours"), { target: { value: "dark" } });
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(localStorage.getItem("daria.theme")).toBe("dark");
    fireEvent.change(screen.getByLabelText("Colours"), { target: { value: "system" } });
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
  });
});

describe("charts follow the theme and the language", () => {
  it("replaces the figure's template and keeps its own settings", () => {
    const layout = themedLayout({ height: 260, template: { layout: { plot_bgcolor: "#E5ECF6" } } },
      "dark");
    expect(layout.height).toBe(260);
    expect(layout.template).toEqual(chartTemplate("dark"));
    const dark = chartTemplate("dark").layout as { paper_bgcolor: string; font: { color: string } };
    const light = chartTemplate("light").layout as { paper_bgcolor: string; font: { color: string } };
    expect(dark.paper_bgcolor).not.toBe(light.paper_bgcolor);
    expect(dark.font.color).not.toBe(light.font.color);
  });

  it("uses plotly's Korean locale for a Korean UI", () => {
    expect(plotlyLocale("ko")).toBe("ko");
    expect(plotlyLocale("en")).toBe("en");
  });
});
