/** The signed-in user's API tokens: create one (its secret is shown once), list, revoke. */
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { createApiToken, listApiTokens, revokeApiToken } from "../api/client";
import type { ApiToken, CreatedApiToken } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

export function TokensPage() {
  const { t } = useI18n();
  const tokens = useApi(listApiTokens, []);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  useDocumentTitle(t("tokens.title"));

  return (
    <>
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {created ? <NewSecret token={created} /> : null}
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token);
          tokens.reload();
        }}
      />
      {tokens.state.status === "loading" ? <Loading /> : null}
      {tokens.state.status === "error" ? <ErrorAlert error={tokens.state.error} /> : null}
      {tokens.state.status === "ready" ? (
        <TokenList tokens={tokens.state.data} onRevoked={tokens.reload} />
      ) : null}
    </>
  );
}

function NewSecret({ token }: { token: CreatedApiToken }) {
  const { t } = useI18n();
  return (
    <section className="card" role="status">
      <h2>{t("tokens.createdHeading")}</h2>
      <p>{t("tokens.shownOnce")}</p>
      <input readOnly data-testid="token-secret" value={token.secret} onFocus={(e) => e.target.select()} />
      <p>
        <code>{t("tokens.usage", { token: token.secret })}</code>
      </p>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useI18n();
  const nameId = useId();
  const daysId = useId();
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await createApiToken(name.trim(), Number(days)));
      setName("");
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>{t("tokens.createHeading")}</h2>
      <form className="row" onSubmit={submit}>
        <label htmlFor={nameId}>{t("tokens.name")}</label>
        <input
          id={nameId}
          data-testid="token-name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={daysId}>{t("tokens.days")}</label>
        <input
          id={daysId}
          type="number"
          min={1}
          max={365}
          required
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
        <button type="submit" data-testid="token-create" disabled={busy}>
          {t("tokens.create")}
        </button>
      </form>
      {error ? <ErrorAlert error={error} testId="token-error" /> : null}
    </section>
  );
}

function TokenList({ tokens, onRevoked }: { tokens: ApiToken[]; onRevoked: () => void }) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  if (tokens.length === 0) return <p className="empty">{t("tokens.empty")}</p>;

  const revoke = async (token: ApiToken) => {
    if (!window.confirm(t("tokens.confirmRevoke", { name: token.name || token.tokenKey }))) return;
    setError(null);
    try {
      await revokeApiToken(token.id);
      onRevoked();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="card">
      <ul className="item-list" data-testid="token-list">
        {tokens.map((token) => (
          <li key={token.id}>
            <strong>{token.name || t("tokens.unnamed")}</strong>{" "}
            <code>{token.tokenKey}…</code>
            <span className="meta">
              {t("tokens.expires", { date: date(token.expiresAt) })}
            </span>
            <button type="button" onClick={() => void revoke(token)}>
              {t("tokens.revoke")}
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
