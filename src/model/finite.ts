import { ModelError } from "./errors";

/**
 * Returns `value` if it is a finite number, and otherwise throws a #NUM!-kind error with
 * `message`: a result too large for a double (or undefined) must reach Excel as #NUM!, never as
 * Infinity or NaN.
 *
 * @example finite(1.2, "The projection is too large.") // 1.2
 */
export function finite(value: number, message: string): number {
  if (Number.isFinite(value)) return value;
  throw new ModelError("num", message);
}
