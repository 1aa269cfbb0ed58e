/**
 * A plotly figure from the server. plotly.js (4.6 MB) is loaded once, lazily, as its own hashed
 * chunk the first time a chart is shown; figures only pass data, never markup (the server escapes
 * user text, which plotly.js then draws literally).
 */
import { useEffect, useRef, useState } from "react";
import type { Figure } from "./dataApi";

type Plotly = typeof import("plotly.js-dist-min");

let plotly: Promise<Plotly> | null = null;

/** The plotly.js module, imported at most once per page. */
export function loadPlotly(): Promise<Plotly> {
  plotly ??= import("plotly.js-dist-min");
  return plotly;
}

export function PlotlyChart({ figure, label }: { figure: Figure; label: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = root.current;
    let cancelled = false;
    loadPlotly()
      .then((library) => {
        if (!cancelled && element) {
          void library.react(element, figure.data, figure.layout, {
            displayModeBar: false,
            responsive: true,
          });
        }
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      if (element) void loadPlotly().then((library) => library.purge(element), () => undefined);
    };
  }, [figure]);

  return (
    <div className="chart" role="img" aria-label={label} data-testid="column-chart" data-failed={failed}>
      <div ref={root} />
    </div>
  );
}
