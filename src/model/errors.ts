/**
 * Errors of the mathematics, named after the Excel error a user should see for them:
 * `value` a wrong kind of input (#VALUE!), `num` a number outside the domain (#NUM!),
 * `na` an answer that does not exist, such as a target never reached (#N/A).
 * The model knows nothing of Excel; `src/functions/errors.ts` turns these into Excel errors.
 */
export type ModelErrorKind = "value" | "num" | "na";

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ModelError";
  }
}

/** Throws a #NUM!-kind error unless `condition` holds. */
export function requireDomain(condition: boolean, message: string): void {
  if (!condition) throw new ModelError("num", message);
}
