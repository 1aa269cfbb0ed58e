/**
 * A "What is this?" button that shows one plain sentence about a term right below it. A real
 * <button> with `aria-expanded`, so it works with the keyboard (Enter, Space) and screen readers;
 * Escape closes it again.
 */
import { useId, useState } from "react";
import type { KeyboardEvent, ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider";

export interface ExplainProps {
  /** The term explained, in the reader's language; names the button for screen readers. */
  term: string;
  /** The one-sentence explanation, in the reader's language. */
  text: string;
  testId?: string;
}

export function Explain({ term, text, testId }: ExplainProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span className="explain" onKeyDown={onKeyDown} data-testid={testId}>
      <button
        type="button"
        className="explain-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("guide.explain.buttonFor", { term })}
        title={t("guide.explain.button")}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">?</span>
      </button>
      <span id={panelId} className="explain-text" role="note" hidden={!open}>
        {text}
      </span>
    </span>
  );
}

/** A section heading followed by its "What is this?" button (kept out of the heading's name). */
export function ExplainedHeading({
  children,
  id,
  ...explain
}: ExplainProps & { children: ReactNode; id?: string }) {
  return (
    <div className="explained-heading">
      <h2 id={id}>{children}</h2>
      <Explain {...explain} />
    </div>
  );
}
