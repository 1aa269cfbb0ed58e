/** One project: upload a dataset, and list its datasets and experiments. */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getProject, listDatasets, listExperiments } from "../api/client";
import type { Dataset, Experiment, Id } from "../api/types";
import { uploadDatasetWithOptions } from "../components/data/dataApi";
import type { ReadOptions } from "../components/data/dataApi";
import { UploadOptions } from "../components/data/UploadOptions";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { UploadForm } from "../components/UploadForm";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function ProjectPage() {
  const { id = "" } = useParams();
  return <ProjectView key={id} projectId={id} />;
}

function ProjectView({ projectId }: { projectId: Id }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const project = useApi(() => getProject(projectId), [projectId]);
  const datasets = useApi(() => listDatasets(projectId), [projectId]);
  const experiments = useApi(() => listExperiments(projectId), [projectId]);
  const [readOptions, setReadOptions] = useState<ReadOptions>({});
  useDocumentTitle(project.state.status === "ready" ? project.state.data.name : null);

  if (project.state.status === "loading") return <Loading />;
  if (project.state.status === "error") return <ErrorAlert error={project.state.error} />;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/">{t("header.home")}</Link>
      </p>
      <h1>{project.state.data.name}</h1>
      {project.state.data.role === "owner" ? (
        <p>
          <Link to={`/projects/${encodeURIComponent(project.state.data.id)}/members`} data-testid="members-link">
            {t("members.link")}
          </Link>
        </p>
      ) : null}
      {project.state.data.description ? <p>{project.state.data.description}</p> : null}

      <section className="card">
        <h2>{t("project.uploadHeading")}</h2>
        <UploadForm
          label={t("project.file")}
          help={t("project.uploadHelp")}
          buttonText={t("project.upload")}
          accept=".csv,.tsv,.txt,.gz,.zip,.xlsx,.parquet,text/csv"
          fileTestId="dataset-file"
          buttonTestId="dataset-upload"
          errorTestId="upload-error"
          upload={async (file, onProgress) => {
            const dataset = await uploadDatasetWithOptions(projectId, file, readOptions, onProgress);
            navigate(`/datasets/${encodeURIComponent(dataset.id)}`);
          }}
        />
        <UploadOptions options={readOptions} onChange={setReadOptions} />
      </section>

      <section>
        <h2>{t("project.datasetsHeading")}</h2>
        {datasets.state.status === "loading" ? <Loading /> : null}
        {datasets.state.status === "error" ? <ErrorAlert error={datasets.state.error} /> : null}
        {datasets.state.status === "ready" ? <DatasetList datasets={datasets.state.data} /> : null}
      </section>

      <section>
        <h2>{t("project.experimentsHeading")}</h2>
        {experiments.state.status === "loading" ? <Loading /> : null}
        {experiments.state.status === "error" ? <ErrorAlert error={experiments.state.error} /> : null}
        {experiments.state.status === "ready" ? (
          <ExperimentList experiments={experiments.state.data} />
        ) : null}
      </section>
    </>
  );
}

function DatasetList({ datasets }: { datasets: Dataset[] }) {
  const { t, number, date } = useI18n();
  if (datasets.length === 0) return <p className="empty">{t("project.datasetsEmpty")}</p>;
  return (
    <ul className="item-list">
      {datasets.map((dataset) => (
        <li key={dataset.id}>
          <Link to={`/datasets/${encodeURIComponent(dataset.id)}`} data-testid="dataset-link">
            {dataset.name}
          </Link>
          <span className="meta">
            {t("project.datasetShape", {
              rows: number(dataset.nRows),
              columns: number(dataset.nColumns),
            })}{" "}
            · {date(dataset.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ExperimentList({ experiments }: { experiments: Experiment[] }) {
  const { t, label, date } = useI18n();
  if (experiments.length === 0) return <p className="empty">{t("project.experimentsEmpty")}</p>;
  return (
    <ul className="item-list">
      {experiments.map((experiment) => (
        <li key={experiment.id}>
          <Link to={`/experiments/${encodeURIComponent(experiment.id)}`} data-testid="experiment-link">
            {t("project.experimentName", { target: experiment.target })}
          </Link>
          <span className={`status status-${experiment.status}`} data-status={experiment.status}>
            {label("status", experiment.status)}
          </span>
          <span className="meta">{date(experiment.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
