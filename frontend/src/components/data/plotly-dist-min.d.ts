/** The few plotly.js functions Daria uses (the dist bundle ships no type declarations). */
declare module "plotly.js-dist-min" {
  export function react(
    root: HTMLElement,
    data: unknown[],
    layout: Record<string, unknown>,
    config?: Record<string, unknown>,
  ): Promise<unknown>;
  export function purge(root: HTMLElement): void;
  export function register(module: unknown): void;
}

/** A plotly.js locale module (moduleType "locale"): the Korean one. */
declare module "plotly.js-locales/ko" {
  const locale: { moduleType: "locale"; name: string; dictionary: Record<string, string> };
  export default locale;
}
