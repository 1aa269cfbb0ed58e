/**
 * A plotly figure from the server. plotly.js (4.6 MB) is loaded once, lazily, as its own hashed
 * chunk the first time a chart is shown; figures only pass data, never markup (the server escapes
 * user text, which plotly.js then draws literally). The chart follows the app: its colours switch
 * with the light/dark theme and plotly's own texts and number formats with the UI language.
 */
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { useTheme } from "../../theme";
import { plotlyLocale, themedLayout } from "./chartTheme";
import type { Figure } from "./dataApi";

type Plotly = typeof import("plotly.js-dist-min");

let plotly: Promise<Plotly> | null = null;

/** The plotly.js module with the Korean locale registered, imported at most once per page. */
export function loadPlotly(): Promise<Plotly> {
  plotly ??= Promise.all([import("plotly.js-dist-min"), import("plotly.js-locales/ko")]).then(
    ([library, korean]) => {
      library.register(korean.default);
      return library;
    },
  );
  return plotly;
}

export function PlotlyChart({ figure, label }: { figure: Figure; label: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const theme = useTheme();
  const { language } = useI18n();

  useEffect(() => {
    const element = root.current;
    let cancelled = false;
    loadPlotly()
      .then((library) => {
        if (!cancelled && element) {
          void library.react(element, figure.data, themedLayout(figure.layout, theme), {
            displayModeBar: false,
            responsive: true,
            locale: plotlyLocale(language),
          });
        }
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [figure, theme, language]);

  // A new figure (a live chart growing) is drawn over the old one by plotly.react, in place:
  // the plot is released only when the chart leaves the page.
  useEffect(() => {
    const element = root.current;
    return () => {
      if (element) void loadPlotly().then((library) => library.purge(element), () => undefined);
    };
  }, []);

  return (
    <div
      className="chart"
      role="img"
      aria-label={label}
      data-testid="column-chart"
      data-failed={failed}
      data-theme={theme}
      data-locale={plotlyLocale(language)}
    >
      <div ref={root} />
    </div>
  );
}
