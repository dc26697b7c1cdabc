/**
 * Formula text read into a tree the evaluator walks. The reading itself (Excel's grammar:
 * operator precedence with unary minus above ^, quoted sheet names, ranges, array constants)
 * is @borgar/fx's; this module keeps only what the evaluator supports and says plainly what
 * it does not (whole columns, union and intersection, LET and LAMBDA).
 */
import { parse, parseA1Ref, tokenize } from "@borgar/fx";
import type { AstExpression } from "@borgar/fx";
import { EXCEL_ERROR_CODES, UnsupportedFormulaError, errorValue } from "./values";
import type { ExcelErrorCode, ScalarValue } from "./values";

/** A rectangle of cells on a sheet (rows and columns from 1); `sheet` null is the formula's own. */
export interface CellsNode {
  readonly kind: "cells";
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/** A formula read into a tree. */
export type FormulaNode =
  | { readonly kind: "value"; readonly value: ScalarValue }
  | { readonly kind: "array"; readonly rows: readonly (readonly ScalarValue[])[] }
  | CellsNode
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "unary"; readonly operator: "+" | "-" | "%"; readonly operand: FormulaNode }
  | { readonly kind: "binary"; readonly operator: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  /** A function call; an argument left out (`IF(A1,,2)`) is null. Names are in capitals. */
  | { readonly kind: "call"; readonly name: string; readonly args: readonly (FormulaNode | null)[] };

const BINARY_OPERATORS: readonly string[] = ["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="];

/** Trees already read, by formula text: a model repeats the same formulas down its rows. */
const parsed = new Map<string, FormulaNode>();
/** More formulas than the largest sheet holds: past this the trees are read afresh, so memory stays bounded. */
const MOST_PARSED = 200_000;

/**
 * Reads a formula (with or without its leading "=").
 *
 * @example parseFormula("=-2^2") // { kind: "binary", operator: "^", left: { kind: "value", value: -2 }, … }
 */
export function parseFormula(formula: string): FormulaNode {
  const text = formula.replace(/^=/, "");
  let node = parsed.get(text);
  if (node === undefined) {
    let tree: AstExpression;
    try {
      tree = parse(tokenize(text, { mergeRefs: true }));
    } catch (error) {
      throw new UnsupportedFormulaError(`Cannot read the formula =${text}: ${(error as Error).message}`);
    }
    node = toNode(tree, text);
    if (parsed.size >= MOST_PARSED) parsed.clear();
    parsed.set(text, node);
  }
  return node;
}

function toNode(tree: AstExpression | null, text: string): FormulaNode {
  const unsupported = (what: string): never => {
    throw new UnsupportedFormulaError(`The formula =${text} uses ${what}, which the evaluator does not support.`);
  };
  if (tree === null) return unsupported("an empty expression");
  switch (tree.type) {
    case "Literal":
      return { kind: "value", value: tree.value };
    case "ErrorLiteral":
      return { kind: "value", value: errorLiteral(tree.value, unsupported) };
    case "ReferenceIdentifier":
      return reference(tree.value, unsupported);
    case "UnaryExpression": {
      const operator = tree.operator;
      if (operator !== "+" && operator !== "-" && operator !== "%") return unsupported(`the operator ${operator}`);
      return { kind: "unary", operator, operand: toNode(tree.arguments[0], text) };
    }
    case "BinaryExpression": {
      const operator = tree.operator;
      if (!BINARY_OPERATORS.includes(operator)) return unsupported(`the reference operator "${operator}"`);
      const [left, right] = tree.arguments.map((argument) => toNode(argument, text));
      return { kind: "binary", operator: operator as BinaryOperator, left, right };
    }
    case "CallExpression":
      return {
        kind: "call",
        name: tree.callee.name.toUpperCase(),
        args: tree.arguments.map((argument) => (argument === null ? null : toNode(argument, text))),
      };
    case "ArrayExpression":
      return {
        kind: "array",
        rows: tree.elements.map((row) =>
          row.map((element) => {
            const node = toNode(element, text);
            return node.kind === "value" ? node.value : unsupported("a reference or call inside an array constant");
          }),
        ),
      };
    default:
      return unsupported(tree.type === "LambdaExpression" ? "LAMBDA" : "LET");
  }
}

function errorLiteral(code: string, unsupported: (what: string) => never): ScalarValue {
  const upper = code.toUpperCase() as ExcelErrorCode;
  return EXCEL_ERROR_CODES.includes(upper) ? errorValue(upper) : unsupported(`the error ${code}`);
}

/** A cell, a range or a defined name, as written in a formula. */
function reference(text: string, unsupported: (what: string) => never): FormulaNode {
  const ref = parseA1Ref(text, { allowNamed: true });
  if (ref === undefined) return unsupported(`the reference ${text}`);
  if (ref.context !== undefined && ref.context.length > 1) return unsupported(`a reference to another workbook (${text})`);
  const sheet = ref.context?.[0] ?? null;
  if ("name" in ref) {
    return sheet === null ? { kind: "name", name: ref.name } : unsupported(`a sheet-scoped name (${text})`);
  }
  const { top, left, bottom, right } = ref.range;
  if (top === null || left === null || bottom === null || right === null || bottom === undefined || right === undefined) {
    return unsupported(`a whole row or column (${text})`);
  }
  return { kind: "cells", sheet, top: top + 1, left: left + 1, bottom: bottom + 1, right: right + 1 };
}
