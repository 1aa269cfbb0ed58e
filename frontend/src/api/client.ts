/**
 * The REST client: the only module that talks to the server.
 *
 * It keeps the session's CSRF token, says which language the user reads, turns failures into
 * `ApiError`s with readable messages and hands back domain types, never wire JSON.
 */
import {
  toDataset,
  toExperiment,
  toPreview,
  toProject,
  toTargetAdvice,
  toTrainedModel,
  toTrial,
  toUser,
  toWireId,
} from "./convert";
import { toApiToken, toCreatedApiToken, toMember } from "./convert";
import { ApiError, networkError, toApiError } from "./errors";
import type { ApiToken, CreatedApiToken, Member, Role } from "./types";
import type {
  WireApiToken,
  WireApiTokenCreate,
  WireApiTokenCreated,
  WireMember,
  WireMemberInvite,
  WireMemberRole,
} from "./wire";
import type {
  Dataset,
  Experiment,
  Id,
  NewExperiment,
  Project,
  TablePreview,
  TargetAdvice,
  TrainedModel,
  Trial,
  User,
} from "./types";
import type {
  WireCredentials,
  WireDataset,
  WireExperiment,
  WireExperimentCreate,
  WirePreview,
  WireProject,
  WireProjectCreate,
  WireSetup,
  WireSetupStatus,
  WireTargetAdvice,
  WireTrainedModel,
  WireTrial,
  WireUser,
} from "./wire";

const API_ROOT = "/api/v1";
const CSRF_COOKIE = "csrftoken";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Reports bytes sent so far out of the total. */
export type ProgressHandler = (loaded: number, total: number) => void;

let requestLanguage = "en";
let csrfRequest: Promise<void> | null = null;

/** Set the language the server should answer in (sent as `Accept-Language`). */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The CSRF token from the cookie, asking the server to set the cookie first when it is absent. */
async function csrfToken(): Promise<string | null> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  // Concurrent first requests share one round trip.
  csrfRequest ??= fetch(`${API_ROOT}/auth/csrf/`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  }).then(
    () => undefined,
    () => undefined,
  );
  await csrfRequest;
  csrfRequest = null;
  return readCookie(CSRF_COOKIE);
}

async function headersFor(method: Method, extra: Record<string, string>): Promise<Headers> {
  const headers = new Headers({ Accept: "application/json", "Accept-Language": requestLanguage });
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  if (!SAFE_METHODS.has(method)) {
    const token = await csrfToken();
    if (token) headers.set("X-CSRFToken", token);
  }
  return headers;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Send one JSON request and return the parsed body; rejects with `ApiError`. */
export async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  const extra: Record<string, string> =
    body === undefined ? {} : { "Content-Type": "application/json" };
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: await headersFor(method, extra),
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}`, init);
  } catch {
    throw networkError();
  }
  const parsed = parseJson(await response.text());
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed;
}

/**
 * Upload one file as multipart field "file" (plus any other form `fields`) with XMLHttpRequest,
 * because `fetch` cannot report upload progress.
 */
export async function upload(
  path: string,
  file: File,
  onProgress?: ProgressHandler,
  fields: Record<string, string> = {},
): Promise<unknown> {
  const headers = await headersFor("POST", {});
  const form = new FormData();
  form.append("file", file);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${API_ROOT}${path}`);
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      };
    }
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(networkError());
    xhr.send(form);
  });
}

function path(template: string, id: Id): string {
  return template.replace("{id}", encodeURIComponent(id));
}

// Authentication and first run

