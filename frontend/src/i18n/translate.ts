/** Pure translation: dictionaries, key lookup and `{placeholder}` interpolation. */
import { en, type MessageKey } from "./en";
import { ko } from "./ko";

export type Language = "en" | "ko";
export const LANGUAGES: readonly Language[] = ["en", "ko"];

/** Values substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ko };

/** Replace each `{name}` in the template with `params.name`; unknown names stay as written. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message for `key` in `language`, falling back to English when a translation is empty. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[language][key] || en[key];
  return interpolate(template, params);
}

/** True when the string is a message key (used to translate server codes we may not know). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The placeholder names used in a template, sorted; the completeness test compares them. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}
