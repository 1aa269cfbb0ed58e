/** Sign in; sends a fresh installation to the first-run page instead. */
import { Navigate, useLocation, useNavigate } from "react-router";
import { needsSetup } from "../api/client";
import { useAuth } from "../auth/AuthProvider";
import { CredentialsForm } from "../components/CredentialsForm";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

/** Where to go after signing in: back to the page that sent us here, else the projects. */
function destination(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === "string" && from.startsWith("/") && from !== "/login") return from;
  }
  return "/";
}

export function LoginPage() {
  const { t } = useI18n();
  const { state: auth, signIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const setup = useApi(needsSetup, []);
  useDocumentTitle(t("login.title"));

  if (auth.status === "signed-in") return <Navigate to={destination(location.state)} replace />;
  if (setup.state.status === "loading") return <Loading />;
  if (setup.state.status === "ready" && setup.state.data) return <Navigate to="/setup" replace />;

  return (
    <section className="card narrow">
      <h1>{t("login.title")}</h1>
      {setup.state.status === "error" ? <ErrorAlert error={setup.state.error} /> : null}
      <CredentialsForm
        testIdPrefix="login"
        usernameLabel={t("login.username")}
        passwordLabel={t("login.password")}
        submitText={t("login.submit")}
        busyText={t("login.submitting")}
        onSubmit={async (username, password) => {
          await signIn(username, password);
          navigate(destination(location.state), { replace: true });
        }}
      />
    </section>
  );
}
