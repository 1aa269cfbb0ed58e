import { fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ProjectPage } from "../../src/pages/ProjectPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireProject } from "../support/wireFactories";

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/projects/3/datasets/", { json: [] });
  server.on("GET", "/api/v1/projects/3/experiments/", { json: [] });
});

describe("an empty project", () => {
  it("says what to do next and adds the example data to this project", async () => {
    server.on("GET", "/api/v1/projects/3/", { json: wireProject({ role: "editor" }) });
    server.on("POST", "/api/v1/example-dataset/", { status: 201, json: wireDataset({ id: 21 }) });
    renderPage("/projects/:id", "/projects/3", <ProjectPage />);

    expect((await screen.findByTestId("datasets-empty")).textContent).toContain("Upload a CSV above");
    expect(screen.getByTestId("experiments-empty").textContent).toContain("choose the column to predict");
    fireEvent.click(screen.getByTestId("add-example"));

    await screen.findByText("/datasets/21");
    expect(server.sentTo("POST", "/api/v1/example-dataset/")[0]?.body).toEqual({ project: 3 });
  });

  it("offers a viewer no button they could not use", async () => {
    server.on("GET", "/api/v1/projects/3/", { json: wireProject({ role: "viewer" }) });
    renderPage("/projects/:id", "/projects/3", <ProjectPage />);

    await screen.findByTestId("datasets-empty");
    expect(screen.queryByTestId("add-example")).toBeNull();
  });
});
