import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import glossary from "../../src/i18n/glossary.json";
import { ko } from "../../src/i18n/ko";

interface Entry {
  en: string;
  ko: string;
  avoid: string[];
  always: boolean;
}

/** True when the English message names the term (singular or plural), placeholders aside. */
function names(english: string, term: string): boolean {
  return new RegExp(`\\b${term}s?\\b`, "i").test(english.replace(/\{\w+\}/g, ""));
}

/** One line per Korean message that breaks the glossary: a variant to avoid, or no Korean term. */
function glossaryProblems(entries: Entry[], english: Record<string, string>, korean: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(korean)) {
    for (const entry of entries) {
      for (const variant of entry.avoid.filter((avoided) => text.includes(avoided))) {
        problems.push(`${key}: “${variant}” for “${entry.en}”; write “${entry.ko}”`);
      }
      if (entry.always && names(english[key] ?? "", entry.en) && !text.includes(entry.ko)) {
        problems.push(`${key}: names “${entry.en}” in English but not “${entry.ko}”`);
      }
    }
  }
  return problems;
}

const entries: Entry[] = glossary.entries;

describe("the Korean glossary", () => {
  it("is followed by every Korean message", () => {
    expect(glossaryProblems(entries, en, ko)).toEqual([]);
  });

  it("lists each term once, with variants that differ from the chosen term", () => {
    expect(new Set(entries.map((entry) => entry.en)).size).toBe(entries.length);
    for (const entry of entries) expect(entry.avoid).not.toContain(entry.ko);
  });
});

describe("the glossary check", () => {
  const trial: Entry = { en: "trial", ko: "시도", avoid: ["트라이얼", "시행"], always: true };

  it("reports a variant to avoid and a message that drops the term", () => {
    const english = { a: "Compare trials", b: "Trial {number}", c: "No trial yet", d: "Retry" };
    const korean = { a: "트라이얼 비교", b: "시행 {number}", c: "아직 없습니다", d: "다시 시도" };
    expect(glossaryProblems([trial], english, korean)).toEqual([
      "a: “트라이얼” for “trial”; write “시도”",
      "a: names “trial” in English but not “시도”",
      "b: “시행” for “trial”; write “시도”",
      "b: names “trial” in English but not “시도”",
      "c: names “trial” in English but not “시도”",
    ]);
  });

  it("ignores a term that only appears as a placeholder name", () => {
    expect(glossaryProblems([{ ...trial, en: "target" }], { a: "Predict “{target}”" }, { a: "“{target}” 예측" })).toEqual([]);
  });
});
