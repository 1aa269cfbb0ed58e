/** Shows an error to the user in words they can act on, announced to screen readers. */
import { ApiError, NETWORK_ERROR, SERVER_ERROR } from "../api/errors";
import type { I18n } from "../i18n/I18nProvider";
import { useI18n } from "../i18n/I18nProvider";

/** The sentence to show for any thrown value. */
export function describeError(error: unknown, t: I18n["t"]): string {
  if (error instanceof ApiError) {
    if (error.hasServerMessage) return error.message;
    if (error.code === NETWORK_ERROR) return t("error.network");
    if (error.code === SERVER_ERROR || error.status >= 400) {
      return t("error.server", { status: error.status });
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
