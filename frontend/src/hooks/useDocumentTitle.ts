/** Name the browser tab after the page, so tabs and screen-reader announcements say where you are. */
import { useEffect } from "react";

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Daria` : "Daria";
  }, [title]);
}
