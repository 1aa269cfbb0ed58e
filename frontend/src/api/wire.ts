/**
 * Wire types: the JSON exactly as the REST API sends and accepts it.
 *
 * Every type here is a name for a schema in `schema.d.ts`, which is generated from the OpenAPI
 * schema in `openapi.yaml` (`make api-types`; CI fails when either is stale). Nothing is written
 * by hand, so a change in the API surfaces as a type error in `convert.ts` or `client.ts`
 * instead of a surprise at run time. The rest of the app only sees the domain types in `types.ts`.
 */
import type { components } from "./schema";

type Schemas = components["schemas"];

// Responses
export type WireUser = Schemas["Me"];
export type WireSetupStatus = Schemas["NeedsSetup"];
export type WireProject = Schemas["Project"];
export type WireWarning = Schemas["Warning"];
export type WireColumn = Schemas["Column"];
export type WireDataset = Schemas["Dataset"];
export type WirePreview = Schemas["Preview"];
export type WireExperiment = Schemas["Experiment"];
export type WireTrial = Schemas["Trial"];
export type WireTrialProposal = Schemas["TrialProposal"];
export type WireTrainedModel = Schemas["TrainedModel"];
export type WireTargetAdvice = Schemas["TargetAdvice"];

// Request bodies
export type WireCredentials = Schemas["CredentialsRequest"];
export type WireSetup = Schemas["SetupRequest"];
export type WireProjectCreate = Schemas["ProjectRequest"];
export type WireExperimentCreate = Schemas["ExperimentCreateRequest"];

/** Ids are integers on the wire and strings in the domain (they come from URLs). */
export type WireId = WireProject["id"];

// Members and API tokens
export type WireMember = Schemas["Member"];
export type WireMemberInvite = Schemas["MemberInviteRequest"];
export type WireMemberRole = Schemas["PatchedMemberRoleRequest"];
export type WireApiToken = Schemas["ApiToken"];
export type WireApiTokenCreated = Schemas["ApiTokenCreated"];
export type WireApiTokenCreate = Schemas["ApiTokenCreateRequest"];
