/**
 * The time zone dates are shown in: Asia/Seoul (the default), this browser's own zone, or UTC.
 * The server stores every time in UTC; only the display changes.
 */
import { useId } from "react";
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneLabel } from "../i18n/format";
import { useI18n } from "../i18n/I18nProvider";
import { browserTimeZone } from "../i18n/language";

/** The zones offered, without repeats, the current one always among them. */
export function timeZoneOptions(current: string, browser: string | null): string[] {
  const zones = [DEFAULT_TIME_ZONE, browser, "UTC", current].filter(
    (zone): zone is string => zone !== null && isTimeZone(zone),
  );
  return [...new Set(zones)];
}

export function TimeZoneSelect() {
  const { t, language, timeZone, setTimeZone } = useI18n();
  const id = useId();
  return (
    <span className="header-select">
      <label htmlFor={id}>{t("guide.timeZone.label")}</label>
      <select
        id={id}
        data-testid="time-zone-select"
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
      >
        {timeZoneOptions(timeZone, browserTimeZone()).map((zone) => (
          <option key={zone} value={zone}>
            {timeZoneLabel(language, zone)}
          </option>
        ))}
      </select>
    </span>
  );
}
