/** The upload's read options (encoding, delimiter, decimal comma, header, sheet), folded away. */
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/en";
import type { ReadOptions } from "./dataApi";

const ENCODINGS = ["utf-8", "cp949", "utf-16"];
const DELIMITERS: [string, MessageKey][] = [
  [",", "delimiter.comma"],
  [";", "delimiter.semicolon"],
  ["\t", "delimiter.tab"],
  ["|", "delimiter.pipe"],
];

export function UploadOptions({
  options,
  onChange,
}: {
  options: ReadOptions;
  onChange: (options: ReadOptions) => void;
}) {
  const { t } = useI18n();
  const set = (change: ReadOptions) => onChange({ ...options, ...change });
  const decimal = options.decimal_comma === true ? "yes" : options.decimal_comma === false ? "no" : "";

  return (
    <details className="upload-options" data-testid="upload-options">
      <summary>{t("data.options")}</summary>
      <p className="help">{t("data.optionsHelp")}</p>
      <label>
        {t("dataset.encoding")}
        <select
          value={options.encoding ?? ""}
          data-testid="option-encoding"
          onChange={(event) => set({ encoding: event.target.value || null })}
        >
          <option value="">{t("data.detect")}</option>
          {ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {encoding.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("dataset.delimiter")}
        <select
          value={options.delimiter ?? ""}
          data-testid="option-delimiter"
          onChange={(event) => set({ delimiter: event.target.value || null })}
        >
          <option value="">{t("data.detect")}</option>
          {DELIMITERS.map(([value, name]) => (
            <option key={name} value={value}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("data.decimalComma")}
        <select
          value={decimal}
          data-testid="option-decimal-comma"
          onChange={(event) =>
            set({ decimal_comma: event.target.value === "" ? null : event.target.value === "yes" })
          }
        >
          <option value="">{t("data.detect")}</option>
          <option value="yes">{t("data.yes")}</option>
          <option value="no">{t("data.no")}</option>
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.header === false}
          data-testid="option-no-header"
          onChange={(event) => set({ header: !event.target.checked })}
        />
        {t("data.firstRowIsData")}
      </label>
      <label>
        {t("data.sheet")}
        <input
          type="text"
          value={options.sheet ?? ""}
          data-testid="option-sheet"
          placeholder={t("data.sheetPlaceholder")}
          onChange={(event) => set({ sheet: event.target.value || null })}
        />
      </label>
    </details>
  );
}
