/**
 * The formula evaluator's operators: Excel's precedence (unary minus above ^, % above ^, & below
 * + and −), its coercions of texts, logical values and empty cells, its comparisons, how errors
 * pass from operand to result, IF and IFERROR evaluating only the branch they take, and arrays
 * only where every Excel evaluates them. Expected values are Excel's documented results; the
 * same behaviours are compared with LibreOffice in test/integration.
 */
import { describe, expect, it } from "vitest";
import { UnsupportedFormulaError, errorValue } from "../../../src/workbook/formula/values";
import { formulaValue } from "./formulaHarness";

/** A1:A4 numbers, B1 a text, B2 empty, B3 TRUE, B4 a text that spells a number. */
const inputs = [
  [1, "apple"],
  [2, null],
  [3, true],
  [4, "2.5"],
];
const value = (formula: string): unknown => formulaValue(formula, { inputs, names: { Rate: "A2", Column: "A1:A4" } });
const inputsRef = (address: string): string => `Inputs!${address}`;

describe("operators", () => {
  it("follow Excel's precedence: negation, percent, power, multiplication, addition, joining, comparison", () => {
    expect(value("=-2^2")).toBe(4);
    expect(value("=2^-2")).toBe(0.25);
    expect(value("=-(2^2)")).toBe(-4);
    expect(value("=1+2*3^2")).toBe(19);
    expect(value("=2^50%")).toBeCloseTo(Math.SQRT2, 15);
    expect(value("=10-2-3")).toBe(5);
    expect(value("=2^3^2")).toBe(64);
    expect(value("=1+2&3")).toBe("33");
    expect(value('="a"&1+2')).toBe("a3");
    expect(value("=1+1=2")).toBe(true);
    expect(value("=5%*2")).toBe(0.1);
    expect(value("=3%%")).toBeCloseTo(0.0003, 18);
  });

  it("add and compare as spreadsheets do: 0.1 + 0.2 is 0.3, and a cancelling difference is exactly 0", () => {
    expect(value("=0.1+0.2=0.3")).toBe(true);
    expect(value("=0.3-0.1-0.2")).toBe(0);
    expect(value("=1+1E-17=1")).toBe(true);
    expect(value("=1.0001=1")).toBe(false);
  });

  it("read texts that spell numbers, logical values and empty cells as numbers", () => {
    expect(value('="1"+1')).toBe(2);
    expect(value('=" 50% "*2')).toBe(1);
    expect(value("=TRUE+TRUE")).toBe(2);
    expect(value(`=${inputsRef("B2")}+1`)).toBe(1);
    expect(value(`=${inputsRef("B4")}*2`)).toBe(5);
    expect(value('="apple"+1')).toEqual(errorValue("#VALUE!"));
    expect(value('=""+1')).toEqual(errorValue("#VALUE!"));
    expect(value('="TRUE"+1')).toEqual(errorValue("#VALUE!"));
  });

  it("refuse a text Excel would read by the locale's rules, rather than guess", () => {
    expect(() => value('="30 Jun 2005"+1')).toThrow(UnsupportedFormulaError);
    expect(() => value('="1/2"*2')).toThrow(/locale/);
  });

  it("join texts, numbers to 15 significant digits, logical values in capitals", () => {
    expect(value('="GPs: "&18981')).toBe("GPs: 18981");
    expect(value('=1/3&""')).toBe("0.333333333333333");
    expect(value('=(0.1+0.2)&""')).toBe("0.3");
    expect(value('=123456789012345678&""')).toBe("1.23456789012346E+17");
    expect(value('=1.5E-7&""')).toBe("1.5E-07");
    expect(value('=TRUE&"!"')).toBe("TRUE!");
    expect(value(`=${inputsRef("B2")}&"x"`)).toBe("x");
  });

  it("compare numbers below texts below logical values, texts ignoring case, an empty cell as 0, \"\" or FALSE", () => {
    expect(value('="a"="A"')).toBe(true);
    expect(value('="apple"<"Banana"')).toBe(true);
    expect(value('="a">1')).toBe(true);
    expect(value("=TRUE>99")).toBe(true);
    expect(value('=TRUE>"z"')).toBe(true);
    expect(value("=1=TRUE")).toBe(false);
    expect(value(`=${inputsRef("B2")}=0`)).toBe(true);
    expect(value(`=${inputsRef("B2")}=""`)).toBe(true);
    expect(value(`=${inputsRef("B2")}=FALSE`)).toBe(true);
    expect(value('="x"=""')).toBe(false);
  });

  it("give Excel's errors: #DIV/0!, #NUM! for overflow and impossible powers, the left operand's error first", () => {
    expect(value("=1/0")).toEqual(errorValue("#DIV/0!"));
    expect(value("=0^-1")).toEqual(errorValue("#DIV/0!"));
    expect(value("=0^0")).toEqual(errorValue("#NUM!"));
    expect(value("=(-8)^(1/3)")).toEqual(errorValue("#NUM!"));
    expect(value("=1E+308*10")).toEqual(errorValue("#NUM!"));
    expect(value("=10^-400")).toBe(0);
    expect(value("=NA()+1/0")).toEqual(errorValue("#N/A"));
    expect(value("=1/0+NA()")).toEqual(errorValue("#DIV/0!"));
    expect(value('=NA()&"x"')).toEqual(errorValue("#N/A"));
    expect(value("=NA()=1")).toEqual(errorValue("#N/A"));
    expect(value("=#REF!+1")).toEqual(errorValue("#REF!"));
  });

  it("show an empty result as 0, and a unary plus changes nothing", () => {
    expect(value(`=${inputsRef("B2")}`)).toBe(0);
    expect(value('=+"x"')).toBe("x");
    expect(value('=""')).toBe("");
  });
});

