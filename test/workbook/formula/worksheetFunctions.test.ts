/**
 * Each Excel function of the formula evaluator, with Excel's documented results: typed values
 * converted while ranges skip texts and logical values, errors passed on, and the edges
 * (rounding halves away from zero on 15 digits, month ends, lookups that find nothing).
 */
import { describe, expect, it } from "vitest";
import { UnsupportedFormulaError, errorValue } from "../../../src/workbook/formula/values";
import type { Cell } from "../../../src/workbook/plan/plan";
import { formulaValue } from "./formulaHarness";

/**
 * A1:A5 numbers 1..5 ascending; B1:B5 mixed (a text, empty, TRUE, a number-like text, an
 * error); C1:C5 descending; D1:D5 sorted texts; E1:E2 dates.
 */
const inputs: Cell[][] = [
  [1, "apple", 50, "a", 38_503],
  [2, null, 40, "b", 38_533],
  [3, true, 30, "c", null],
  [4, "7", 20, "d", null],
  [5, { formula: "=NA()" }, 10, "e", null],
];
const names = { Numbers: "A1:A5", Mixed: "B1:B5", Falling: "C1:C5", Letters: "D1:D5", Table: "A1:D5" };
const value = (formula: string): unknown => formulaValue(formula, { inputs, names });
const NA = errorValue("#N/A");

describe("logical and information functions", () => {
  it("AND and OR read numbers and logical values, skip texts in ranges, and need at least one", () => {
    expect(value("=AND(1,TRUE)")).toBe(true);
    expect(value("=AND(1,0)")).toBe(false);
    expect(value("=OR(0,FALSE)")).toBe(false);
    expect(() => value("=OR(Numbers>4)")).toThrow(UnsupportedFormulaError);
    expect(value("=AND(Numbers)")).toBe(true);
    expect(value("=AND(Inputs!B3:B4)")).toBe(true);
    expect(value("=OR(Inputs!B2)")).toEqual(errorValue("#VALUE!"));
    expect(value('=AND("yes")')).toEqual(errorValue("#VALUE!"));
    expect(value("=AND(1,NA())")).toEqual(NA);
    expect(value("=NOT(0)")).toBe(true);
  });

  it("ISNUMBER, ISBLANK, ISERROR and ISNA look at a value without failing on it", () => {
    expect(value("=ISNUMBER(Inputs!A1)")).toBe(true);
    expect(value("=ISNUMBER(Inputs!B4)")).toBe(false);
    expect(value("=ISBLANK(Inputs!B2)")).toBe(true);
    expect(value('=ISBLANK("")')).toBe(false);
    expect(value("=ISERROR(1/0)")).toBe(true);
    expect(value("=ISNA(1/0)")).toBe(false);
    expect(value("=ISNA(Inputs!B5)")).toBe(true);
    expect(value("=NA()")).toEqual(NA);
  });

  it("ERROR.TYPE numbers an error (2 #DIV/0!, 3 #VALUE!, 6 #NUM!, 7 #N/A) and is #N/A for a value that is none", () => {
    expect(value("=ERROR.TYPE(1/0)")).toBe(2);
    expect(value('=ERROR.TYPE("a"+1)')).toBe(3);
    expect(value("=ERROR.TYPE(SQRT(-1))")).toBe(6);
    expect(value("=ERROR.TYPE(Inputs!B5)")).toBe(7);
    expect(value("=ERROR.TYPE(1)")).toEqual(NA);
    expect(value("=IFERROR(ERROR.TYPE(Inputs!A1),0)")).toBe(0);
  });
});

