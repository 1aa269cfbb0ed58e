import { describe, expect, it } from "vitest";
import {
  compareHref,
  DEFAULT_VIEW,
  parseCompare,
  parseView,
  toggleSort,
  viewQuery,
  writeView,
} from "../../../src/components/leaderboard/urlState";

describe("leaderboard view in the URL", () => {
  it("reads the defaults from an empty query", () => {
    expect(parseView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it("round-trips a full view and keeps other parameters", () => {
    const view = {
      page: 3,
      pageSize: 100,
      sort: "fit_time" as const,
      order: "desc" as const,
      algorithms: ["lightgbm", "random_forest"],
      states: ["complete"],
      scoreMin: 0.5,
      scoreMax: 0.9,
    };
    const params = writeView(view, new URLSearchParams("tab=charts"));
    expect(params.get("tab")).toBe("charts");
    expect(params.toString()).toBe(
      "tab=charts&page=3&size=100&sort=fit_time&order=desc&algorithm=lightgbm%2Crandom_forest&state=complete&min=0.5&max=0.9",
    );
    expect(parseView(params)).toEqual(view);
  });

  it("leaves defaults out of the URL", () => {
    expect(writeView(DEFAULT_VIEW, new URLSearchParams()).toString()).toBe("");
  });

  it("ignores invalid values instead of failing", () => {
    const view = parseView(new URLSearchParams("page=-2&size=7&sort=params&order=up&state=sleeping,failed&min=x"));
    expect(view).toEqual({ ...DEFAULT_VIEW, states: ["failed"] });
  });

  it("asks the API for the page and the filters", () => {
    const view = { ...DEFAULT_VIEW, page: 2, algorithms: ["lightgbm"], scoreMin: 0.1 };
    expect(viewQuery(view, true).toString()).toBe("sort=score&page=2&page_size=50&algorithm=lightgbm&score_min=0.1");
    expect(viewQuery(view, false).toString()).toBe("sort=score&algorithm=lightgbm&score_min=0.1");
  });

  it("flips the sorted column and sorts a new one in its natural order, from page one", () => {
    const onPage3 = { ...DEFAULT_VIEW, page: 3 };
    expect(toggleSort(onPage3, "score", true)).toEqual({ ...DEFAULT_VIEW, order: "asc" });
    expect(toggleSort({ ...DEFAULT_VIEW, order: "asc" }, "score", false)).toEqual({ ...DEFAULT_VIEW, order: "desc" });
    expect(toggleSort(onPage3, "fit_time", true)).toEqual({ ...DEFAULT_VIEW, sort: "fit_time" });
  });

  it("writes and reads the compare page's selections", () => {
    const href = compareHref(["4:2", "4:final"]);
    expect(href).toBe("/compare?trials=4%3A2%2C4%3Afinal");
    expect(parseCompare(new URLSearchParams(href.split("?")[1]))).toEqual(["4:2", "4:final"]);
  });
});
