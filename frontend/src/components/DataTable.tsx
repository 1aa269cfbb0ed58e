/**
 * A table of cells from user data. Every header and cell is rendered as a React text node,
 * so hostile values such as `<img onerror=...>` show literally and never become markup.
 */
import { useI18n } from "../i18n/I18nProvider";

export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | null)[])[];
  testId?: string;
}

export function DataTable({ caption, columns, rows, testId }: DataTableProps) {
  const { t } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {columns.map((_, index) => {
                const cell = row[index];
                return (
                  <td key={index}>
                    {cell === null || cell === undefined ? (
                      <span className="missing">{t("common.missingValue")}</span>
                    ) : (
                      cell
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
