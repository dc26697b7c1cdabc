/**
 * The pane in Office's theme: the body and control colours Office reports
 * (`Office.context.officeTheme`) become the pane's CSS custom properties, with the greys between
 * them (secondary text, strokes, header and alternate surfaces) mixed from the two body colours,
 * and, in a dark theme, status colours made for a dark background. Without a theme (a plain
 * browser, a host that has none) the pane keeps the light Fluent colours of taskpane.css. In
 * Windows' forced colours the system's colours replace all of these, as the browser does.
 */
import { type Rgb, contrastRatio, mix, parseHexColor, relativeLuminance, toHexColor } from "./colors";

/** The colours of `Office.context.officeTheme` the pane follows. */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
  /** Black or Dark Gray; not reported by every host, else judged from the body background. */
  readonly isDarkTheme?: boolean;
}

/**
 * The accents of a dark theme (Fluent's dark palette): each text colour, lightened where a
 * background needs it, and the backgrounds tinted from it (a share of the way from the body
 * background to the colour), on the first of which the text sits.
 */
const DARK_ACCENTS: readonly { text: string; color: string; tints: readonly (readonly [string, number])[] }[] = [
  { text: "--warning-text", color: "#f98845", tints: [["--warning-bg", 0.12], ["--warning-stroke", 0.45]] },
  { text: "--error-text", color: "#dc626d", tints: [["--error-bg", 0.12], ["--error-stroke", 0.45]] },
  { text: "--success-text", color: "#54b054", tints: [["--success-bg", 0.12], ["--success-stroke", 0.45]] },
  // The quotes' links, on the body and on a selected dataset's tint.
  { text: "--link", color: "#54b054", tints: [["--brand-tint", 0.18]] },
];

/** A body background darker than this luminance is a dark theme when the host does not say. */
const DARK_LUMINANCE = 0.2;

/** The contrast text needs on its background (WCAG 2 AA). */
const TEXT_CONTRAST = 4.5;

/**
 * `color`, moved towards `foreground` in steps of 5% until it has the text contrast on every
 * one of `backgrounds` (the foreground itself has it on a body background Office chose).
 */
function readable(color: Rgb, foreground: Rgb, backgrounds: readonly Rgb[]): Rgb {
  for (let share = 0; share < 1; share += 0.05) {
    const candidate = mix(color, foreground, share);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= TEXT_CONTRAST)) return candidate;
  }
  return foreground;
}

/**
 * The CSS custom properties of a theme, or null if its colours are not all "#RRGGBB" triplets
 * (then the pane keeps its own). The greys are mixes of the body colours: secondary text 30%
 * of the way from the foreground to the background (still over 4.5:1 on it in Office's themes),
 * disabled text 55%, strokes 12% and 20% from the background, header and alternate surfaces 5%
 * and 2.5%.
 *
 * @example themeProperties({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3b3b3b", controlForegroundColor: "#ffffff" })["--surface"] // "#262626"
 */
export function themeProperties(theme: OfficeThemeColors): Record<string, string> | null {
  const [background, foreground, controlBackground, controlForeground] = [
    theme.bodyBackgroundColor,
    theme.bodyForegroundColor,
    theme.controlBackgroundColor,
    theme.controlForegroundColor,
  ].map(parseHexColor);
  if (!background || !foreground || !controlBackground || !controlForeground) return null;
  const between = (share: number) => toHexColor(mix(foreground, background, share));
  const properties: Record<string, string> = {
    "--surface": toHexColor(background),
    "--text": toHexColor(foreground),
    "--text-secondary": between(0.3),
    "--text-disabled": between(0.55),
    "--surface-alt": between(0.975),
    "--surface-header": between(0.95),
    "--info-bg": between(0.95),
    "--stroke": between(0.88),
    "--stroke-strong": between(0.8),
    "--focus": toHexColor(foreground),
    "--control-surface": toHexColor(controlBackground),
    "--control-text": toHexColor(controlForeground),
  };
  if (!isDark(theme, background)) return properties;
  for (const { text, color, tints } of DARK_ACCENTS) {
    const accent = parseHexColor(color) as Rgb;
    const tinted = tints.map(([name, share]) => [name, mix(background, accent, share)] as const);
    for (const [name, tint] of tinted) properties[name] = toHexColor(tint);
    properties[text] = toHexColor(readable(accent, foreground, [background, tinted[0][1]]));
  }
  return properties;
}

function isDark(theme: OfficeThemeColors, background: Rgb): boolean {
  return typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : relativeLuminance(background) < DARK_LUMINANCE;
}

/** Every property a theme can set, the dark theme's accents included. */
const THEMED_PROPERTIES: readonly string[] = Object.keys(
  themeProperties({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#000000", controlForegroundColor: "#ffffff", isDarkTheme: true }) ?? {},
);

/** What `applyTheme` touches on the page's root element. */
export interface ThemedRoot {
  readonly style: Pick<CSSStyleDeclaration, "setProperty" | "removeProperty">;
  readonly dataset: DOMStringMap;
}

/**
 * Applies a theme to the page: its properties on `root` (the <html> element), every property an
 * earlier theme set and this one does not removed (so a light theme after a dark one falls back
 * to taskpane.css's light status and link colours), and `data-theme="dark"` or "light" on it, so
 * the style sheet can tell. Returns whether it applied one; a theme it cannot read leaves the
 * page as it was.
 */
export function applyTheme(root: ThemedRoot, theme: OfficeThemeColors | null | undefined): boolean {
  const properties = theme ? themeProperties(theme) : null;
  if (!theme || !properties) return false;
  for (const name of THEMED_PROPERTIES) if (!(name in properties)) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
  root.dataset.theme = isDark(theme, parseHexColor(theme.bodyBackgroundColor) as Rgb) ? "dark" : "light";
  return true;
}
