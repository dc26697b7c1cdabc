import { describe, expect, it } from "vitest";
import { type Rgb, contrastRatio, mix, parseHexColor, relativeLuminance, toHexColor } from "../../src/taskpane/colors";
import { type OfficeThemeColors, type ThemedRoot, applyTheme, themeProperties } from "../../src/taskpane/theme";

/** Office's themes as Excel reports them (body and control colours). */
const THEMES: Record<string, OfficeThemeColors> = {
  white: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false },
  colorful: { bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" },
  darkGray: { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#6A6A6A", controlForegroundColor: "#FFFFFF", isDarkTheme: true },
  black: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF" },
};

/** The lowest contrast between the theme's texts and the backgrounds they sit on in the pane. */
function lowestTextContrast(properties: Record<string, string>): number {
  const color = (name: string) => parseHexColor(properties[name]) as Rgb;
  const pairs: [string, string][] = [
    ["--text", "--surface"],
    ["--text", "--surface-alt"],
    ["--text", "--surface-header"],
    ["--text-secondary", "--surface"],
    ["--text-secondary", "--surface-header"],
    ["--control-text", "--control-surface"],
  ];
  for (const kind of ["warning", "error", "success"]) if (properties[`--${kind}-text`]) pairs.push([`--${kind}-text`, `--${kind}-bg`]);
  if (properties["--link"]) pairs.push(["--link", "--surface"], ["--link", "--brand-tint"]);
  return Math.min(...pairs.map(([text, background]) => contrastRatio(color(text), color(background))));
}

describe("colours", () => {
  it("reads and writes hexadecimal triplets", () => {
    expect(parseHexColor("#FFA500")).toEqual([255, 165, 0]);
    expect(parseHexColor("#fa0")).toEqual([255, 170, 0]);
    for (const wrong of ["FFA500", "#FFA50", "#GGGGGG", "orange", "", null, 42]) expect(parseHexColor(wrong), String(wrong)).toBeNull();
    expect(toHexColor([255, 165, 0])).toBe("#ffa500");
    expect(toHexColor(mix([255, 255, 255], [0, 0, 0], 0.5))).toBe("#808080");
  });

  it("measures contrast as WCAG 2 does", () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 12);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 12);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 12);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio(parseHexColor("#767676")!, [255, 255, 255])).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseHexColor("#777777")!, [255, 255, 255])).toBeLessThan(4.5);
  });
});

describe("the pane in Office's theme", () => {
  it("takes the body and control colours as they are", () => {
    const properties = themeProperties(THEMES.black)!;
    expect(properties["--surface"]).toBe("#262626");
    expect(properties["--text"]).toBe("#ffffff");
    expect(properties["--control-surface"]).toBe("#363636");
    expect(properties["--control-text"]).toBe("#ffffff");
    expect(properties["--focus"]).toBe("#ffffff");
  });

  it("keeps every text 4.5:1 or more on its background, in each of Office's themes", () => {
    for (const [name, theme] of Object.entries(THEMES)) {
      expect(lowestTextContrast(themeProperties(theme)!), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gives dark themes their own status colours, judged from the background where Office does not say", () => {
    expect(themeProperties(THEMES.white)!["--error-text"]).toBeUndefined();
    expect(themeProperties(THEMES.colorful)!["--error-text"]).toBeUndefined();
    for (const theme of [THEMES.darkGray, THEMES.black]) {
      const [red, green, blue] = parseHexColor(themeProperties(theme)!["--error-text"])!;
      expect(red).toBeGreaterThan(Math.max(green, blue) + 40);
      expect(relativeLuminance(parseHexColor(themeProperties(theme)!["--error-bg"])!)).toBeLessThan(0.1);
    }
  });

  it("ignores a theme whose colours it cannot read, so the pane keeps its own", () => {
    expect(themeProperties({ ...THEMES.black, bodyBackgroundColor: "black" })).toBeNull();
    expect(themeProperties({ ...THEMES.black, controlForegroundColor: "" })).toBeNull();
  });
});

/** A page root whose inline style is a plain map of custom properties. */
function fakeRoot(): ThemedRoot & { properties: Map<string, string> } {
  const properties = new Map<string, string>();
  const style = {
    setProperty: (name: string, value: string | null) => void properties.set(name, value ?? ""),
    removeProperty: (name: string) => {
      const value = properties.get(name) ?? "";
      properties.delete(name);
      return value;
    },
  };
  return { style, dataset: {}, properties };
}

describe("applying a theme to the page", () => {
  it("leaves exactly the new theme's properties when the theme changes, none of the dark accents after a light theme", () => {
    const root = fakeRoot();
    expect(applyTheme(root, THEMES.black)).toBe(true);
    expect(root.dataset.theme).toBe("dark");
    expect(root.properties.has("--link")).toBe(true);
    expect(applyTheme(root, THEMES.white)).toBe(true);
    expect(root.dataset.theme).toBe("light");
    expect(Object.fromEntries(root.properties)).toEqual(themeProperties(THEMES.white));
    for (const name of ["--link", "--brand-tint", "--warning-text", "--error-bg", "--success-stroke"]) expect(root.properties.has(name), name).toBe(false);
  });

  it("leaves the page as it was for a theme it cannot read", () => {
    const root = fakeRoot();
    applyTheme(root, THEMES.black);
    const before = Object.fromEntries(root.properties);
    expect(applyTheme(root, { ...THEMES.white, bodyBackgroundColor: "white" })).toBe(false);
    expect(Object.fromEntries(root.properties)).toEqual(before);
    expect(root.dataset.theme).toBe("dark");
  });
});
