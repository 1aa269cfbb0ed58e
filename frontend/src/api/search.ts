/**
 * Calls about how a search runs: the search space and methods to choose from, starting an
 * experiment with search options, and queueing a hand-written configuration.
 */
import { request } from "./client";
import { toExperiment, toWireId } from "./convert";
import type { Experiment, Id, NewExperiment } from "./types";
import type { WireExperiment } from "./wire";
import type { components } from "./schema";
import type { Configuration, ParamSpec, SearchSpace } from "../domain/searchSpace";

type Schemas = components["schemas"];
type WireSearchDescription = Schemas["SearchDescription"];
type WireExperimentCreate = Schemas["ExperimentCreateRequest"];
type WireQueuedTrial = Schemas["QueuedTrial"];

/** A search method and one line on what it does. */
export interface SearcherOption {
  name: string;
  description: string;
}

/** How large the grid is and about how much of it the budget covers. */
export interface GridSummary {
  size: number;
  fits: number | null;
  coversAll: boolean;
  message: string;
}

/** The space a search explores and the choices a form offers. */
export interface SearchDescription {
  task: string;
  availableAlgorithms: string[];
  space: SearchSpace;
  searchers: SearcherOption[];
  defaultSearcher: string;
  searcher: string;
  grid: GridSummary | null;
}

/** The advanced options of a new search; left out, the server's defaults apply. */
export interface SearchOptions {
  metric?: string;
  searcher?: string;
  algorithms?: string[];
  validationFolds?: number | null;
  parallelism?: number;
  initialConfigurations?: Configuration[];
}

/** What the space of a search not yet started depends on. */
export interface SpaceQuery {
  task: string;
  datasetId?: Id;
  algorithms?: string[];
  searcher?: string;
  timeBudgetS?: number;
  parallelism?: number;
}

/** A configuration just queued as a trial. */
export interface QueuedTrial extends Configuration {
  number: number;
  state: string;
}

function toSearchDescription(w: WireSearchDescription): SearchDescription {
  return {
    task: w.task,
    availableAlgorithms: w.available_algorithms,
    space: { families: w.space.families as Record<string, ParamSpec[]> },
    searchers: w.searchers.map((s) => ({ name: s.name, description: s.description })),
    defaultSearcher: w.default_searcher,
    searcher: w.searcher,
    grid: w.grid
      ? { size: w.grid.size, fits: w.grid.fits, coversAll: w.grid.covers_all, message: w.grid.message }
      : null,
  };
}

export async function getSearchSpace(query: SpaceQuery): Promise<SearchDescription> {
  const params = new URLSearchParams({ task: query.task });
  if (query.datasetId !== undefined) params.set("dataset", query.datasetId);
  if (query.algorithms?.length) params.set("algorithms", query.algorithms.join(","));
  if (query.searcher) params.set("searcher", query.searcher);
  if (query.timeBudgetS !== undefined) params.set("time_budget_s", String(query.timeBudgetS));
  if (query.parallelism !== undefined) params.set("parallelism", String(query.parallelism));
  return toSearchDescription((await request("GET", `/search-space/?${params}`)) as WireSearchDescription);
}

export async function getExperimentSpace(experimentId: Id): Promise<SearchDescription> {
  const url = `/experiments/${encodeURIComponent(experimentId)}/space/`;
  return toSearchDescription((await request("GET", url)) as WireSearchDescription);
}

/** Start a search with the chosen options. */
export async function startExperiment(input: NewExperiment & SearchOptions): Promise<Experiment> {
  const body: WireExperimentCreate = {
    dataset: toWireId(input.datasetId),
    target: input.target,
    time_budget_s: input.timeBudgetS,
  };
  if (input.metric) body.metric = input.metric as WireExperimentCreate["metric"];
  if (input.searcher) body.searcher = input.searcher;
  if (input.algorithms?.length) body.algorithms = input.algorithms;
  if (input.validationFolds !== undefined) body.validation_folds = input.validationFolds;
  if (input.parallelism !== undefined) body.parallelism = input.parallelism;
  if (input.initialConfigurations?.length) body.initial_configurations = input.initialConfigurations;
  return toExperiment((await request("POST", "/experiments/", body)) as WireExperiment);
}

/** Queue a hand-written configuration as the experiment's next trial. */
export async function queueTrial(experimentId: Id, configuration: Configuration): Promise<QueuedTrial> {
  const url = `/experiments/${encodeURIComponent(experimentId)}/trials/`;
  const wire = (await request("POST", url, configuration)) as WireQueuedTrial;
  return {
    number: wire.number,
    state: wire.state,
    algorithm: wire.algorithm,
    params: wire.params as Configuration["params"],
  };
}
