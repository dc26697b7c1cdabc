/**
 * A number for a message: with thousands separators and one decimal place at most from 100 up,
 * four significant digits below (so a share such as 0.0375 keeps its digits), without relying
 * on Intl (which a spreadsheet's script engine may lack).
 *
 * @example formatCount(35000) // "35,000"
 * @example formatCount(12345.678) // "12,345.7"
 * @example formatCount(0.03754) // "0.03754"
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15 || (value !== 0 && Math.abs(value) < 1e-6)) {
    // Rounding the largest doubles to four digits would overflow to Infinity: show them as they are.
    const rounded = Number(value.toPrecision(4));
    return String(Number.isFinite(rounded) ? rounded : value);
  }
  const text = Math.abs(value) >= 100 ? Math.abs(value).toFixed(1) : Number(Math.abs(value).toPrecision(4)).toString();
  const [whole, fraction] = text.split(".");
  const digits = fraction?.replace(/0+$/, "");
  const grouped = groupThousands(whole);
  return `${value < 0 ? "-" : ""}${grouped}${digits ? `.${digits}` : ""}`;
}

/**
 * Digits grouped in thousands with commas, as Excel's "#,##0" shows them, without Intl.
 *
 * @example groupThousands("75216") // "75,216"
 */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