describe("mathematical functions", () => {
  it("ROUND, ROUNDUP and ROUNDDOWN work on 15 significant digits, halves away from zero", () => {
    expect(value("=ROUND(2.5,0)")).toBe(3);
    expect(value("=ROUND(-2.5,0)")).toBe(-3);
    expect(value("=ROUND(1.005,2)")).toBe(1.01);
    expect(value("=ROUND(2.675,2)")).toBe(2.68);
    expect(value("=ROUND(1234.5678,-2)")).toBe(1200);
    expect(value("=ROUNDUP(1.0000001,0)")).toBe(2);
    expect(value("=ROUNDUP(-1.2,0)")).toBe(-2);
    expect(value("=ROUNDUP(0.1*3*10,0)")).toBe(3);
    expect(value("=ROUNDDOWN(-1.7,0)")).toBe(-1);
    expect(value("=ROUNDDOWN(1.99,1.9)")).toBe(1.9);
  });

  it("ABS, INT, EXP, LN, SQRT and POWER, with #NUM! outside their domains", () => {
    expect(value("=ABS(-3)")).toBe(3);
    expect(value("=INT(-1.5)")).toBe(-2);
    expect(value("=INT(2.9999999999999996)")).toBe(3);
    expect(value("=EXP(1)")).toBe(Math.E);
    expect(value("=EXP(1000)")).toEqual(errorValue("#NUM!"));
    expect(value("=LN(EXP(2))")).toBe(2);
    expect(value("=LN(0)")).toEqual(errorValue("#NUM!"));
    expect(value("=SQRT(-1)")).toEqual(errorValue("#NUM!"));
    expect(value("=POWER(2,10)")).toBe(1024);
    expect(value("=POWER(-8,1/3)")).toEqual(errorValue("#NUM!"));
    expect(value('=ABS("x")')).toEqual(errorValue("#VALUE!"));
  });

  it("SUM, MAX and MIN convert typed values but skip texts, logical values and empty cells in ranges", () => {
    expect(value("=SUM(Numbers)")).toBe(15);
    expect(value('=SUM(Inputs!B1:B4,"3",TRUE)')).toBe(4);
    expect(value("=SUM(Mixed)")).toEqual(NA);
    expect(value("=MAX(Numbers,-1)")).toBe(5);
    expect(value('=MAX("9",2)')).toBe(9);
    expect(value("=MAX(Inputs!B1:B4)")).toBe(0);
    expect(value("=MIN(Falling)")).toBe(10);
    expect(value("=MIN(Inputs!B2,7)")).toBe(7);
  });

  it("SUMPRODUCT multiplies arrays of one size, counting non-numbers as 0", () => {
    expect(value("=SUMPRODUCT(Numbers,Falling)")).toBe(350);
    expect(value("=SUMPRODUCT(Numbers)")).toBe(15);
    expect(value("=SUMPRODUCT(Inputs!B1:B4,Inputs!A1:A4)")).toBe(0);
    expect(value("=SUMPRODUCT(Numbers,Inputs!A1:A4)")).toEqual(errorValue("#VALUE!"));
    expect(value("=SUMPRODUCT(Numbers,Mixed)")).toEqual(NA);
  });
});

describe("counting functions", () => {
  it("COUNT, COUNTA and COUNTBLANK", () => {
    expect(value("=COUNT(Numbers,Mixed)")).toBe(5);
    expect(value('=COUNT("1",TRUE,"x",1/0)')).toBe(2);
    expect(value("=COUNTA(Mixed)")).toBe(4);
    expect(value("=COUNTBLANK(Inputs!B1:B5)")).toBe(1);
    expect(value('=COUNTBLANK(Inputs!E1:E5)')).toBe(3);
  });

  it("COUNTIF and COUNTIFS with numbers, comparisons, texts, wildcards and empty cells", () => {
    expect(value("=COUNTIF(Numbers,3)")).toBe(1);
    expect(value('=COUNTIF(Numbers,">=3")')).toBe(3);
    expect(value('=COUNTIF(Numbers,"<>3")')).toBe(4);
    expect(value('=COUNTIF(Letters,"B")')).toBe(1);
    expect(value('=COUNTIF(Letters,">b")')).toBe(3);
    expect(value('=COUNTIF(Mixed,"ap*")')).toBe(1);
    expect(value('=COUNTIF(Mixed,"?")')).toBe(1);
    expect(value('=COUNTIF(Mixed,"")')).toBe(1);
    expect(value('=COUNTIF(Mixed,"<>")')).toBe(4);
    expect(value('=COUNTIFS(Numbers,">1",Falling,">20")')).toBe(2);
    expect(value('=COUNTIFS(Numbers,">1",Inputs!C1:C4,">20")')).toEqual(errorValue("#VALUE!"));
    expect(() => value('=COUNTIFS(Numbers,">1",Falling)')).toThrow(UnsupportedFormulaError);
  });
});

describe("lookup functions", () => {
  it("INDEX picks a cell by row and column, a row of a single row by its one number, #REF! beyond", () => {
    expect(value("=INDEX(Numbers,3)")).toBe(3);
    expect(value("=INDEX(Table,2,3)")).toBe(40);
    expect(value("=INDEX({10,20,30},2)")).toBe(20);
    expect(value("=INDEX(Numbers,6)")).toEqual(errorValue("#REF!"));
    expect(value("=INDEX(Numbers,-1)")).toEqual(errorValue("#VALUE!"));
    expect(value("=ISBLANK(INDEX(Mixed,2))")).toBe(true);
    expect(value("=SUMPRODUCT(INDEX(Table,0,3))")).toBe(150);
  });

  it("MATCH exactly (texts ignoring case, with wildcards), in ascending and in descending order", () => {
    expect(value("=MATCH(4,Numbers,0)")).toBe(4);
    expect(value('=MATCH("C",Letters,0)')).toBe(3);
    expect(value('=MATCH("?",Letters,0)')).toBe(1);
    expect(value("=MATCH(4.5,Numbers)")).toBe(4);
    expect(value("=MATCH(0.5,Numbers,1)")).toEqual(NA);
    expect(value("=MATCH(35,Falling,-1)")).toBe(2);
    expect(value("=MATCH(9,Numbers,0)")).toEqual(NA);
    expect(value("=MATCH(1,Table,0)")).toEqual(NA);
  });

  it("LOOKUP in a vector or an array, and VLOOKUP exact or approximate", () => {
    expect(value("=LOOKUP(3.5,Numbers,Falling)")).toBe(30);
    expect(value("=LOOKUP(2,Inputs!A1:C5)")).toBe(40);
    expect(value("=LOOKUP(0,Numbers,Falling)")).toEqual(NA);
    expect(value("=VLOOKUP(2,Table,3,FALSE)")).toBe(40);
    expect(value("=VLOOKUP(2.5,Table,4)")).toBe("b");
    expect(value("=VLOOKUP(9,Table,3,FALSE)")).toEqual(NA);
    expect(value("=VLOOKUP(2,Table,5,FALSE)")).toEqual(errorValue("#REF!"));
    expect(value("=VLOOKUP(2,Table,0)")).toEqual(errorValue("#VALUE!"));
  });
});

