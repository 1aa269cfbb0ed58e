/**
 * The logic behind the search forms, free of React: effort presets and their time budgets, and
 * a hand-written configuration built from the search space (which parameters are active, what
 * each one allows, and the values typed so far turned into JSON).
 */

/** A JSON scalar, as a hyperparameter value. */
export type ParamValue = boolean | number | string | null;

/** A parameter is used only when the earlier parameter `parent` takes one of `values`. */
export interface ParamCondition {
  parent: string;
  values: ParamValue[];
}

/** One hyperparameter of a family, as the space endpoints send it. */
export interface ParamSpec {
  type: "float" | "int" | "cat";
  name: string;
  low?: number;
  high?: number;
  log?: boolean;
  choices?: ParamValue[];
  condition?: ParamCondition;
}

/** Each algorithm family and its hyperparameters, in order. */
export interface SearchSpace {
  families: Record<string, ParamSpec[]>;
}

/** An algorithm and its hyperparameters: one point of the space. */
export interface Configuration {
  algorithm: string;
  params: Record<string, ParamValue>;
}

// --- effort presets ------------------------------------------------------------------------

export type Preset = "fast" | "balanced" | "best" | "custom";
export type BudgetUnit = "seconds" | "minutes";

/** The time budget of each fixed preset, in seconds. */
export const PRESET_BUDGET_S: Record<Exclude<Preset, "custom">, number> = {
  fast: 60,
  balanced: 300,
  best: 1800,
};
export const PRESETS: Preset[] = ["fast", "balanced", "best", "custom"];
export const MIN_BUDGET_S = 10;

/** The budget in seconds: the preset's, or the custom whole number in its unit; null when the
 * custom text is not a whole number or gives less than the minimum. */
export function budgetFor(preset: Preset, customText: string, unit: BudgetUnit): number | null {
  if (preset !== "custom") return PRESET_BUDGET_S[preset];
  if (!/^\s*\d+\s*$/.test(customText)) return null;
  const seconds = Number(customText) * (unit === "minutes" ? 60 : 1);
  return seconds >= MIN_BUDGET_S ? seconds : null;
}

// --- hand-written configurations -----------------------------------------------------------

function sameValue(a: ParamValue | undefined, b: ParamValue): boolean {
  return a === b && typeof a === typeof b;
}

/** The parameters active under the values chosen so far, in order (as the server decides):
 * one without a condition, or whose parent is active and holds one of the condition's values. */
export function activeParams(params: ParamSpec[], values: Record<string, ParamValue>): ParamSpec[] {
  const active: ParamSpec[] = [];
  const names = new Set<string>();
  for (const param of params) {
    const condition = param.condition;
    const holds =
      condition === undefined ||
      (names.has(condition.parent) && condition.values.some((v) => sameValue(values[condition.parent], v)));
    if (holds) {
      active.push(param);
      names.add(param.name);
    }
  }
  return active;
}

/** A sensible starting value: the middle of a range (geometric on a log scale), or the first
 * choice. */
export function defaultValue(param: ParamSpec): ParamValue {
  if (param.type === "cat") return param.choices?.[0] ?? null;
  const low = param.low ?? 0;
  const high = param.high ?? low;
  const middle = param.log && low > 0 ? Math.sqrt(low * high) : (low + high) / 2;
  return param.type === "int" ? Math.round(middle) : Number(middle.toPrecision(3));
}

/** The text a form starts each parameter with. */
export function defaultTexts(params: ParamSpec[]): Record<string, string> {
  return Object.fromEntries(params.map((p) => [p.name, valueToText(p, defaultValue(p))]));
}

/** A value as the form shows it: a number as typed, a choice by its position. */
export function valueToText(param: ParamSpec, value: ParamValue): string {
  if (param.type === "cat") return String(Math.max((param.choices ?? []).findIndex((c) => sameValue(c, value)), 0));
  return value === null ? "" : String(value);
}

/** What is wrong with a typed value, before the server is asked. */
export type ValueProblem = "notNumber" | "notInteger" | "outOfRange";

export type ParsedValue = { value: ParamValue } | { problem: ValueProblem };

/** The typed text as the parameter's value, or why it is not one. */
export function parseValue(param: ParamSpec, text: string): ParsedValue {
  if (param.type === "cat") {
    const choices = param.choices ?? [];
    const index = Number(text);
    return Number.isInteger(index) && index >= 0 && index < choices.length
      ? { value: choices[index] ?? null }
      : { problem: "outOfRange" };
  }
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) return { problem: "notNumber" };
  if (param.type === "int" && !Number.isInteger(value)) return { problem: "notInteger" };
  if ((param.low !== undefined && value < param.low) || (param.high !== undefined && value > param.high)) {
    return { problem: "outOfRange" };
  }
  return { value };
}

/** The values of the choices made so far (categoricals only: they decide what is active). */
export function chosenValues(params: ParamSpec[], texts: Record<string, string>): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const param of params) {
    const parsed = parseValue(param, texts[param.name] ?? "");
    if ("value" in parsed) values[param.name] = parsed.value;
  }
  return values;
}

/** The configuration the form holds, with only the active parameters, and the problems of
 * those whose text is not a valid value (by parameter name). */
export function buildConfiguration(
  algorithm: string,
  params: ParamSpec[],
  texts: Record<string, string>,
): { configuration: Configuration; problems: Record<string, ValueProblem> } {
  const active = activeParams(params, chosenValues(params, texts));
  const values: Record<string, ParamValue> = {};
  const problems: Record<string, ValueProblem> = {};
  for (const param of active) {
    const parsed = parseValue(param, texts[param.name] ?? "");
    if ("value" in parsed) values[param.name] = parsed.value;
    else problems[param.name] = parsed.problem;
  }
  return { configuration: { algorithm, params: values }, problems };
}

/** The step of a number input: whole numbers for integers, else about a hundredth of the
 * range ("any" on a log scale, where a fixed step means little). */
export function stepOf(param: ParamSpec): string {
  if (param.type === "int") return "1";
  if (param.log) return "any";
  const span = (param.high ?? 1) - (param.low ?? 0);
  return span > 0 ? String(Number((span / 100).toPrecision(1))) : "any";
}

/** Server field errors (`params.<name>`, `algorithm`, ...) grouped by parameter name, with the
 * rest under `""`; with a `prefix` such as `initial_configurations.0.`, only the fields under it. */
export function errorsByParam(fieldErrors: Record<string, string[]>, prefix = ""): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!field.startsWith(prefix)) continue;
    const local = field.slice(prefix.length);
    const key = local.startsWith("params.") ? local.slice("params.".length) : local === "algorithm" ? "algorithm" : "";
    grouped[key] = [...(grouped[key] ?? []), ...messages];
  }
  return grouped;
}
