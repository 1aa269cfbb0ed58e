import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { ko } from "../../src/i18n/ko";
import { placeholders, translate } from "../../src/i18n/translate";

/** Keys of `reference` that `candidate` lacks or leaves blank. */
function untranslated(reference: Record<string, string>, candidate: Record<string, string>): string[] {
  return Object.keys(reference).filter((key) => !candidate[key]?.trim());
}

describe("the Korean dictionary", () => {
  it("translates every English key", () => {
    expect(untranslated(en, ko)).toEqual([]);
  });

  it("has no keys that English lacks", () => {
    expect(Object.keys(ko).filter((key) => !(key in en))).toEqual([]);
  });

  it("uses the same placeholders as English in every message", () => {
    const mismatched = Object.entries(en)
      .filter(([key, english]) => {
        const korean = (ko as Record<string, string>)[key] ?? "";
        return placeholders(english).join() !== placeholders(korean).join();
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("the completeness check", () => {
  it("reports a key whose translation is missing or blank", () => {
    expect(untranslated({ a: "A", b: "B", c: "C" }, { a: "ㄱ", c: "  " })).toEqual(["b", "c"]);
  });
});

describe("translate", () => {
  it("fills placeholders in the chosen language", () => {
    expect(translate("en", "header.signedInAs", { username: "alice" })).toBe("Signed in as alice");
    expect(translate("ko", "header.signedInAs", { username: "alice" })).toBe("alice 님으로 로그인됨");
  });
});
