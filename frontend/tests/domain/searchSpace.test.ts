import { describe, expect, it } from "vitest";
import {
  activeParams,
  budgetFor,
  buildConfiguration,
  defaultTexts,
  errorsByParam,
  parseValue,
  stepOf,
  type ParamSpec,
} from "../../src/domain/searchSpace";

// A family with a conditional parameter, as h2's MLP architecture is declared.
const MLP: ParamSpec[] = [
  { type: "int", name: "n_layers", low: 1, high: 3, log: false },
  { type: "int", name: "units_1", low: 8, high: 256, log: true },
  { type: "int", name: "units_2", low: 8, high: 256, log: true, condition: { parent: "n_layers", values: [2, 3] } },
  { type: "int", name: "units_3", low: 8, high: 256, log: true, condition: { parent: "n_layers", values: [3] } },
  { type: "cat", name: "activation", choices: ["relu", "tanh"] },
  { type: "float", name: "alpha", low: 0.0001, high: 1, log: true },
  { type: "float", name: "momentum", low: 0, high: 1, log: false },
];

describe("effort presets", () => {
  it("give one, five and thirty minutes", () => {
    expect(budgetFor("fast", "", "seconds")).toBe(60);
    expect(budgetFor("balanced", "", "seconds")).toBe(300);
    expect(budgetFor("best", "7", "minutes")).toBe(1800);
  });

  it("take a custom whole number in seconds or minutes, at least ten seconds", () => {
    expect(budgetFor("custom", "90", "seconds")).toBe(90);
    expect(budgetFor("custom", "2", "minutes")).toBe(120);
    expect(budgetFor("custom", "9", "seconds")).toBeNull();
    expect(budgetFor("custom", "1.5", "minutes")).toBeNull();
    expect(budgetFor("custom", "", "seconds")).toBeNull();
  });
});

describe("active parameters", () => {
  it("show a conditional parameter only when its parent holds one of its values", () => {
    const names = (n: number) => activeParams(MLP, { n_layers: n }).map((p) => p.name);
    expect(names(1)).toEqual(["n_layers", "units_1", "activation", "alpha", "momentum"]);
    expect(names(2)).toContain("units_2");
    expect(names(2)).not.toContain("units_3");
    expect(names(3)).toEqual(expect.arrayContaining(["units_2", "units_3"]));
  });

  it("do not count a parent whose value has another type (the string '2' is not 2)", () => {
    expect(activeParams(MLP, { n_layers: "2" }).map((p) => p.name)).not.toContain("units_2");
  });

  it("leave inactive parameters out of the configuration even when their text is set", () => {
    const texts = { ...defaultTexts(MLP), n_layers: "1", units_2: "64" };
    const { configuration, problems } = buildConfiguration("mlp", MLP, texts);
    expect(problems).toEqual({});
    expect(Object.keys(configuration.params)).not.toContain("units_2");
    expect(configuration.params.activation).toBe("relu");
  });
});

describe("typed values", () => {
  it("are checked for type and range before the server is asked", () => {
    const [nLayers, , , , activation, alpha] = MLP as [ParamSpec, ParamSpec, ParamSpec, ParamSpec, ParamSpec, ParamSpec];
    expect(parseValue(nLayers, "two")).toEqual({ problem: "notNumber" });
    expect(parseValue(nLayers, "1.5")).toEqual({ problem: "notInteger" });
    expect(parseValue(nLayers, "4")).toEqual({ problem: "outOfRange" });
    expect(parseValue(alpha, "0.01")).toEqual({ value: 0.01 });
    expect(parseValue(activation, "1")).toEqual({ value: "tanh" });
    const { problems } = buildConfiguration("mlp", MLP, { ...defaultTexts(MLP), alpha: "5" });
    expect(problems).toEqual({ alpha: "outOfRange" });
  });

  it("start in the middle of the range, geometrically on a log scale", () => {
    const texts = defaultTexts(MLP);
    expect(texts.n_layers).toBe("2");
    expect(texts.units_1).toBe("45"); // sqrt(8 * 256)
    expect(texts.momentum).toBe("0.5");
  });

  it("step by whole numbers for integers and freely on a log scale", () => {
    expect(stepOf(MLP[0] as ParamSpec)).toBe("1");
    expect(stepOf(MLP[5] as ParamSpec)).toBe("any");
    expect(stepOf(MLP[6] as ParamSpec)).toBe("0.01");
  });
});

describe("server errors", () => {
  it("are grouped by the parameter they name", () => {
    const errors = {
      "params.alpha": ["mlp.alpha=5 is not allowed"],
      algorithm: ["Unknown algorithm"],
      params: ["missing parameters ['units_1']"],
      "initial_configurations.1.params.units_1": ["bad units"],
    };
    expect(errorsByParam(errors)).toEqual({
      alpha: ["mlp.alpha=5 is not allowed"],
      algorithm: ["Unknown algorithm"],
      "": ["missing parameters ['units_1']", "bad units"],
    });
    expect(errorsByParam(errors, "initial_configurations.1.")).toEqual({ units_1: ["bad units"] });
  });
});
