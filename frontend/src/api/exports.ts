/**
 * Exports of a model and an experiment: the model file with its SHA-256, ONNX (or why not),
 * batch predictions with progress, XLSX, contributions and the novelty flag, and the links of the
 * report, the reproducibility record and the trial scripts. Shapes are the generated schema
 * types (`make api-types`).
 */
import { request, upload, type ProgressHandler } from "./client";
import type { components } from "./schema";
import type { Id } from "./types";

type Schemas = components["schemas"];

export type ModelExports = Schemas["ModelExports"];
export type BatchPrediction = Schemas["PredictionBatch"];

const API_ROOT = "/api/v1";

function encode(id: Id | number): string {
  return encodeURIComponent(String(id));
}

/** The model's export formats and the URL of its prediction endpoint. */
export async function getModelExports(modelId: Id): Promise<ModelExports> {
  return (await request("GET", `/models/${encode(modelId)}/exports/`)) as ModelExports;
}

/** Upload a table to predict; large files come back `processing` (see `getBatchPrediction`). */
export async function predictFile(
  modelId: Id,
  file: File,
  contributions: boolean,
  onProgress?: ProgressHandler,
): Promise<BatchPrediction> {
  const fields = { contributions: contributions ? "true" : "false" };
  return (await upload(`/models/${encode(modelId)}/predict/`, file, onProgress, fields)) as BatchPrediction;
}

/** A batch as it is now (status, progress, then preview and warnings). */
export async function getBatchPrediction(batchId: Id | number): Promise<BatchPrediction> {
  return (await request("GET", `/predictions/${encode(batchId)}/`)) as BatchPrediction;
}

/** Where the HTML report of an experiment downloads, in `language`. */
export function reportUrl(experimentId: Id, language: string): string {
  return `${API_ROOT}/experiments/${encode(experimentId)}/report/?lang=${encodeURIComponent(language)}`;
}

/** Where the reproducibility record (JSON) of an experiment is. */
export function reproducibilityUrl(experimentId: Id): string {
  return `${API_ROOT}/experiments/${encode(experimentId)}/reproducibility/`;
}

/** Where the script that reproduces one trial downloads. */
export function scriptUrl(experimentId: Id, trialNumber: number): string {
  return `${API_ROOT}/experiments/${encode(experimentId)}/trials/${encode(trialNumber)}/script/`;
}

/** A curl command that predicts one row with an API token. */
export function curlSnippet(origin: string, predictUrl: string, row: Record<string, null>): string {
  const body = JSON.stringify({ rows: [row] });
  return [
    `curl -X POST '${origin}${predictUrl}' \\`,
    `  -H 'Authorization: Token YOUR_TOKEN' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body.replaceAll("'", "'\\''")}'`,
  ].join("\n");
}

/** A Python snippet (the Daria client) that predicts a CSV file with an API token. */
export function pythonSnippet(origin: string, modelId: Id): string {
  return [
    "# Save the client first: curl -H 'Authorization: Token YOUR_TOKEN' " +
      `${origin}${API_ROOT}/client.py -o daria_client.py`,
    "import pandas as pd",
    "from daria_client import Client",
    "",
    `client = Client(${JSON.stringify(origin)}, token="YOUR_TOKEN")`,
    `model = client.models.get(${JSON.stringify(Number(modelId))})`,
    'print(model.predict(pd.read_csv("new_rows.csv")))',
  ].join("\n");
}
