/** The translated title and one-sentence explanation of each chart of the model page. */
import type { InsightChartState } from "../../api/insights";
import type { MessageKey } from "../../i18n/en";
import type { I18n } from "../../i18n/I18nProvider";
import { isMessageKey } from "../../i18n/translate";

/** The message family of a chart key (the partial dependence charts share one). */
export function chartFamily(key: string): string {
  return key.startsWith("partial_dependence") ? "partial_dependence" : key;
}

export function chartText(
  chart: Pick<InsightChartState, "key" | "feature">,
  t: I18n["t"],
): { title: string; explanation: string } {
  const family = chartFamily(chart.key);
  const message = (suffix: string, fallback: string) => {
    const key = `results.chart.${family}.${suffix}`;
    return isMessageKey(key) ? t(key as MessageKey, { feature: chart.feature }) : fallback;
  };
  return { title: message("title", chart.key), explanation: message("explain", "") };
}
