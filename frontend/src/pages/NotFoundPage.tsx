/** Any address the app does not know. */
import { Link } from "react-router";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t("notFound.title"));
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <Link to="/">{t("notFound.home")}</Link>
    </section>
  );
}
