/**
 * One project: upload a dataset (or add the example data), and list its datasets and experiments,
 * each list saying what to do next while it is empty.
 */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getProject, listDatasets, listExperiments } from "../api/client";
import type { Dataset, Experiment, Id } from "../api/types";
import { addExampleDataset, uploadDatasetWithOptions } from "../components/data/dataApi";
import type { ReadOptions } from "../components/data/dataApi";
import { UploadOptions } from "../components/data/UploadOptions";
import { ErrorAlert } from "../components/ErrorAlert";
import { ExplainedHeading } from "../components/Explain";
import { Loading } from "../components/Loading";
import { Stepper } from "../components/Stepper";
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
      <Stepper current="upload" />
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
        <ExplainedHeading term={t("guide.project.datasetTerm")} text={t("guide.project.explainDataset")}>
          {t("project.datasetsHeading")}
        </ExplainedHeading>
        {datasets.state.status === "loading" ? <Loading /> : null}
        {datasets.state.status === "error" ? <ErrorAlert error={datasets.state.error} /> : null}
        {datasets.state.status === "ready" ? (
          <DatasetList
            datasets={datasets.state.data}
            canAdd={project.state.data.role !== "viewer"}
            onAddExample={async () => {
              const dataset = await addExampleDataset(projectId);
              navigate(`/datasets/${encodeURIComponent(dataset.id)}`);
            }}
          />
        ) : null}
      </section>

      <section>
        <ExplainedHeading term={t("guide.project.experimentTerm")} text={t("guide.project.explainExperiment")}>
          {t("project.experimentsHeading")}
        </ExplainedHeading>
        {experiments.state.status === "loading" ? <Loading /> : null}
        {experiments.state.status === "error" ? <ErrorAlert error={experiments.state.error} /> : null}
        {experiments.state.status === "ready" ? (
          <ExperimentList experiments={experiments.state.data} />
        ) : null}
      </section>
    </>
  );
}

function DatasetList({
  datasets,
  canAdd,
  onAddExample,
}: {
  datasets: Dataset[];
  canAdd: boolean;
  onAddExample: () => Promise<void>;
}) {
  const { t, number, date } = useI18n();
  if (datasets.length === 0) {
    return (
      <div className="empty-state" data-testid="datasets-empty">
        <p className="empty">{t("guide.project.noDatasets")}</p>
        {canAdd ? <AddExampleButton onAdd={onAddExample} /> : null}
      </div>
    );
  }
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

function AddExampleButton({ onAdd }: { onAdd: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAdd();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" data-testid="add-example" onClick={add} disabled={busy}>
        {busy ? t("guide.home.exampleBusy") : t("guide.project.addExample")}
      </button>
      {error ? <ErrorAlert error={error} testId="example-error" /> : null}
    </>
  );
}

function ExperimentList({ experiments }: { experiments: Experiment[] }) {
  const { t, label, date } = useI18n();
  if (experiments.length === 0) {
    return (
      <p className="empty" data-testid="experiments-empty">
        {t("guide.project.noExperiments")}
      </p>
    );
  }
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
