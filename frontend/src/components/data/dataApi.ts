/**
 * The dataset profile API (issue 5): read options, column statistics and choices, charts, fixes.
 *
 * Wire shapes are declared here until the generated schema includes them; they are converted to
 * camelCase domain objects like the rest of the client.
 */
import { request, upload } from "../../api/client";
import type { ProgressHandler } from "../../api/client";
import { toDataset, toWireId } from "../../api/convert";
import type { Column, Dataset, DataWarning, Id } from "../../api/types";
import type { WireDataset } from "../../api/wire";

export const COLUMN_KINDS = [
  "numeric",
  "categorical",
  "boolean",
  "datetime",
  "text",
  "id",
  "constant",
] as const;

/** Overrides of what the reader detects; null or absent means "detect it". */
export interface ReadOptions {
  encoding?: string | null;
  delimiter?: string | null;
  decimal_comma?: boolean | null;
  header?: boolean;
  sheet?: string | null;
  missing_values?: string[];
  drop_duplicates?: boolean;
}

export type Fix =
  | { kind: "exclude"; label: string; columns: string[] }
  | { kind: "reparse"; label: string; options: ReadOptions };

export interface FixableWarning extends DataWarning {
  fix: Fix | null;
}

export interface NumericStats {
  type: "numeric";
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  quantiles: Record<string, number | null>;
}

export interface DateStats {
  type: "datetime";
  min: string;
  max: string;
}

export interface ValueStats {
  type: "values";
  top: [string, number][];
  other: number;
}

export type ColumnStats = NumericStats | DateStats | ValueStats | Record<string, never>;

export interface ColumnProfile extends Column {
  inferredKind: string;
  excluded: boolean;
  stats: ColumnStats;
}

export interface DatasetProfile extends Omit<Dataset, "columns" | "warnings"> {
  format: string;
  sheet: string;
  readOptions: ReadOptions;
  duplicatedRows: number;
  memoryBytes: number;
  error: string;
  errorCode: string;
  columns: ColumnProfile[];
  warnings: FixableWarning[];
}

interface WireColumnProfile {
  name: string;
  kind: string;
  missing: number;
  unique: number;
  inferred_kind?: string;
  excluded?: boolean;
  stats?: ColumnStats;
}

type WireProfile = WireDataset & {
  format?: string;
  sheet?: string;
  read_options?: ReadOptions;
  duplicated_rows?: number;
  memory_bytes?: number;
  error?: string;
  error_code?: string;
};

/** Fields older servers (and test fixtures) may lack get neutral defaults. */
export function toColumnProfile(w: WireColumnProfile): ColumnProfile {
  return {
    name: w.name,
    kind: w.kind,
    missing: w.missing,
    unique: w.unique,
    inferredKind: w.inferred_kind ?? w.kind,
    excluded: w.excluded ?? false,
    stats: w.stats ?? {},
  };
}

export function toDatasetProfile(w: WireProfile): DatasetProfile {
  const base = toDataset(w);
  const warnings = w.warnings as (DataWarning & { fix?: Fix | null })[];
  return {
    ...base,
    format: w.format ?? "csv",
    sheet: w.sheet ?? "",
    readOptions: w.read_options ?? {},
    duplicatedRows: w.duplicated_rows ?? 0,
    memoryBytes: w.memory_bytes ?? 0,
    error: w.error ?? "",
    errorCode: w.error_code ?? "",
    columns: (w.columns as WireColumnProfile[]).map(toColumnProfile),
    warnings: warnings.map((warning) => ({
      code: warning.code,
      message: warning.message,
      columns: warning.columns,
      fix: warning.fix ?? null,
    })),
  };
}

function datasetPath(id: Id, rest = ""): string {
  return `/datasets/${encodeURIComponent(id)}/${rest}`;
}

function columnPath(id: Id, name: string, rest = ""): string {
  return datasetPath(id, `columns/${encodeURIComponent(name)}/${rest}`);
}

/** The upload form's options as multipart fields (only those the user set). */
export function optionFields(options: ReadOptions): Record<string, string> {
  const fields: Record<string, string> = {};
  if (options.encoding) fields.encoding = options.encoding;
  if (options.delimiter) fields.delimiter = options.delimiter;
  if (options.decimal_comma !== undefined && options.decimal_comma !== null) {
    fields.decimal_comma = String(options.decimal_comma);
  }
  if (options.header === false) fields.header = "false";
  if (options.sheet) fields.sheet = options.sheet;
  return fields;
}

export async function uploadDatasetWithOptions(
  projectId: Id,
  file: File,
  options: ReadOptions,
  onProgress?: ProgressHandler,
): Promise<DatasetProfile> {
  const path = `/projects/${encodeURIComponent(projectId)}/datasets/`;
  return toDatasetProfile((await upload(path, file, onProgress, optionFields(options))) as WireProfile);
}

/**
 * Add the bundled example dataset (German credit) to a project of the caller's, or, without
 * `projectId`, to a new project the server creates; resolves with the profiled dataset.
 */
export async function addExampleDataset(projectId?: Id): Promise<DatasetProfile> {
  const body = projectId === undefined ? {} : { project: toWireId(projectId) };
  return toDatasetProfile((await request("POST", "/example-dataset/", body)) as WireProfile);
}

export async function getDatasetProfile(id: Id): Promise<DatasetProfile> {
  return toDatasetProfile((await request("GET", datasetPath(id))) as WireProfile);
}

export async function reparseDataset(id: Id, options: ReadOptions): Promise<DatasetProfile> {
  return toDatasetProfile((await request("POST", datasetPath(id, "reparse/"), options)) as WireProfile);
}

export async function updateColumn(
  id: Id,
  name: string,
  change: { kind?: string; excluded?: boolean },
): Promise<ColumnProfile> {
  return toColumnProfile((await request("PATCH", columnPath(id, name), change)) as WireColumnProfile);
}

/** A plotly figure (`{data, layout}`) for one column. */
export interface Figure {
  data: unknown[];
  layout: Record<string, unknown>;
}

export async function getColumnChart(id: Id, name: string): Promise<Figure> {
  return (await request("GET", columnPath(id, name, "chart/"))) as Figure;
}

/** Apply a warning's fix; resolves to the dataset as it is afterwards. */
export async function applyFix(id: Id, fix: Fix): Promise<DatasetProfile> {
  if (fix.kind === "reparse") return reparseDataset(id, fix.options);
  for (const name of fix.columns) await updateColumn(id, name, { excluded: true });
  return getDatasetProfile(id);
}
