/** The caller's projects, and a form to create one. */
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { createProject, listProjects } from "../api/client";
import type { Project } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function ProjectsPage() {
  const { t } = useI18n();
  const projects = useApi(listProjects, []);
  useDocumentTitle(t("projects.title"));

  return (
    <>
      <h1>{t("projects.title")}</h1>
      {projects.state.status === "loading" ? <Loading /> : null}
      {projects.state.status === "error" ? <ErrorAlert error={projects.state.error} /> : null}
      {projects.state.status === "ready" ? <ProjectList projects={projects.state.data} /> : null}
      <CreateProjectForm onCreated={projects.reload} />
    </>
  );
}

function ProjectList({ projects }: { projects: Project[] }) {
  const { t, label, date } = useI18n();
  if (projects.length === 0) return <p className="empty">{t("projects.empty")}</p>;
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
    <section className="card">
      <h2>{t("projects.createHeading")}</h2>
      <form className="row" onSubmit={submit}>
        <label htmlFor={nameId}>{t("projects.name")}</label>
        <input
          id={nameId}
          data-testid="project-name"
          required
          maxLength={200}
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
