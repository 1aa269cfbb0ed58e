/**
 * The model page's insights API: the list of charts with their states, one chart's payload, and
 * restarting the background job. Shapes are the generated schema types (`make api-types`).
 */
import type { ChartPayload } from "../components/charts/ChartCard";
import { request } from "./client";
import type { components } from "./schema";
import type { Id } from "./types";

type Schemas = components["schemas"];

export type InsightList = Schemas["InsightList"];
export type InsightChartState = Schemas["InsightChartState"];
export type InsightJob = Schemas["InsightJob"];
export type ChartKey = string;

function insightsPath(modelId: Id, rest = ""): string {
  return `/models/${encodeURIComponent(modelId)}/insights/${rest}`;
}

/** Every chart of the model and its state; the first call starts the background job. */
export async function listInsights(modelId: Id): Promise<InsightList> {
  return (await request("GET", insightsPath(modelId))) as InsightList;
}

/** One chart (a plotly figure and the same numbers as a table). */
export async function getInsightChart(modelId: Id, chart: ChartKey): Promise<ChartPayload> {
  const wire = (await request("GET", insightsPath(modelId, `${encodeURIComponent(chart)}/`))) as Schemas["InsightChart"];
  return { figure: { data: wire.figure.data, layout: wire.figure.layout }, table: wire.table };
}

/** Run the background job again (editors); resolves to the new states. */
export async function retryInsights(modelId: Id): Promise<InsightList> {
  return (await request("POST", insightsPath(modelId, "retry/"))) as InsightList;
}

/** True while the background job may still change a chart's state (keep polling). */
export function isPending(list: InsightList): boolean {
  return list.charts.some((chart) => chart.state === "queued" || chart.state === "running");
}
