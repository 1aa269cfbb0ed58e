/**
 * Chart colours that follow the app's light or dark theme. Server figures carry plotly's default
 * (light) template; it is replaced by one matching styles.css, while the colours a figure sets
 * itself (e.g. a bar colour) stay as they are.
 */
import type { Theme } from "../../theme";

/** Okabe-Ito: told apart with the common colour-vision deficiencies. */
export const COLOURBLIND_SAFE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

const PALETTES: Record<Theme, { text: string; surface: string; grid: string; line: string }> = {
  light: { text: "#1c1d21", surface: "#ffffff", grid: "#e3e5ea", line: "#5b5f6b" },
  dark: { text: "#eceef2", surface: "#1e2128", grid: "#3a3f4b", line: "#a9aebb" },
};

/** A plotly template (layout part only) for the theme. */
export function chartTemplate(theme: Theme): Record<string, unknown> {
  const palette = PALETTES[theme];
  const axis = {
    gridcolor: palette.grid,
    linecolor: palette.line,
    zerolinecolor: palette.line,
    tickcolor: palette.line,
    automargin: true,
  };
  const colourway =
    theme === "dark" ? COLOURBLIND_SAFE.map((c) => (c === "#000000" ? "#ffffff" : c)) : COLOURBLIND_SAFE;
  return {
    layout: {
      paper_bgcolor: palette.surface,
      plot_bgcolor: palette.surface,
      font: { color: palette.text },
      colorway: colourway,
      xaxis: axis,
      yaxis: axis,
      legend: { font: { color: palette.text } },
      hoverlabel: { bgcolor: palette.surface, font: { color: palette.text } },
    },
  };
}

/** The figure's layout with the theme's template in place of the one it came with. */
export function themedLayout(
  layout: Record<string, unknown>,
  theme: Theme,
): Record<string, unknown> {
  return { ...layout, template: chartTemplate(theme) };
}

/** The plotly.js locale for the UI language (plotly's built-in English, or the Korean one). */
export function plotlyLocale(language: string): "en" | "ko" {
  return language === "ko" ? "ko" : "en";
}
