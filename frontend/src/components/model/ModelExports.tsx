/**
 * Everything to take a model out of Daria: the skops file with its SHA-256 and trusted types,
 * ONNX (or the reason it is not offered), copy-paste curl and Python snippets for the predict
 * endpoint, and file predictions with progress, explanations, the novelty flag and CSV/Excel.
 */
import { useState } from "react";
import {
  curlSnippet,
  getBatchPrediction,
  getModelExports,
  predictFile,
  pythonSnippet,
  type BatchPrediction,
} from "../../api/exports";
import { toWarning } from "../../api/convert";
import type { TrainedModel } from "../../api/types";
import { useApi } from "../../hooks/useApi";
import { usePolling } from "../../hooks/usePolling";
import { useI18n } from "../../i18n/I18nProvider";
import { DataTable } from "../DataTable";
import { ErrorAlert } from "../ErrorAlert";
import { ProgressBar } from "../ProgressBar";
import { UploadForm } from "../UploadForm";
import { WarningList } from "../WarningList";
import "./ModelExports.css";

const POLL_MS = 1000;

export function ModelExports({ model }: { model: TrainedModel }) {
  return (
    <>
      <BatchPredictions model={model} />
      <ExportFormats model={model} />
    </>
  );
}

function ExportFormats({ model }: { model: TrainedModel }) {
  const { t, number } = useI18n();
  const exports = useApi(() => getModelExports(model.id), [model.id]);
  if (exports.state.status === "loading") return <p className="muted">{t("exports.loading")}</p>;
  if (exports.state.status === "error") return <ErrorAlert error={exports.state.error} />;
  const { skops, onnx, predict_url: predictUrl, feature_names: features } = exports.state.data;
  const origin = window.location.origin;
  const row = Object.fromEntries(features.map((name) => [name, null]));
  return (
    <section className="card model-exports" data-testid="model-exports">
      <h2>{t("exports.heading")}</h2>
      <h3>{t("exports.skops")}</h3>
      <p>
        <a className="button-link" href={skops.download_url} download data-testid="export-skops">
          {t("exports.skopsDownload")}
        </a>
      </p>
      <p>
        {t("exports.sha256")}: <code className="sha256" data-testid="model-sha256">{skops.sha256}</code>
      </p>
      <p className="muted">{t("exports.sha256Help")}</p>
      <details>
        <summary>{t("exports.trustedTypes", { count: number(skops.trusted_types.length) })}</summary>
        <p className="muted">{t("exports.trustedTypesHelp")}</p>
        <ul className="trusted-types">
          {skops.trusted_types.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      </details>
      <h3>{t("exports.onnx")}</h3>
      {onnx.available ? (
        <>
          <p>
            <a className="button-link" href={onnx.download_url} download data-testid="export-onnx">
              {t("exports.onnxDownload")}
            </a>
          </p>
          <p className="muted">{t("exports.onnxHelp")}</p>
          <details>
            <summary>{t("exports.onnxInputs", { count: number(onnx.inputs.length) })}</summary>
            <ul className="onnx-inputs" data-testid="onnx-inputs">
              {onnx.inputs.map((input) => (
                <li key={input.name}>
                  <code>{input.name}</code>:{" "}
                  {input.kind === "number" ? t("exports.onnxNumber") : t("exports.onnxText")}
                </li>
              ))}
            </ul>
            <p className="muted">{t("exports.onnxOutputs", { outputs: onnx.outputs.join(", ") })}</p>
          </details>
          <Snippet title={t("exports.onnxSnippet")} code={onnx.snippet} testId="snippet-onnx" />
        </>
      ) : (
        <p data-testid="onnx-reason">{onnx.reason}</p>
      )}
      <h3>{t("exports.codeHeading")}</h3>
      <p className="muted">{t("exports.codeIntro")}</p>
      <Snippet title={t("exports.curl")} code={curlSnippet(origin, predictUrl, row)} testId="snippet-curl" />
      <Snippet title={t("exports.python")} code={pythonSnippet(origin, model.id)} testId="snippet-python" />
    </section>
  );
}

function Snippet({ title, code, testId }: { title: string; code: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(code);
    setCopied(true);
  };
  return (
    <div className="snippet">
      <div className="snippet-head">
        <h4>{title}</h4>
        <button type="button" onClick={() => void copy()}>
          {copied ? t("exports.copied") : t("exports.copy")}
        </button>
      </div>
      <pre data-testid={testId} tabIndex={0} aria-label={title}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

function BatchPredictions({ model }: { model: TrainedModel }) {
  const { t } = useI18n();
  const [contributions, setContributions] = useState(false);
  const [batch, setBatch] = useState<BatchPrediction | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);

  usePolling(
    async () => {
      if (!batch || batch.status !== "processing") return false;
      try {
        setBatch(await getBatchPrediction(batch.id));
        return true;
      } catch (error) {
        setPollError(error);
        return false;
      }
    },
    POLL_MS,
    batch && batch.status === "processing" ? `batch-${batch.id}` : "idle",
  );

  return (
    <section className="card batch-predictions">
      <h2>{t("exports.batchHeading")}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={contributions}
          onChange={(event) => setContributions(event.target.checked)}
          data-testid="batch-contributions"
        />{" "}
        {t("exports.contributions")}
      </label>
      <UploadForm
        label={t("exports.batchFile")}
        help={t("exports.batchHelp")}
        buttonText={t("exports.batchUpload")}
        accept=".csv,.tsv,.txt,.xlsx,.parquet,.gz,.zip,text/csv"
        fileTestId="predict-file"
        buttonTestId="predict-upload"
        errorTestId="predict-error"
        upload={async (file, onProgress) => {
          setBatch(null);
          setPollError(null);
          setBatch(await predictFile(model.id, file, contributions, onProgress));
        }}
      />
      {pollError ? <ErrorAlert error={pollError} /> : null}
      {batch ? <BatchResult batch={batch} /> : null}
    </section>
  );
}

function BatchResult({ batch }: { batch: BatchPrediction }) {
  const { t, number } = useI18n();
  if (batch.status === "processing") {
    const percent = Math.round(batch.progress * 100);
    return (
      <div aria-live="polite" data-testid="batch-processing">
        <ProgressBar
          value={batch.progress}
          label={t("exports.progress")}
          text={t("exports.progressText", { percent: number(percent) })}
        />
      </div>
    );
  }
  if (batch.status === "failed") {
    return (
      <p className="error" role="alert" data-testid="batch-failed">
        {t("exports.failed", { reason: batch.error })}
      </p>
    );
  }
  const unusual = batch.n_unlike_training;
  return (
    <div className="stack" aria-live="polite" data-testid="batch-result">
      <h3>{t("exports.resultHeading", { name: batch.name })}</h3>
      <p>{t("exports.resultRows", { rows: number(batch.n_rows) })}</p>
      <p data-testid="batch-unusual">
        {unusual > 0
          ? t("exports.unusual", { count: number(unusual), rows: number(batch.n_rows) })
          : t("exports.noUnusual")}{" "}
        <span className="muted">{t("exports.unusualHelp")}</span>
      </p>
      {batch.warnings.length > 0 ? (
        <WarningList warnings={batch.warnings.map(toWarning)} testId="prediction-warnings" />
      ) : null}
      <DataTable
        caption={t("exports.resultCaption")}
        columns={batch.columns}
        rows={batch.preview}
        testId="prediction-preview"
      />
      <p className="export-links">
        <a className="button-link" href={batch.download_url} download data-testid="prediction-download">
          {t("exports.downloadCsv")}
        </a>{" "}
        <a className="button-link" href={batch.xlsx_url} download data-testid="batch-download-xlsx">
          {t("exports.downloadXlsx")}
        </a>
      </p>
    </div>
  );
}
