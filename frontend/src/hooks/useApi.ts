/** Load data for a page, with loading and error states, again whenever its inputs change. */
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nProvider";

export type Loadable<T> =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; data: T };

export interface ApiResource<T> {
  state: Loadable<T>;
  /** Fetch again (e.g. after creating something). */
  reload: () => void;
}

/**
 * Run `load` on mount and whenever `deps` or the UI language change (the server translates
 * messages, so a new language means new text). A stale answer never overwrites a newer one.
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiResource<T> {
  const { language } = useI18n();
  const [state, setState] = useState<Loadable<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (current) setState({ status: "error", error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `deps` says when it really changes.
  }, [...deps, language, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}
