/**
 * One dataset: its summary, data check with fixes, column profiles and first rows, and the form to
 * train on it. A large file is read by a worker: the page shows the stage and polls until done.
 */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getDatasetPreview } from "../api/client";
import type { Id } from "../api/types";
import { DataTable } from "../components/DataTable";
import { ColumnProfiles } from "../components/data/ColumnProfiles";
import { getDatasetProfile } from "../components/data/dataApi";
import type { DatasetProfile } from "../components/data/dataApi";
import { FixableWarnings } from "../components/data/FixableWarnings";
import { ProcessingStages } from "../components/data/ProcessingStages";
import { ErrorAlert } from "../components/ErrorAlert";
import { Explain, ExplainedHeading } from "../components/Explain";
import { Loading } from "../components/Loading";
import { Stepper } from "../components/Stepper";
import { StartExperimentForm } from "../components/StartExperimentForm";
import { useApi } from "../hooks/useApi";
import { usePolling } from "../hooks/usePolling";
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

const POLL_MS = 2000;

function DatasetView({ datasetId }: { datasetId: Id }) {
  const { t } = useI18n();
  // Bumped after a fix or a column change: both the profile and the preview may have changed.
  const [version, setVersion] = useState(0);
  const dataset = useApi(() => getDatasetProfile(datasetId), [datasetId, version]);
  const preview = useApi(() => getDatasetPreview(datasetId), [datasetId, version]);
  const status = dataset.state.status === "ready" ? dataset.state.data.status : "";
  usePolling(
    async () => {
      if (status !== "processing") return false;
      const latest = await getDatasetProfile(datasetId).catch(() => null);
      if (latest && latest.status !== "processing") setVersion((n) => n + 1);
      return !latest || latest.status === "processing";
    },
    POLL_MS,
    `${datasetId}-${status}`,
  );
  useDocumentTitle(dataset.state.status === "ready" ? dataset.state.data.name : null);

  if (dataset.state.status === "loading") return <Loading />;
  if (dataset.state.status === "error") return <ErrorAlert error={dataset.state.error} />;
  const data = dataset.state.data;
  const refresh = () => setVersion((n) => n + 1);

  if (data.status !== "ready") {
    return (
      <>
        <h1>{data.name}</h1>
        <Stepper current="check" />
        <ProcessingStages status={data.status} />
        {data.status === "failed" ? (
          <div role="alert" className="alert alert-error" data-testid="dataset-failed">
            {t("data.failed", { reason: data.error })}
          </div>
        ) : (
          <p className="help">{t("data.processingHelp")}</p>
        )}
      </>
    );
  }

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/projects/${encodeURIComponent(data.projectId)}`}>
          {t("common.backTo", { name: t("header.home") })}
        </Link>
      </p>
      <h1>{data.name}</h1>
      <Stepper current="check" />
      <p className="lead" data-testid="dataset-next">
        {t("guide.dataset.next")}
      </p>
      <Summary dataset={data} />

      <section>
        <ExplainedHeading term={t("guide.dataset.warningsTerm")} text={t("guide.dataset.explainWarnings")}>
          {t("dataset.warningsHeading")}
        </ExplainedHeading>
        {data.warnings.length === 0 ? (
          <p className="empty" data-testid="dataset-warnings">
            {t("dataset.noWarnings")}
          </p>
        ) : (
          <FixableWarnings
            datasetId={datasetId}
            warnings={data.warnings}
            onFixed={refresh}
            testId="dataset-warnings"
          />
        )}
      </section>

      <section className="card">
        <h2>{t("dataset.startHeading")}</h2>
        <StartExperimentForm dataset={data} />
      </section>

      <section>
        <ExplainedHeading term={t("guide.dataset.profileTerm")} text={t("guide.dataset.explainProfile")}>
          {t("dataset.columnsHeading")}
        </ExplainedHeading>
        <ColumnProfiles datasetId={datasetId} columns={data.columns} onChanged={refresh} />
      </section>

      <section>
        <ExplainedHeading term={t("guide.dataset.previewTerm")} text={t("guide.dataset.explainPreview")}>
          {t("dataset.previewHeading")}
        </ExplainedHeading>
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

function Summary({ dataset }: { dataset: DatasetProfile }) {
  const { t, number, date, size } = useI18n();
  const delimiterName = DELIMITER_NAMES[dataset.delimiter];
  return (
    <dl className="summary" data-testid="dataset-summary">
      <div>
        <dt>
          {t("dataset.rows")}
          <Explain term={t("guide.dataset.rowsTerm")} text={t("guide.dataset.explainRows")} />
        </dt>
        <dd>{number(dataset.nRows)}</dd>
      </div>
      <div>
        <dt>
          {t("dataset.columns")}
          <Explain term={t("guide.dataset.columnsTerm")} text={t("guide.dataset.explainColumns")} />
        </dt>
        <dd>{number(dataset.nColumns)}</dd>
      </div>
      <div>
        <dt>
          {t("data.duplicatedRows")}
          <Explain
            term={t("guide.dataset.duplicatedTerm")}
            text={t("guide.dataset.explainDuplicated")}
          />
        </dt>
        <dd>{number(dataset.duplicatedRows)}</dd>
      </div>
      <div>
        <dt>{t("data.format")}</dt>
        <dd>{dataset.format.toUpperCase()}</dd>
      </div>
      {dataset.sheet ? (
        <div>
          <dt>{t("data.sheetRead")}</dt>
          <dd>{dataset.sheet}</dd>
        </div>
      ) : null}
      {dataset.encoding ? (
        <div>
          <dt>{t("dataset.encoding")}</dt>
          <dd>{dataset.encoding}</dd>
        </div>
      ) : null}
      {dataset.delimiter ? (
        <div>
          <dt>{t("dataset.delimiter")}</dt>
          <dd>{delimiterName ? t(delimiterName) : dataset.delimiter}</dd>
        </div>
      ) : null}
      <div>
        <dt>
          {t("data.memory")}
          <Explain term={t("guide.dataset.memoryTerm")} text={t("guide.dataset.explainMemory")} />
        </dt>
        <dd>{size(dataset.memoryBytes)}</dd>
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
