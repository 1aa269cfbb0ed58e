import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ChartCard, type ChartPayload } from "../../../src/components/charts/ChartCard";
import { needsWebGL, webGLAvailable } from "../../../src/components/charts/webgl";
import { I18nProvider } from "../../../src/i18n/I18nProvider";
import type { Language } from "../../../src/i18n/translate";

const table = { columns: ["Trial", "max_depth", "Score"], rows: [["1", "3", "0.81"], ["2", "8", "0.84"]] };
const parallel: ChartPayload = { figure: { data: [{ type: "parcoords", dimensions: [] }], layout: {} }, table };
const bars: ChartPayload = { figure: { data: [{ type: "bar", x: [1], y: [2] }], layout: {} }, table };

/** A browser whose canvases give no WebGL context (disabled, blocked or unsupported). */
function withoutWebGL() {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
}

function renderCard(chart: ChartPayload, language: Language = "en") {
  render(
    <I18nProvider language={language}>
      <ChartCard title="Parallel coordinates" explanation="One line per trial." chart={chart} testId="card" />
    </I18nProvider>,
  );
  return screen.getByTestId("card");
}

describe("a chart that needs WebGL", () => {
  it("shows a notice and its table when the browser has no WebGL", () => {
    withoutWebGL();
    const card = renderCard(parallel);

    expect(within(card).getByRole("note").textContent).toContain("needs WebGL");
    expect(within(card).getByRole("table").textContent).toContain("max_depth");
    expect(within(card).queryByTestId("column-chart")).toBeNull();
    expect(within(card).queryByRole("button", { name: "Show as chart" })).toBeNull();
  });

  it("says so in Korean when the UI is Korean", () => {
    withoutWebGL();
    const card = renderCard(parallel, "ko");

    expect(within(card).getByRole("note").textContent).toContain("WebGL이 꺼져 있거나 지원되지 않기");
    expect(within(card).getByRole("table")).toBeTruthy();
  });
});

describe("a chart that does not need WebGL", () => {
  it("is still drawn in a browser without WebGL, with its table toggle", () => {
    withoutWebGL();
    const card = renderCard(bars);

    expect(within(card).queryByRole("note")).toBeNull();
    expect(within(card).getByTestId("column-chart")).toBeTruthy();
    expect(within(card).getByRole("button", { name: "Show as table" })).toBeTruthy();
  });
});

describe("the WebGL check", () => {
  it("knows which plotly traces are drawn with WebGL", () => {
    expect(needsWebGL(parallel.figure)).toBe(true);
    expect(needsWebGL({ data: [{ type: "scattergl" }, { type: "scatter" }], layout: {} })).toBe(true);
    expect(needsWebGL(bars.figure)).toBe(false);
  });

  /** A canvas whose WebGL context offers these extensions; returns the probe's release spy. */
  function withWebGL(extensions: string[]) {
    const loseContext = vi.fn();
    const offered: Record<string, object> = { WEBGL_lose_context: { loseContext } };
    for (const name of extensions) offered[name] = {};
    const context = { getExtension: (name: string) => offered[name] ?? null };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(context as unknown as WebGLRenderingContext);
    return loseContext;
  }

  it("finds WebGL when a canvas gives a context with plotly's extensions, and releases it", () => {
    const loseContext = withWebGL(["ANGLE_instanced_arrays", "OES_element_index_uint"]);

    expect(webGLAvailable()).toBe(true);
    expect(loseContext).toHaveBeenCalledOnce();
  });

  it("finds no usable WebGL when an extension plotly needs is missing", () => {
    const loseContext = withWebGL(["OES_element_index_uint"]);

    expect(webGLAvailable()).toBe(false);
    expect(loseContext).toHaveBeenCalledOnce();
  });

  it("finds no WebGL when the canvas gives none or throws", () => {
    withoutWebGL();
    expect(webGLAvailable()).toBe(false);
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(() => {
      throw new Error("blocked");
    });
    expect(webGLAvailable()).toBe(false);
  });
});
