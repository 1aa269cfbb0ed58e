/**
 * A trained model: what it is, how good it is (metrics and charts on out-of-fold predictions),
 * what drives its predictions, and predictions on new rows.
 */
import { Link, useParams } from "react-router";
import { getModel } from "../api/client";
import type { Id, TrainedModel } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { MetricsTable } from "../components/model/MetricsTable";
import { ModelExports } from "../components/model/ModelExports";
import { ModelInsights } from "../components/model/ModelInsights";
import { Stepper } from "../components/Stepper";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function ModelPage() {
  const { id = "" } = useParams();
  return <ModelView key={id} modelId={id} />;
}

function ModelView({ modelId }: { modelId: Id }) {
  const { t } = useI18n();
  const model = useApi(() => getModel(modelId), [modelId]);
  useDocumentTitle(
    model.state.status === "ready" ? t("model.title", { algorithm: model.state.data.algorithm }) : null,
  );

  if (model.state.status === "loading") return <Loading />;
  if (model.state.status === "error") return <ErrorAlert error={model.state.error} />;
  const data = model.state.data;

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/projects/${encodeURIComponent(data.projectId)}`}>{t("header.home")}</Link>
        {" / "}
        <Link to={`/experiments/${encodeURIComponent(data.experimentId)}`}>{t("model.experiment")}</Link>
      </p>
      <h1>{t("model.title", { algorithm: data.algorithm })}</h1>
      <Stepper current="use" />
      <ModelSummary model={data} />
      <section>
        <h2>{t("model.metricsHeading")}</h2>
        <p className="muted">{t("results.metricsIntro")}</p>
        <MetricsTable metrics={data.metrics} chosen={data.metric} />
      </section>
      <ModelExports model={data} />
      <ModelInsights model={data} />
    </>
  );
}

function ModelSummary({ model }: { model: TrainedModel }) {
  const { t, label, number, date } = useI18n();
  return (
    <section className="card">
      <dl className="summary">
        <div>
          <dt>{t("model.algorithm")}</dt>
          <dd>{model.algorithm}</dd>
        </div>
        <div>
          <dt>{t("model.target")}</dt>
          <dd>{model.target}</dd>
        </div>
        <div>
          <dt>{t("model.task")}</dt>
          <dd>{label("task", model.task)}</dd>
        </div>
        <div>
          <dt>{t("model.metric")}</dt>
          <dd>{model.metric}</dd>
        </div>
        <div>
          <dt>{t("model.score")}</dt>
          <dd data-testid="model-score">{model.score === null ? t("common.none") : number(model.score)}</dd>
        </div>
        <div>
          <dt>{t("model.createdAt")}</dt>
          <dd>{date(model.createdAt)}</dd>
        </div>
        {model.classes.length > 0 ? (
          <div>
            <dt>{t("model.classes")}</dt>
            <dd>{model.classes.join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("model.features")}</dt>
          <dd>{model.featureNames.join(", ")}</dd>
        </div>
      </dl>
      <p>
        <a className="button-link" href={model.downloadUrl} download data-testid="model-download">
          {t("model.download")}
        </a>
      </p>
    </section>
  );
}
