/**
 * Light or dark colours: the user's choice (system, light or dark), remembered in this browser and
 * applied as `data-theme` on <html>, which the CSS variables in styles.css key on. "System"
 * removes the attribute so that `prefers-color-scheme` decides.
 */
import { useSyncExternalStore } from "react";

export type ThemeChoice = "system" | "light" | "dark";
export type Theme = "light" | "dark";
export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

const STORAGE_KEY = "daria.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function asChoice(value: string | null | undefined): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? "system";
}

let choice: ThemeChoice = asChoice(storage()?.getItem(STORAGE_KEY));

function systemPrefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;
}

/** The colours actually shown for a choice, given whether the system asks for dark. */
export function resolveTheme(current: ThemeChoice, systemDark: boolean): Theme {
  if (current === "system") return systemDark ? "dark" : "light";
  return current;
}

/** Put the choice on <html> (no attribute for "system"). */
export function applyTheme(current: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (current === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", current);
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Remember and apply a new choice. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  storage()?.setItem(STORAGE_KEY, next);
  applyTheme(next);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const query = typeof matchMedia === "function" ? matchMedia(DARK_QUERY) : null;
  query?.addEventListener("change", listener);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener("change", listener);
  };
}

/** The user's choice (system, light or dark); re-renders when it changes. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice, () => "system");
}

/** The colours shown now (light or dark); follows both the choice and the system setting. */
export function useTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => resolveTheme(choice, systemPrefersDark()),
    () => "light",
  );
}

if (typeof document !== "undefined") applyTheme(choice);
