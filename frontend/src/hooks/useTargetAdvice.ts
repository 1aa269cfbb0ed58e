/** The server's advice on one target column of a dataset, fetched again when either changes. */
import { useEffect, useState } from "react";
import { getTargetAdvice } from "../api/client";
import type { Id, TargetAdvice } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import type { Loadable } from "./useApi";

interface Answer {
  target: string;
  result: Loadable<TargetAdvice>;
}

/**
 * Advice for `target`, or null while no target is chosen. An answer for an earlier target is
 * never shown as this one's: until the new answer arrives the state is "loading". The advice
 * is fetched again when the UI language changes, because the server translates it.
 */
export function useTargetAdvice(datasetId: Id, target: string): Loadable<TargetAdvice> | null {
  const { language } = useI18n();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (target === "") return;
    let current = true;
    getTargetAdvice(datasetId, target).then(
      (data) => {
        if (current) setAnswer({ target, result: { status: "ready", data } });
      },
      (error: unknown) => {
        if (current) setAnswer({ target, result: { status: "error", error } });
      },
    );
    return () => {
      current = false;
    };
  }, [datasetId, target, language]);

  if (target === "") return null;
  return answer?.target === target ? answer.result : { status: "loading" };
}
