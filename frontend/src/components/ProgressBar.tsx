/** An accessible progress bar; `value` is a fraction between 0 and 1. */
export function ProgressBar({ value, label, text }: { value: number; label: string; text?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {text ? (
        <span className="progress-text" role="status">
          {text}
        </span>
      ) : null}
    </div>
  );
}
