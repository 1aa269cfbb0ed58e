/** First run: create the first administrator, then sign in as them. */
import { Navigate, useNavigate } from "react-router";
import { createFirstAdmin, needsSetup } from "../api/client";
import { useAuth } from "../auth/AuthProvider";
import { CredentialsForm } from "../components/CredentialsForm";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function SetupPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const setup = useApi(needsSetup, []);
  useDocumentTitle(t("setup.title"));

  if (setup.state.status === "loading") return <Loading />;
  if (setup.state.status === "error") return <ErrorAlert error={setup.state.error} />;
  if (!setup.state.data) return <Navigate to="/login" replace />;

  return (
    <section className="card narrow">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <CredentialsForm
        testIdPrefix="setup"
        usernameLabel={t("setup.username")}
        passwordLabel={t("setup.password")}
        submitText={t("setup.submit")}
        busyText={t("setup.submitting")}
        newPassword
        onSubmit={async (username, password) => {
          await createFirstAdmin(username, password);
          await signIn(username, password);
          navigate("/", { replace: true });
        }}
      />
    </section>
  );
}