describe("names and references", () => {
  it("read cells with and without $ and sheet names, quoted or not, and defined names in any case", () => {
    expect(value("=Inputs!$A$3")).toBe(3);
    expect(value("='Inputs'!A$3*rate")).toBe(6);
    expect(value("=RATE+Rate")).toBe(4);
    expect(value("=SUM(Column)")).toBe(10);
    expect(value("=Unknown+1")).toEqual(errorValue("#NAME?"));
  });

  it("refuse a range where one value is wanted: Excel versions disagree on it", () => {
    expect(() => value("=Column")).toThrow(/implicit intersection/);
    expect(() => value("=Inputs!A1:A4*2")).toThrow(UnsupportedFormulaError);
    expect(() => value("=ABS(Inputs!A1:A4)")).toThrow(UnsupportedFormulaError);
    expect(() => value("=Inputs!A:A")).toThrow(/whole row or column/);
  });

  it("evaluate arrays element by element inside SUMPRODUCT, errors staying in their element", () => {
    expect(value("=SUMPRODUCT((Column>2)*Column)")).toBe(7);
    expect(value("=SUMPRODUCT(ABS(-Column))")).toBe(10);
    expect(value("=SUMPRODUCT(Column*{1;2;3;4})")).toBe(30);
    expect(value("=SUMPRODUCT(Column*{1,2})")).toBe(30);
    expect(value("=SUMPRODUCT(Column*{1;2})")).toEqual(errorValue("#N/A"));
    // IF and IFERROR over an array need Ctrl+Shift+Enter in Excel before 365, even inside SUMPRODUCT.
    expect(() => value("=SUMPRODUCT(IFERROR(1/(Column-2),0))")).toThrow(UnsupportedFormulaError);
  });
});

describe("IF and IFERROR", () => {
  it("evaluate only the branch they take", () => {
    expect(value("=IF(1,2,1/0)")).toBe(2);
    expect(value("=IF(0,1/0,3)")).toBe(3);
    expect(value("=IF(FALSE,1)")).toBe(false);
    expect(value("=IF(TRUE,,1)")).toBe(0);
    expect(value('=IF("yes",1,2)')).toEqual(errorValue("#VALUE!"));
    expect(() => value('=IF("TRUE",1,2)')).toThrow(/without quotes/);
    expect(value("=IF(NA(),1,2)")).toEqual(errorValue("#N/A"));
    expect(value(`=IF(${inputsRef("B2")},1,2)`)).toBe(2);
    expect(value('=IFERROR(1/0,"none")')).toBe("none");
    expect(value("=IFERROR(5,1/0)")).toBe(5);
  });

  it("refuse IFNA, which needs Excel 2013 and an _xlfn. prefix in a file", () => {
    expect(() => value("=IFNA(NA(),1)")).toThrow(/IF\(ISNA/);
  });
});
