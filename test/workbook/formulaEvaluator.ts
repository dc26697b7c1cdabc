/**
 * A small evaluator of the formulas the model writes, in both flavours, for the tests: the
 * `CRS.` functions are computed by the model's own functions (as the add-in computes them), and
 * the native functions the portable flavour uses by their Excel definitions. Numbers only, with
 * Excel's operator precedence, a lazy IF, and Excel errors as `FormulaError`.
 */
import { excelSerialToIso, isoToExcelSerial } from "../../src/data";
import { ModelError } from "../../src/model/errors";
import { compoundGrowthRate } from "../../src/model/growth";
import { incentive } from "../../src/model/incentive";
import { periodsBetween } from "../../src/model/periods";
import { periodsTo } from "../../src/model/periodsTo";
import { project } from "../../src/model/project";
import { shortfall } from "../../src/model/threshold";

/** An Excel error value such as #N/A. */
export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The value of a defined name or cell reference. */
export type Lookup = (reference: string) => number;

type Node =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "reference"; readonly name: string }
  | { readonly kind: "unary"; readonly operand: Node }
  | { readonly kind: "binary"; readonly operator: string; readonly left: Node; readonly right: Node }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Node[] };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.$]*)|(>=|<=|<>|[-+*/^(),=<>]))/y;
/** Binary operators by precedence, loosest first, as Excel ranks them. */
const LEVELS: readonly (readonly string[])[] = [["=", "<>", "<", ">", "<=", ">="], ["+", "-"], ["*", "/"], ["^"]];

/** Evaluates a formula (with or without its "="), looking names and cells up with `lookup`. */
export function evaluateFormula(formula: string, lookup: Lookup): number {
  return evaluate(parse(formula.replace(/^=/, "")), lookup);
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (/\S/.test(text.slice(TOKEN.lastIndex))) {
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`Cannot read formula at ${TOKEN.lastIndex}: ${text}`);
    tokens.push(match[1] ?? match[2] ?? match[3]);
  }
  return tokens;
}

function parse(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`Expected ${expected}, got ${token} in ${text}`);
    return token;
  };
  const level = (depth: number): Node => {
    if (depth === LEVELS.length) return unary();
    let left = level(depth + 1);
    while (LEVELS[depth].includes(peek() ?? "")) left = { kind: "binary", operator: take(), left, right: level(depth + 1) };
    return left;
  };
  // Excel's unary minus binds tighter than ^: -2^2 is 4.
  const unary = (): Node => {
    if (peek() !== "-" && peek() !== "+") return primary();
    const sign = take();
    const operand = unary();
    return sign === "-" ? { kind: "unary", operand } : operand;
  };
  const primary = (): Node => {
    const token = take();
    if (token === "(") {
      const inner = level(0);
      take(")");
      return inner;
    }
    if (/^[\d.]/.test(token)) return { kind: "number", value: Number(token) };
    if (peek() !== "(") return { kind: "reference", name: token };
    take("(");
    const args: Node[] = [];
    while (peek() !== ")") {
      args.push(level(0));
      if (peek() === ",") take(",");
    }
    take(")");
    return { kind: "call", name: token.toUpperCase(), args };
  };
  const tree = level(0);
  if (at !== tokens.length) throw new Error(`Unexpected ${tokens[at]} in ${text}`);
  return tree;
}

function evaluate(node: Node, lookup: Lookup): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "reference":
      return lookup(node.name);
    case "unary":
      return -evaluate(node.operand, lookup);
    case "binary":
      return binary(node.operator, evaluate(node.left, lookup), evaluate(node.right, lookup));
    case "call":
      return call(node.name, node.args, lookup);
  }
}

function binary(operator: string, a: number, b: number): number {
  switch (operator) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/":
      if (b === 0) throw new FormulaError("#DIV/0!");
      return a / b;
    case "^": return power(a, b);
    case "=": return Number(a === b);
    case "<>": return Number(a !== b);
    case "<": return Number(a < b);
    case ">": return Number(a > b);
    case "<=": return Number(a <= b);
    default: return Number(a >= b);
  }
}

/** Excel's POWER: 0 to a negative power divides by zero; a negative base needs a whole power. */
function power(base: number, exponent: number): number {
  if (base === 0 && exponent < 0) throw new FormulaError("#DIV/0!");
  const result = Math.pow(base, exponent);
  if (!Number.isFinite(result)) throw new FormulaError("#NUM!");
  return result;
}

/** The model's error kinds as the Excel errors the add-in reports. */
function viaModel(compute: () => number): number {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ModelError) throw new FormulaError({ value: "#VALUE!", num: "#NUM!", na: "#N/A" }[error.kind]);
    throw error;
  }
}

function call(name: string, args: readonly Node[], lookup: Lookup): number {
  // IF evaluates only the branch it takes, as Excel does.
  if (name === "IF") return evaluate(args[evaluate(args[0], lookup) !== 0 ? 1 : 2], lookup);
  const values = args.map((arg) => evaluate(arg, lookup));
  const [a, b, c, d, e] = values;
  switch (name) {
    case "CRS.GROWTH": return viaModel(() => compoundGrowthRate(a, b, c));
    case "CRS.PERIODS": return viaModel(() => periodsBetween(a, b));
    case "CRS.PROJECT": return viaModel(() => project(a, b, c, d));
    case "CRS.PERIODSTO": return viaModel(() => periodsTo(a, b, c, d));
    case "CRS.SHORTFALL": return viaModel(() => shortfall(a, b, c));
    case "CRS.INCENTIVE": return viaModel(() => incentive(a, b, c, d, e));
    case "OR": return Number(values.some((value) => value !== 0));
    case "NA": throw new FormulaError("#N/A");
    case "LN":
      if (a <= 0) throw new FormulaError("#NUM!");
      return Math.log(a);
    case "POWER": return power(a, b);
    case "MAX": return Math.max(...values);
    case "ROUND": return roundAwayFromZero(a, b, Math.round);
    case "ROUNDUP": return roundAwayFromZero(a, b, Math.ceil);
    case "EDATE": return edate(a, b);
    default: throw new Error(`The evaluator does not know ${name}.`);
  }
}

/** ROUND and ROUNDUP: the magnitude rounded by `rule` to `digits` decimals, the sign kept. */
function roundAwayFromZero(value: number, digits: number, rule: (x: number) => number): number {
  const scale = 10 ** digits;
  return (Math.sign(value) * rule(Math.abs(value) * scale)) / scale;
}

/** Excel's EDATE: the same day `months` calendar months later, or the month's last day. */
function edate(serial: number, months: number): number {
  const [year, month, day] = excelSerialToIso(serial).split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + Math.trunc(months), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoToExcelSerial(target.toISOString().slice(0, 10) as `${number}-${number}-${number}`);
}
