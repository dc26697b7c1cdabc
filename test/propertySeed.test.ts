import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROPERTY_SEED, propertySeed } from "./propertySeed";

describe("the property tests' seed", () => {
  it("is fixed, so that two runs draw the same values, and FC_SEED changes it", () => {
    expect(fc.readConfigureGlobal().seed).toBe(PROPERTY_SEED);
    const draws = () => fc.sample(fc.double(), 20);
    expect(draws()).toEqual(draws());
    expect(propertySeed(undefined)).toBe(propertySeed(""));
    expect(propertySeed("42")).toBe(42);
    expect(() => propertySeed("forty")).toThrow(/FC_SEED must be a whole number/);
  });
});
