/** Shows an error to the user in words they can act on, announced to screen readers. */
import { ApiError, NETWORK_ERROR, SERVER_ERROR } from "../api/errors";
import type { I18n } from "../i18n/I18nProvider";
import { useI18n } from "../i18n/I18nProvider";

/**
 * The sentence to show for any thrown value: what went wrong and what to do next. A 404 always
 * gets our own advice (the server only says "not found"); other errors keep the server's
 * explanation when it sent one (translated and specific), else get ours. Never a stack trace.
 */
export function describeError(error: unknown, t: I18n["t"]): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t("guide.error.notFound");
    if (error.hasServerMessage) return error.message;
    if (error.code === NETWORK_ERROR) return t("guide.error.network");
    if (error.status === 401) return t("guide.error.signedOut");
    if (error.status === 403) return t("guide.error.forbidden");
    if (error.status === 413) return t("guide.error.tooLarge");
    if (error.code === SERVER_ERROR || error.status >= 400) {
      return t("guide.error.server", { status: error.status });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return t("error.unexpected", { message });
}

export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="alert alert-error" data-testid={testId}>
      {describeError(error, t)}
    </div>
  );
}
