/** A user name + password form, shared by sign-in and first-run setup. */
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ErrorAlert } from "./ErrorAlert";

export interface CredentialsFormProps {
  /** `data-testid` prefix: `login` gives `login-username`, `login-password`, `login-submit`. */
  testIdPrefix: string;
  usernameLabel: string;
  passwordLabel: string;
  submitText: string;
  busyText: string;
  /** A new password is being chosen (browser password managers treat the field differently). */
  newPassword?: boolean;
  onSubmit: (username: string, password: string) => Promise<void>;
}

export function CredentialsForm(props: CredentialsFormProps) {
  const usernameId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(username, password);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="stack narrow" onSubmit={submit}>
      <label htmlFor={usernameId}>{props.usernameLabel}</label>
      <input
        id={usernameId}
        data-testid={`${props.testIdPrefix}-username`}
        autoComplete="username"
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor={passwordId}>{props.passwordLabel}</label>
      <input
        id={passwordId}
        type="password"
        data-testid={`${props.testIdPrefix}-password`}
        autoComplete={props.newPassword ? "new-password" : "current-password"}
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" data-testid={`${props.testIdPrefix}-submit`} disabled={busy}>
        {busy ? props.busyText : props.submitText}
      </button>
      {error ? <ErrorAlert error={error} testId={`${props.testIdPrefix}-error`} /> : null}
    </form>
  );
}
