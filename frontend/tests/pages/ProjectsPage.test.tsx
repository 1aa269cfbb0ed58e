import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { projectNameFor, ProjectsPage } from "../../src/pages/ProjectsPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { installFakeXhr, type FakeXhr } from "../support/fakeXhr";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireProject } from "../support/wireFactories";

let server: FakeServer;
let xhr: typeof FakeXhr;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/projects/", { json: [] });
  xhr = installFakeXhr();
});

describe("the home page", () => {
  it("says what to do when there are no projects, and shows where the path starts", async () => {
    renderPage("/", "/", <ProjectsPage />);

    expect((await screen.findByTestId("projects-empty")).textContent).toContain("two starts above");
    expect(document.querySelector('[aria-current="step"]')?.getAttribute("data-step")).toBe("upload");
  });

  it("adds the example data in one click and opens its data check", async () => {
    server.on("POST", "/api/v1/example-dataset/", { status: 201, json: wireDataset({ id: 12 }) });
    renderPage("/", "/", <ProjectsPage />);

    fireEvent.click(await screen.findByTestId("try-example"));

    await screen.findByText("/datasets/12");
    expect(server.sentTo("POST", "/api/v1/example-dataset/")[0]?.body).toEqual({});
  });

  it("explains in words when the example cannot be added", async () => {
    server.on("POST", "/api/v1/example-dataset/", { status: 503, json: null });
    renderPage("/", "/", <ProjectsPage />);

    fireEvent.click(await screen.findByTestId("try-example"));

    expect((await screen.findByTestId("example-error")).textContent).toContain("tell your administrator");
  });

  it("uploads a CSV into a new project named after the file", async () => {
    server.on("POST", "/api/v1/projects/", { status: 201, json: wireProject({ id: 5, name: "sales 2024" }) });
    renderPage("/", "/", <ProjectsPage />);
    const file = new File(["a,b\n1,2\n"], "sales 2024.csv", { type: "text/csv" });
    fireEvent.change(await screen.findByTestId("home-file"), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId("home-upload"));

    await waitFor(() => expect(xhr.sent).toHaveLength(1));
    expect(server.sentTo("POST", "/api/v1/projects/")[0]?.body).toMatchObject({ name: "sales 2024" });
    expect(xhr.sent[0]!.url).toBe("/api/v1/projects/5/datasets/");
    act(() => xhr.sent[0]!.respond(201, wireDataset({ id: 9, project: 5 })));
    await screen.findByText("/datasets/9");
  });
});

describe("projectNameFor", () => {
  it("drops the file's extensions", () => {
    expect(projectNameFor("sales 2024.csv.gz")).toBe("sales 2024");
    expect(projectNameFor("고객.xlsx")).toBe("고객");
    expect(projectNameFor(".csv")).toBe(".csv");
  });
});
