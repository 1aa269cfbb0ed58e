import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ProjectPage } from "../../src/pages/ProjectPage";
import { installFakeServer } from "../support/fakeServer";
import { installFakeXhr, type FakeXhr } from "../support/fakeXhr";
import { renderPage } from "../support/renderPage";
import { wireDataset, wireExperiment, wireProject } from "../support/wireFactories";

let xhr: typeof FakeXhr;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  const server = installFakeServer();
  server.on("GET", "/api/v1/projects/3/", { json: wireProject() });
  server.on("GET", "/api/v1/projects/3/datasets/", { json: [wireDataset()] });
  server.on("GET", "/api/v1/projects/3/experiments/", { json: [wireExperiment({ status: "succeeded" })] });
  xhr = installFakeXhr();
});

async function chooseAndUpload() {
  renderPage("/projects/:id", "/projects/3", <ProjectPage />);
  const input = await screen.findByTestId("dataset-file");
  const file = new File(["a,b\n1,2\n"], "data.csv", { type: "text/csv" });
  fireEvent.change(input, { target: { files: [file] } });
  fireEvent.click(screen.getByTestId("dataset-upload"));
  await waitFor(() => expect(xhr.sent).toHaveLength(1));
  return xhr.sent[0]!;
}

describe("the project page", () => {
  it("lists the project's datasets and experiments with their status", async () => {
    renderPage("/projects/:id", "/projects/3", <ProjectPage />);

    expect((await screen.findByTestId("dataset-link")).textContent).toBe("titanic.csv");
    expect((await screen.findByTestId("experiment-link")).getAttribute("href")).toBe("/experiments/42");
    expect(screen.getByText("Succeeded")).toBeTruthy();
  });

  it("uploads the file with the CSRF token and shows the bytes sent", async () => {
    const request = await chooseAndUpload();

    expect(request.url).toBe("/api/v1/projects/3/datasets/");
    expect(request.headers["x-csrftoken"]).toBe("test-token");
    expect((request.body?.get("file") as File).name).toBe("data.csv");
    act(() => request.progress(40, 100));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("40");
  });

  it("opens the new dataset when the upload succeeds", async () => {
    const request = await chooseAndUpload();

    act(() => request.respond(201, wireDataset({ id: 8 })));

    await screen.findByText("/datasets/8");
  });

  it("shows why the server refused the file", async () => {
    const request = await chooseAndUpload();

    act(() => request.respond(400, { detail: "The file is empty.", code: "empty_file" }));

    expect((await screen.findByTestId("upload-error")).textContent).toBe("The file is empty.");
    expect(screen.getByTestId("upload-error").getAttribute("role")).toBe("alert");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("sends the read options chosen under Options with the file", async () => {
    renderPage("/projects/:id", "/projects/3", <ProjectPage />);
    const input = await screen.findByTestId("dataset-file");
    fireEvent.change(screen.getByTestId("option-encoding"), { target: { value: "cp949" } });
    fireEvent.change(screen.getByTestId("option-delimiter"), { target: { value: ";" } });
    fireEvent.change(screen.getByTestId("option-decimal-comma"), { target: { value: "yes" } });
    fireEvent.click(screen.getByTestId("option-no-header"));
    fireEvent.change(input, { target: { files: [new File(["1;2,5\n"], "eu.csv")] } });
    fireEvent.click(screen.getByTestId("dataset-upload"));
    await waitFor(() => expect(xhr.sent).toHaveLength(1));

    const form = xhr.sent[0]!.body!;
    expect(form.get("encoding")).toBe("cp949");
    expect(form.get("delimiter")).toBe(";");
    expect(form.get("decimal_comma")).toBe("true");
    expect(form.get("header")).toBe("false");
    expect(form.get("sheet")).toBeNull();
  });

  it("keeps the options folded away and sends none by default", async () => {
    const request = await chooseAndUpload();

    expect(screen.getByTestId("upload-options").hasAttribute("open")).toBe(false);
    expect([...request.body!.keys()]).toEqual(["file"]);
  });
});