describe("date functions", () => {
  it("DATE carries months and days over, and YEAR, MONTH and DAY read a serial back", () => {
    expect(value("=DATE(2005,6,30)")).toBe(38_533);
    expect(value("=DATE(2005,13,1)")).toBe(value("=DATE(2006,1,1)"));
    expect(value("=DATE(2005,3,0)")).toBe(value("=DATE(2005,2,28)"));
    expect(value("=DATE(105,1,1)")).toBe(value("=DATE(2005,1,1)"));
    expect(value("=DATE(10000,1,1)")).toEqual(errorValue("#NUM!"));
    expect(value("=YEAR(Inputs!E2)*10000+MONTH(Inputs!E2)*100+DAY(Inputs!E2)")).toBe(20_050_630);
    expect(value("=DAY(60)")).toBe(29);
    expect(value("=YEAR(-1)")).toEqual(errorValue("#NUM!"));
  });

  it("EDATE keeps the day or takes the month's last, EOMONTH ends the month", () => {
    expect(value("=EDATE(Inputs!E1,1)")).toBe(38_533);
    expect(value("=EDATE(DATE(2004,2,29),12)")).toBe(value("=DATE(2005,2,28)"));
    expect(value("=EDATE(DATE(2005,1,15),-13.9)")).toBe(value("=DATE(2003,12,15)"));
    expect(value("=EOMONTH(Inputs!E2,1)")).toBe(38_564);
    expect(value("=EOMONTH(Inputs!E2,-1)")).toBe(38_503);
  });

  it("DATEDIF in days, whole months, whole years and months beyond the years", () => {
    expect(value('=DATEDIF(DATE(2005,6,30),DATE(2006,6,29),"D")')).toBe(364);
    expect(value('=DATEDIF(DATE(2005,6,30),DATE(2006,6,29),"M")')).toBe(11);
    expect(value('=DATEDIF(DATE(2005,6,30),DATE(2007,8,30),"Y")')).toBe(2);
    expect(value('=DATEDIF(DATE(2005,6,30),DATE(2007,8,30),"YM")')).toBe(2);
    expect(value('=DATEDIF(DATE(2006,1,1),DATE(2005,1,1),"D")')).toEqual(errorValue("#NUM!"));
    expect(value('=DATEDIF(1,2,"W")')).toEqual(errorValue("#NUM!"));
    expect(() => value('=DATEDIF(1,2,"MD")')).toThrow(/wrong results/);
  });
});

describe("TEXT", () => {
  it("shows a number in a format, and passes texts through", () => {
    expect(value('=TEXT(Inputs!E2,"d mmm yyyy")')).toBe("30 Jun 2005");
    expect(value('=TEXT(0.256,"0.0%")')).toBe("25.6%");
    expect(value('=TEXT(240000,"£#,##0")')).toBe("£240,000");
    expect(value('=TEXT(1234567.891,"#,##0.00")')).toBe("1,234,567.89");
    expect(value('=TEXT(2.005,"0.00")')).toBe("2.01");
    expect(value('=TEXT(1E+16+2.5,"#,##0")')).toBe("10,000,000,000,000,000");
    expect(value('=TEXT("abc","0.00")')).toBe("abc");
    expect(value('=TEXT(1,"[[[")')).toEqual(errorValue("#VALUE!"));
    expect(() => value('=TEXT(1E+30,"0")')).toThrow(/1E\+21 or more/);
    expect(value('=TEXT(NA(),"0")')).toEqual(NA);
  });
});

describe("LOWER", () => {
  it("turns a text into lower case, a number into its text, and passes an error through", () => {
    expect(value('=LOWER("Logistic")')).toBe("logistic");
    expect(value("=LOWER(1.5)")).toBe("1.5");
    expect(value("=LOWER(TRUE)")).toBe("true");
    expect(value("=LOWER(NA())")).toEqual(NA);
  });
});

describe("unknown functions", () => {
  it("are an error that names the function and the cell, never a silent value", () => {
    expect(() => value("=RRI(2,1,3)")).toThrow(/Formula!A1 =RRI\(2,1,3\): The function RRI is not one the formula evaluator knows/);
    expect(() => value("=_xlfn.RRI(2,1,3)")).toThrow(/_XLFN\.RRI/);
    expect(() => value("=CRS.GROWTH(1,2)")).toThrow(/CRS\.GROWTH/);
    expect(() => value("=ROUND(1)")).toThrow(/ROUND takes 2 arguments, not 1/);
  });
});
