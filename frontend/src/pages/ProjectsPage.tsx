/**
 * The home page: two clear starts for a first-time user (the bundled example data, or their own
 * CSV in a new project), then the caller's projects and a form to create an empty one.
 */
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { createProject, listProjects } from "../api/client";
import type { Id, Project } from "../api/types";
import { addExampleDataset, uploadDatasetWithOptions } from "../components/data/dataApi";
import { ErrorAlert } from "../components/ErrorAlert";
import { ExplainedHeading } from "../components/Explain";
import { Loading } from "../components/Loading";
import { Stepper } from "../components/Stepper";
import { UploadForm } from "../components/UploadForm";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function ProjectsPage() {
  const { t } = useI18n();
  const projects = useApi(listProjects, []);
  useDocumentTitle(t("projects.title"));

  return (
    <>
      <h1>{t("guide.home.title")}</h1>
      <p className="lead">{t("guide.home.intro")}</p>
      <Stepper current="upload" />
      <div className="starts">
        <ExampleStart />
        <UploadStart />
      </div>

      <section aria-labelledby="projects-heading">
        <ExplainedHeading
          id="projects-heading"
          term={t("guide.home.projectTerm")}
          text={t("guide.home.explainProject")}
        >
          {t("guide.home.projectsHeading")}
        </ExplainedHeading>
        {projects.state.status === "loading" ? <Loading /> : null}
        {projects.state.status === "error" ? <ErrorAlert error={projects.state.error} /> : null}
        {projects.state.status === "ready" ? <ProjectList projects={projects.state.data} /> : null}
      </section>
      <CreateProjectForm onCreated={projects.reload} />
    </>
  );
}

/** One click: a new project holding the example dataset, then its data check page. */
function ExampleStart() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const dataset = await addExampleDataset();
      navigate(`/datasets/${encodeURIComponent(dataset.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section className="card start" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("guide.home.exampleHeading")}</h2>
      <p>{t("guide.home.exampleText")}</p>
      <button type="button" data-testid="try-example" onClick={start} disabled={busy}>
        {busy ? t("guide.home.exampleBusy") : t("guide.home.exampleButton")}
      </button>
      <p className="live" aria-live="polite">
        {busy ? t("guide.home.exampleBusy") : ""}
      </p>
      {error ? <ErrorAlert error={error} testId="example-error" /> : null}
    </section>
  );
}

/** File name without its extension(s), as a project name ("sales 2024.csv.gz" -> "sales 2024"). */
export function projectNameFor(fileName: string): string {
  const base = fileName.replace(/(\.[A-Za-z0-9]{1,8})+$/, "").trim();
  return (base || fileName).slice(0, 200);
}

/** Pick a file: a project named after it is created, the file uploaded, its check page opened. */
function UploadStart() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const headingId = useId();
  // Kept across retries so that a failed upload does not leave one empty project per attempt.
  const createdProject = useRef<Id | null>(null);

  return (
    <section className="card start" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("guide.home.uploadHeading")}</h2>
      <p>{t("guide.home.uploadText")}</p>
      <UploadForm
        label={t("guide.home.uploadFile")}
        buttonText={t("guide.home.uploadButton")}
        accept=".csv,.tsv,.txt,.gz,.zip,.xlsx,.parquet,text/csv"
        fileTestId="home-file"
        buttonTestId="home-upload"
        errorTestId="home-upload-error"
        upload={async (file, onProgress) => {
          createdProject.current ??= (await createProject(projectNameFor(file.name))).id;
          const dataset = await uploadDatasetWithOptions(
            createdProject.current,
            file,
            {},
            onProgress,
          );
          navigate(`/datasets/${encodeURIComponent(dataset.id)}`);
        }}
      />
    </section>
  );
}

function ProjectList({ projects }: { projects: Project[] }) {
  const { t, label, date } = useI18n();
  if (projects.length === 0) {
    return (
      <p className="empty" data-testid="projects-empty">
        {t("guide.home.noProjects")}
      </p>
    );
  }
  return (
    <ul className="item-list">
      {projects.map((project) => (
        <li key={project.id}>
          <Link to={`/projects/${encodeURIComponent(project.id)}`} data-testid="project-link">
            {project.name}
          </Link>
          <span className="meta">
            {t("projects.role", { role: label("role", project.role) })} ·{" "}
            {t("projects.createdAt", { date: date(project.createdAt) })}
          </span>
          {project.description ? <p className="description">{project.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function CreateProjectForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const nameId = useId();
  const helpId = useId();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createProject(name.trim());
      setName("");
      onCreated();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="create-project-heading">
      <h2 id="create-project-heading">{t("projects.createHeading")}</h2>
      <p id={helpId} className="help">
        {t("guide.home.createHelp")}
      </p>
      <form className="row" onSubmit={submit}>
        <label htmlFor={nameId}>{t("projects.name")}</label>
        <input
          id={nameId}
          data-testid="project-name"
          required
          maxLength={200}
          aria-describedby={helpId}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" data-testid="project-create" disabled={busy || name.trim() === ""}>
          {busy ? t("projects.creating") : t("projects.create")}
        </button>
      </form>
      {error ? <ErrorAlert error={error} testId="project-error" /> : null}
    </section>
  );
}
