/**
 * A plan that would take a name in use or write something Excel cannot hold. Every writer
 * refuses such a plan with this error before it writes anything.
 *
 * @example throw new PlanError('The sheet name "CRS model" is already taken.')
 */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}
