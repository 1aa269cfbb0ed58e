/** A trained model: what it is, how good it is, and predictions on new rows. */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getModel, uploadPredictionFile } from "../api/client";
import type { Id, PredictionBatch, TrainedModel } from "../api/types";
import { DataTable } from "../components/DataTable";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { UploadForm } from "../components/UploadForm";
import { WarningList } from "../components/WarningList";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function ModelPage() {
  const { id = "" } = useParams();
  return <ModelView key={id} modelId={id} />;
}

function ModelView({ modelId }: { modelId: Id }) {
  const { t } = useI18n();
  const model = useApi(() => getModel(modelId), [modelId]);
  const [batch, setBatch] = useState<PredictionBatch | null>(null);
  useDocumentTitle(
    model.state.status === "ready" ? t("model.title", { algorithm: model.state.data.algorithm }) : null,
  );

  if (model.state.status === "loading") return <Loading />;
  if (model.state.status === "error") return <ErrorAlert error={model.state.error} />;
  const data = model.state.data;

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/projects/${encodeURIComponent(data.projectId)}`}>{t("header.home")}</Link>
        {" / "}
        <Link to={`/experiments/${encodeURIComponent(data.experimentId)}`}>{t("model.experiment")}</Link>
      </p>
      <h1>{t("model.title", { algorithm: data.algorithm })}</h1>
      <ModelSummary model={data} />
      <section>
        <h2>{t("model.metricsHeading")}</h2>
        <MetricsTable metrics={data.metrics} />
      </section>
      <section className="card">
        <h2>{t("model.predictHeading")}</h2>
        <UploadForm
          label={t("model.predictFile")}
          help={t("model.predictHelp")}
          buttonText={t("model.predictUpload")}
          accept=".csv,.tsv,.txt,text/csv"
          fileTestId="predict-file"
          buttonTestId="predict-upload"
          errorTestId="predict-error"
          upload={async (file, onProgress) => {
            setBatch(null);
            setBatch(await uploadPredictionFile(modelId, file, onProgress));
          }}
        />
        {batch ? <PredictionResult batch={batch} /> : null}
      </section>
    </>
  );
}

function ModelSummary({ model }: { model: TrainedModel }) {
  const { t, label, number, date } = useI18n();
  return (
    <section className="card">
      <dl className="summary">
        <div>
          <dt>{t("model.algorithm")}</dt>
          <dd>{model.algorithm}</dd>
        </div>
        <div>
          <dt>{t("model.target")}</dt>
          <dd>{model.target}</dd>
        </div>
        <div>
          <dt>{t("model.task")}</dt>
          <dd>{label("task", model.task)}</dd>
        </div>
        <div>
          <dt>{t("model.metric")}</dt>
          <dd>{model.metric}</dd>
        </div>
        <div>
          <dt>{t("model.score")}</dt>
          <dd data-testid="model-score">{model.score === null ? t("common.none") : number(model.score)}</dd>
        </div>
        <div>
          <dt>{t("model.createdAt")}</dt>
          <dd>{date(model.createdAt)}</dd>
        </div>
        {model.classes.length > 0 ? (
          <div>
            <dt>{t("model.classes")}</dt>
            <dd>{model.classes.join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("model.features")}</dt>
          <dd>{model.featureNames.join(", ")}</dd>
        </div>
      </dl>
      <p>
        <a className="button-link" href={model.downloadUrl} download data-testid="model-download">
          {t("model.download")}
        </a>
      </p>
    </section>
  );
}

function MetricsTable({ metrics }: { metrics: Record<string, number | null> }) {
  const { t, number } = useI18n();
  const entries = Object.entries(metrics);
  if (entries.length === 0) return <p className="empty">{t("model.noMetrics")}</p>;
  return (
    <table className="data-table" data-testid="model-metrics">
      <caption>{t("model.metricsCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("model.metricName")}</th>
          <th scope="col">{t("model.metricValue")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{value === null ? t("common.none") : number(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PredictionResult({ batch }: { batch: PredictionBatch }) {
  const { t, number } = useI18n();
  return (
    <div className="stack" aria-live="polite">
      <h3>{t("model.predictionHeading")}</h3>
      <p>{t("model.predictionRows", { rows: number(batch.nRows) })}</p>
      {batch.warnings.length > 0 ? (
        <>
          <h4>{t("model.predictionWarnings")}</h4>
          <WarningList warnings={batch.warnings} testId="prediction-warnings" />
        </>
      ) : null}
      <DataTable
        caption={t("model.predictionCaption")}
        columns={batch.preview.columns}
        rows={batch.preview.rows}
        testId="prediction-preview"
      />
      <p>
        <a className="button-link" href={batch.downloadUrl} download data-testid="prediction-download">
          {t("model.predictionDownload")}
        </a>
      </p>
    </div>
  );
}
