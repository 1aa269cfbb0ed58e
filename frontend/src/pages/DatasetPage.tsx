/** One dataset: its summary, data check, columns and first rows, and the form to train on it. */
import { Link, useParams } from "react-router";
import { getDataset, getDatasetPreview } from "../api/client";
import type { Dataset, Id } from "../api/types";
import { DataTable } from "../components/DataTable";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { StartExperimentForm } from "../components/StartExperimentForm";
import { WarningList } from "../components/WarningList";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/en";

const DELIMITER_NAMES: Record<string, MessageKey> = {
  ",": "delimiter.comma",
  ";": "delimiter.semicolon",
  "\t": "delimiter.tab",
  "|": "delimiter.pipe",
};

export function DatasetPage() {
  const { id = "" } = useParams();
  return <DatasetView key={id} datasetId={id} />;
}

function DatasetView({ datasetId }: { datasetId: Id }) {
  const { t } = useI18n();
  const dataset = useApi(() => getDataset(datasetId), [datasetId]);
  const preview = useApi(() => getDatasetPreview(datasetId), [datasetId]);
  useDocumentTitle(dataset.state.status === "ready" ? dataset.state.data.name : null);

  if (dataset.state.status === "loading") return <Loading />;
  if (dataset.state.status === "error") return <ErrorAlert error={dataset.state.error} />;
  const data = dataset.state.data;

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/projects/${encodeURIComponent(data.projectId)}`}>
          {t("common.backTo", { name: t("header.home") })}
        </Link>
      </p>
      <h1>{data.name}</h1>
      <Summary dataset={data} />

      <section>
        <h2>{t("dataset.warningsHeading")}</h2>
        {data.warnings.length === 0 ? (
          <p className="empty" data-testid="dataset-warnings">
            {t("dataset.noWarnings")}
          </p>
        ) : (
          <WarningList warnings={data.warnings} testId="dataset-warnings" />
        )}
      </section>

      <section className="card">
        <h2>{t("dataset.startHeading")}</h2>
        <StartExperimentForm dataset={data} />
      </section>

      <section>
        <h2>{t("dataset.columnsHeading")}</h2>
        <ColumnsTable dataset={data} />
      </section>

      <section>
        <h2>{t("dataset.previewHeading")}</h2>
        {preview.state.status === "loading" ? <Loading /> : null}
        {preview.state.status === "error" ? <ErrorAlert error={preview.state.error} /> : null}
        {preview.state.status === "ready" && preview.state.data.rows.length === 0 ? (
          <p className="empty">{t("dataset.previewEmpty")}</p>
        ) : null}
        {preview.state.status === "ready" && preview.state.data.rows.length > 0 ? (
          <DataTable
            caption={t("dataset.previewCaption")}
            columns={preview.state.data.columns}
            rows={preview.state.data.rows}
            testId="dataset-preview"
          />
        ) : null}
      </section>
    </>
  );
}

function Summary({ dataset }: { dataset: Dataset }) {
  const { t, number, date, size } = useI18n();
  const delimiterName = DELIMITER_NAMES[dataset.delimiter];
  return (
    <dl className="summary" data-testid="dataset-summary">
      <div>
        <dt>{t("dataset.rows")}</dt>
        <dd>{number(dataset.nRows)}</dd>
      </div>
      <div>
        <dt>{t("dataset.columns")}</dt>
        <dd>{number(dataset.nColumns)}</dd>
      </div>
      <div>
        <dt>{t("dataset.encoding")}</dt>
        <dd>{dataset.encoding}</dd>
      </div>
      <div>
        <dt>{t("dataset.delimiter")}</dt>
        <dd>{delimiterName ? t(delimiterName) : dataset.delimiter}</dd>
      </div>
      <div>
        <dt>{t("dataset.size")}</dt>
        <dd>{size(dataset.sizeBytes)}</dd>
      </div>
      <div>
        <dt>{t("dataset.uploadedAt")}</dt>
        <dd>{date(dataset.createdAt)}</dd>
      </div>
    </dl>
  );
}

function ColumnsTable({ dataset }: { dataset: Dataset }) {
  const { t, label, number } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("dataset.columnsHeading")}>
      <table className="data-table" data-testid="dataset-columns">
        <caption>{t("dataset.columnsHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dataset.columnName")}</th>
            <th scope="col">{t("dataset.columnKind")}</th>
            <th scope="col">{t("dataset.columnMissing")}</th>
            <th scope="col">{t("dataset.columnUnique")}</th>
          </tr>
        </thead>
        <tbody>
          {dataset.columns.map((column, index) => (
            <tr key={index}>
              <th scope="row">{column.name}</th>
              <td data-kind={column.kind}>{label("kind", column.kind)}</td>
              <td className="num">{number(column.missing)}</td>
              <td className="num">{number(column.unique)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
