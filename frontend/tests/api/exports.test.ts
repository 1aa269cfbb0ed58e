import { describe, expect, it } from "vitest";
import { curlSnippet, pythonSnippet, reportUrl, scriptUrl } from "../../src/api/exports";

/** What a POSIX shell makes of one single-quoted word that uses the '\'' idiom. */
function shellUnquote(word: string): string {
  expect(word.startsWith("'") && word.endsWith("'")).toBe(true);
  return word.slice(1, -1).split("'\\''").join("'");
}

describe("export snippets and links", () => {
  it("quotes a hostile column name so the shell passes the JSON through unchanged", () => {
    const row = { "it's; rm -rf ~": null, plain: null };
    const snippet = curlSnippet("http://daria.test", "/api/v1/models/7/predict/", row);
    const dataLine = snippet.split("\n").find((line) => line.trim().startsWith("-d "));
    expect(dataLine).toBeDefined();
    const body = JSON.parse(shellUnquote(dataLine!.trim().slice(3)));
    expect(body).toEqual({ rows: [row] });
    expect(snippet).toContain("'http://daria.test/api/v1/models/7/predict/'");
  });

  it("names the model and the origin in the Python snippet", () => {
    const code = pythonSnippet("https://daria.example.com", "42");
    expect(code).toContain('Client("https://daria.example.com", token="YOUR_TOKEN")');
    expect(code).toContain("client.models.get(42)");
    expect(code).toContain("https://daria.example.com/api/v1/client.py");
  });

  it("builds the report, record and script links", () => {
    expect(reportUrl("12", "ko")).toBe("/api/v1/experiments/12/report/?lang=ko");
    expect(scriptUrl("12", 3)).toBe("/api/v1/experiments/12/trials/3/script/");
  });
});
