import { beforeEach, describe, expect, it } from "vitest";
import {
  createProject,
  getCurrentUser,
  getDataset,
  listProjects,
  setRequestLanguage,
} from "../../src/api/client";
import { ApiError, NETWORK_ERROR, SERVER_ERROR } from "../../src/api/errors";
import { clearCsrfCookie, installFakeServer, type FakeServer } from "../support/fakeServer";
import { wireDataset, wireProject } from "../support/wireFactories";

const PROJECT = wireProject();

let server: FakeServer;

beforeEach(() => {
  clearCsrfCookie();
  setRequestLanguage("en");
  server = installFakeServer();
  server.on("GET", "/api/v1/auth/csrf/", () => {
    document.cookie = "csrftoken=token-from-server; path=/";
    return { status: 200, json: { detail: "CSRF cookie set." } };
  });
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("The request was expected to fail.");
}

describe("CSRF protection", () => {
  it("fetches the CSRF cookie once and sends it as X-CSRFToken on unsafe requests", async () => {
    server.on("POST", "/api/v1/projects/", { status: 201, json: PROJECT });

    await createProject("Churn");
    await createProject("Churn again");

    expect(server.sentTo("GET", "/api/v1/auth/csrf/")).toHaveLength(1);
    const posts = server.sentTo("POST", "/api/v1/projects/");
    expect(posts.map((r) => r.headers.get("X-CSRFToken"))).toEqual([
      "token-from-server",
      "token-from-server",
    ]);
    expect(posts[0]?.body).toEqual({ name: "Churn" });
  });

  it("does not fetch a CSRF token for safe requests", async () => {
    server.on("GET", "/api/v1/projects/", { json: [PROJECT] });

    await listProjects();

    expect(server.sentTo("GET", "/api/v1/auth/csrf/")).toHaveLength(0);
    expect(server.sentTo("GET", "/api/v1/projects/")[0]?.headers.has("X-CSRFToken")).toBe(false);
  });
});

describe("language", () => {
  it("asks the server to answer in the chosen UI language", async () => {
    server.on("GET", "/api/v1/projects/", { json: [] });
    setRequestLanguage("ko");

    await listProjects();

    expect(server.sentTo("GET", "/api/v1/projects/")[0]?.headers.get("Accept-Language")).toBe("ko");
  });
});

describe("error conversion", () => {
  it("turns {detail, code} into an ApiError carrying the server's message and code", async () => {
    server.on("GET", "/api/v1/datasets/9/", {
      status: 400,
      json: { detail: "The file is empty.", code: "empty_file" },
    });

    const error = await rejection(getDataset("9"));

    expect(error.status).toBe(400);
    expect(error.code).toBe("empty_file");
    expect(error.message).toBe("The file is empty.");
    expect(error.hasServerMessage).toBe(true);
  });

  it("turns DRF field errors into one readable line per field", async () => {
    server.on("POST", "/api/v1/projects/", {
      status: 400,
      json: { name: ["This field may not be blank."], non_field_errors: ["Try another name."] },
    });

    const error = await rejection(createProject(""));

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({
      name: ["This field may not be blank."],
      non_field_errors: ["Try another name."],
    });
    expect(error.message).toBe("name: This field may not be blank.\nTry another name.");
  });

  it("marks an HTML error page from the server as a server error", async () => {
    server.on("GET", "/api/v1/projects/", { status: 502, text: "<html>Bad gateway</html>" });

    const error = await rejection(listProjects());

    expect(error.status).toBe(502);
    expect(error.code).toBe(SERVER_ERROR);
    expect(error.hasServerMessage).toBe(false);
  });

  it("marks a request that got no answer as a network error", async () => {
    server.on("GET", "/api/v1/projects/", () => Promise.reject(new TypeError("Failed to fetch")));

    const error = await rejection(listProjects());

    expect(error.status).toBe(0);
    expect(error.code).toBe(NETWORK_ERROR);
  });

  it("reads a 403 from the me endpoint as nobody signed in", async () => {
    server.on("GET", "/api/v1/auth/me/", {
      status: 403,
      json: { detail: "Authentication credentials were not provided.", code: "not_authenticated" },
    });

    expect(await getCurrentUser()).toBeNull();
  });
});

describe("wire to domain conversion", () => {
  it("returns datasets with string ids, Dates and camelCase fields", async () => {
    server.on("GET", "/api/v1/datasets/7/", { json: wireDataset() });

    const dataset = await getDataset("7");

    expect(dataset.id).toBe("7");
    expect(dataset.projectId).toBe("3");
    expect(dataset.nRows).toBe(891);
    expect(dataset.suggestedTarget).toBe("Survived");
    expect(dataset.createdAt).toEqual(new Date("2026-12-01T08:00:00Z"));
  });
});