/** The signed-in user, or null when nobody is signed in. */
export async function getCurrentUser(): Promise<User | null> {
  try {
    return toUser((await request("GET", "/auth/me/")) as WireUser);
  } catch (error) {
    // The API answers 403 (or 401 with token auth) when nobody is signed in.
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<User> {
  const body: WireCredentials = { username, password };
  await request("POST", "/auth/login/", body);
  const user = await getCurrentUser();
  if (!user) throw toApiError(403, null);
  return user;
}

export async function signOut(): Promise<void> {
  await request("POST", "/auth/logout/");
}

export async function needsSetup(): Promise<boolean> {
  return ((await request("GET", "/setup/")) as WireSetupStatus).needs_setup;
}

/** Create the first administrator (only allowed while no user exists). */
export async function createFirstAdmin(username: string, password: string): Promise<void> {
  const body: WireSetup = { username, password };
  await request("POST", "/setup/", body);
}

// Projects

export async function listProjects(): Promise<Project[]> {
  return ((await request("GET", "/projects/")) as WireProject[]).map(toProject);
}

export async function createProject(name: string): Promise<Project> {
  const body: WireProjectCreate = { name };
  return toProject((await request("POST", "/projects/", body)) as WireProject);
}

export async function getProject(id: Id): Promise<Project> {
  return toProject((await request("GET", path("/projects/{id}/", id))) as WireProject);
}

export async function listDatasets(projectId: Id): Promise<Dataset[]> {
  const wire = (await request("GET", path("/projects/{id}/datasets/", projectId))) as WireDataset[];
  return wire.map(toDataset);
}

export async function listExperiments(projectId: Id): Promise<Experiment[]> {
  const url = path("/projects/{id}/experiments/", projectId);
  return ((await request("GET", url)) as WireExperiment[]).map(toExperiment);
}

// Datasets

export async function uploadDataset(
  projectId: Id,
  file: File,
  onProgress?: ProgressHandler,
): Promise<Dataset> {
  const url = path("/projects/{id}/datasets/", projectId);
  return toDataset((await upload(url, file, onProgress)) as WireDataset);
}

export async function getDataset(id: Id): Promise<Dataset> {
  return toDataset((await request("GET", path("/datasets/{id}/", id))) as WireDataset);
}

export async function getDatasetPreview(id: Id): Promise<TablePreview> {
  return toPreview((await request("GET", path("/datasets/{id}/preview/", id))) as WirePreview);
}

/** What training on `target` would mean: the task and why, blocking problems and warnings. */
export async function getTargetAdvice(datasetId: Id, target: string): Promise<TargetAdvice> {
  const query = `?target=${encodeURIComponent(target)}`;
  const url = `${path("/datasets/{id}/target-advice/", datasetId)}${query}`;
  return toTargetAdvice((await request("GET", url)) as WireTargetAdvice);
}

// Experiments

export async function createExperiment(input: NewExperiment): Promise<Experiment> {
  const body: WireExperimentCreate = {
    dataset: toWireId(input.datasetId),
    target: input.target,
    time_budget_s: input.timeBudgetS,
  };
  return toExperiment((await request("POST", "/experiments/", body)) as WireExperiment);
}

export async function getExperiment(id: Id): Promise<Experiment> {
  return toExperiment((await request("GET", path("/experiments/{id}/", id))) as WireExperiment);
}

/** Trials ordered by number; with `after`, only those numbered above it. */
export async function listTrials(experimentId: Id, after?: number): Promise<Trial[]> {
  const query = after === undefined ? "" : `?after=${after}`;
  const url = `${path("/experiments/{id}/trials/", experimentId)}${query}`;
  return ((await request("GET", url)) as WireTrial[]).map(toTrial);
}

/** The URL of an experiment's live event stream (Server-Sent Events, for an EventSource). */
export function experimentEventsUrl(id: Id): string {
  return `${API_ROOT}${path("/experiments/{id}/events/", id)}`;
}

export async function cancelExperiment(id: Id): Promise<Experiment> {
  const url = path("/experiments/{id}/cancel/", id);
  return toExperiment((await request("POST", url)) as WireExperiment);
}

/** Stop scheduling new trials (running ones finish) and stop the budget clock. */
export async function pauseExperiment(id: Id): Promise<Experiment> {
  const url = path("/experiments/{id}/pause/", id);
  return toExperiment((await request("POST", url)) as WireExperiment);
}

export async function resumeExperiment(id: Id): Promise<Experiment> {
  const url = path("/experiments/{id}/resume/", id);
  return toExperiment((await request("POST", url)) as WireExperiment);
}

/** Add `seconds` to a running or paused search's time budget. */
export async function extendExperiment(id: Id, seconds: number): Promise<Experiment> {
  const url = path("/experiments/{id}/extend/", id);
  return toExperiment((await request("POST", url, { seconds })) as WireExperiment);
}

// Models and predictions

export async function getModel(id: Id): Promise<TrainedModel> {
  return toTrainedModel((await request("GET", path("/models/{id}/", id))) as WireTrainedModel);
}

// Members (project owners only)

export async function listMembers(projectId: Id): Promise<Member[]> {
  const url = path("/projects/{id}/members/", projectId);
  return ((await request("GET", url)) as WireMember[]).map(toMember);
}

/** Add an existing user, named by user name or email address. */
export async function inviteMember(projectId: Id, user: string, role: Role): Promise<Member> {
  const body: WireMemberInvite = { user, role };
  const url = path("/projects/{id}/members/", projectId);
  return toMember((await request("POST", url, body)) as WireMember);
}

export async function changeMemberRole(projectId: Id, memberId: Id, role: Role): Promise<Member> {
  const body: WireMemberRole = { role };
  const url = `${path("/projects/{id}/members/", projectId)}${encodeURIComponent(memberId)}/`;
  return toMember((await request("PATCH", url, body)) as WireMember);
}

export async function removeMember(projectId: Id, memberId: Id): Promise<void> {
  const url = `${path("/projects/{id}/members/", projectId)}${encodeURIComponent(memberId)}/`;
  await request("DELETE", url);
}

// API tokens

export async function listApiTokens(): Promise<ApiToken[]> {
  return ((await request("GET", "/auth/tokens/")) as WireApiToken[]).map(toApiToken);
}

/** Create a token; the returned secret cannot be fetched again. */
export async function createApiToken(name: string, expiresInDays?: number): Promise<CreatedApiToken> {
  const body: WireApiTokenCreate = { name };
  if (expiresInDays !== undefined) body.expires_in_days = expiresInDays;
  return toCreatedApiToken((await request("POST", "/auth/tokens/", body)) as WireApiTokenCreated);
}

export async function revokeApiToken(id: Id): Promise<void> {
  await request("DELETE", path("/auth/tokens/{id}/", id));
}
