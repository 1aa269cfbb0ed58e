/** Previous / next page, where we are, and the page size. */
import { useId } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { PAGE_SIZES } from "./urlState";

export interface PaginationProps {
  page: number;
  numPages: number;
  count: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

export function Pagination({ page, numPages, count, pageSize, onPage, onPageSize }: PaginationProps) {
  const { t, number } = useI18n();
  const sizeId = useId();
  return (
    <nav className="lb-pagination" aria-label={t("lb.pageOf", { page: number(page), pages: number(numPages), count: number(count) })}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} data-testid="page-previous">
        {t("lb.previous")}
      </button>
      <span data-testid="page-status">
        {t("lb.pageOf", { page: number(page), pages: number(numPages), count: number(count) })}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= numPages} data-testid="page-next">
        {t("lb.next")}
      </button>
      <label htmlFor={sizeId}>{t("lb.pageSize")}</label>
      <select id={sizeId} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))} data-testid="page-size">
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </nav>
  );
}
