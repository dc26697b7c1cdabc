/**
 * sRGB colours as the pane's theme needs them: read from "#RRGGBB" (or "#RGB"), mixed, and
 * compared by WCAG 2 contrast ratio.
 */

/** A colour's red, green and blue channels, 0 to 255. */
export type Rgb = readonly [number, number, number];

/** The colour of a hexadecimal triplet ("#FFA500" or "#FA0", any case), or null if it is not one. */
export function parseHexColor(text: unknown): Rgb | null {
  if (typeof text !== "string") return null;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text.trim());
  const long = short ? null : /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  const channels = short ? short.slice(1).map((digit) => digit + digit) : long?.slice(1);
  return channels ? (channels.map((hex) => parseInt(hex, 16)) as unknown as Rgb) : null;
}

/** "#rrggbb" for a colour. */
export function toHexColor(color: Rgb): string {
  return `#${color.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The colour `share` of the way from `from` to `to`, channel by channel: (1 − share)·from + share·to.
 *
 * @example toHexColor(mix([255, 255, 255], [0, 0, 0], 0.5)) // "#808080"
 */
export function mix(from: Rgb, to: Rgb, share: number): Rgb {
  return from.map((channel, i) => channel + (to[i] - channel) * share) as unknown as Rgb;
}

/**
 * WCAG 2 relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels, where
 * a channel c (0 to 1) is c / 12.92 up to 0.04045 and ((c + 0.055) / 1.055)^2.4 above.
 */
export function relativeLuminance(color: Rgb): number {
  const [r, g, b] = color.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the
 * darker's: 1 for the same colour, 21 for black on white; text needs 4.5 (AA).
 *
 * @example contrastRatio([0, 0, 0], [255, 255, 255]) // 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}
