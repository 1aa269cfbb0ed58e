/** Pick one file and send it, showing byte progress and any error the server explains. */
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import type { ProgressHandler } from "../api/client";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorAlert } from "./ErrorAlert";
import { ProgressBar } from "./ProgressBar";

export interface UploadFormProps {
  label: string;
  help?: string;
  buttonText: string;
  accept?: string;
  fileTestId: string;
  buttonTestId: string;
  errorTestId: string;
  /** Send the file; resolve when done, reject with the error to show. */
  upload: (file: File, onProgress: ProgressHandler) => Promise<void>;
}

type Progress = { loaded: number; total: number } | null;

export function UploadForm(props: UploadFormProps) {
  const { t, number } = useI18n();
  const inputId = useId();
  const helpId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setError(null);
    setMissingFile(!file);
    if (!file) return;
    setProgress({ loaded: 0, total: file.size });
    try {
      await props.upload(file, (loaded, total) => setProgress({ loaded, total }));
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  };

  const fraction = progress && progress.total > 0 ? progress.loaded / progress.total : 0;
  const progressText =
    fraction >= 1
      ? t("common.processing")
      : t("common.uploading", { percent: number(Math.round(fraction * 100)) });

  return (
    <form className="upload-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId}>{props.label}</label>
      {props.help ? (
        <p id={helpId} className="help">
          {props.help}
        </p>
      ) : null}
      <div className="row">
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={props.accept}
          data-testid={props.fileTestId}
          aria-describedby={props.help ? helpId : undefined}
          disabled={progress !== null}
        />
        <button type="submit" data-testid={props.buttonTestId} disabled={progress !== null}>
          {props.buttonText}
        </button>
      </div>
      {progress ? (
        <ProgressBar value={fraction} label={t("common.uploadProgress")} text={progressText} />
      ) : null}
      {missingFile ? (
        <div role="alert" className="alert alert-error" data-testid={props.errorTestId}>
          {t("project.chooseFile")}
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} testId={props.errorTestId} /> : null}
    </form>
  );
}
