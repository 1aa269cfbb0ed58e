/**
 * The frame of every page: header with app name, language, colour and time-zone switches and the
 * signed-in user.
 */
import { useState } from "react";
import { Link, Outlet, useNavigate } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import { LanguageSelect } from "./LanguageSelect";
import { ThemeSelect } from "./ThemeSelect";
import { TimeZoneSelect } from "./TimeZoneSelect";

export function Layout() {
  const { t } = useI18n();
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  const onSignOut = async () => {
    setError(null);
    try {
      await signOut();
      navigate("/login");
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="app-name">
          {t("app.name")}
        </Link>
        <div className="header-tools">
          <LanguageSelect />
          <ThemeSelect />
          <TimeZoneSelect />
          {state.status === "signed-in" ? (
            <>
              <span
                className="user-name"
                data-testid="user-name"
                title={t("header.signedInAs", { username: state.user.username })}
              >
                {state.user.username}
              </span>
              <Link to="/tokens" data-testid="tokens-link">
                {t("header.tokens")}
              </Link>
              <button type="button" data-testid="logout" onClick={onSignOut}>
                {t("header.signOut")}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {error ? <ErrorAlert error={error} /> : null}
        <Outlet />
      </main>
    </>
  );
}
