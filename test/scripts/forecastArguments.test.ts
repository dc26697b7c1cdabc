import { describe, expect, it } from "vitest";
import { ArgumentError, FORECAST_USAGE, parseForecastArguments } from "../../scripts/forecastArguments";

/** The message of the error a command line throws (failing the test if it is accepted). */
function messageOf(args: string[]): string {
  try {
    parseForecastArguments(args);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentError);
    return (error as Error).message;
  }
  throw new Error("expected the command line to be rejected");
}

describe("parseForecastArguments", () => {
  it("reads the data file alone, with every default", () => {
    expect(parseForecastArguments(["gps.csv"])).toEqual({ data: "gps.csv", output: null, force: false, json: false, help: false, options: { launch: "" } });
  });

  it("reads every part of the spec's syntax, options as texts for the shared checks", () => {
    const args = ["gps.csv", "out.xlsx", "--model", "Bass", "--market", "150", "--target", "45", "--by", "30/06/2005", "--horizon", "24", "--unit", "week", "--confidence", "90%", "--force", "--json"];
    expect(parseForecastArguments(args)).toEqual({
      data: "gps.csv",
      output: "out.xlsx",
      force: true,
      json: true,
      help: false,
      options: { launch: "", model: "Bass", market: "150", target: "45", by: "30/06/2005", horizon: "24", unit: "week", confidence: "90%" },
    });
  });

  it("takes options in any order and --name=value", () => {
    expect(parseForecastArguments(["--json", "--market=-5", "gps.csv", "--model=logistic", "OUT.XLSX"])).toMatchObject({
      data: "gps.csv",
      output: "OUT.XLSX",
      json: true,
      options: { launch: "", market: "-5", model: "logistic" },
    });
  });

  it("answers --help and -h", () => {
    expect(parseForecastArguments(["--help"]).help).toBe(true);
    expect(parseForecastArguments(["data.csv", "-h"]).help).toBe(true);
  });

  it.each<[string, string[], string]>([
    ["no file", [], `Give the CSV file of your counts: ${FORECAST_USAGE}`],
    ["an unknown option", ["gps.csv", "--modle", "bass"], "Unknown option --modle. The options are --model, --market, --target, --by, --launch, --horizon, --unit, --confidence, --force, --json, --help."],
    ["an unknown short option", ["gps.csv", "-m", "bass"], "Unknown option -m. The options are --model, --market, --target, --by, --launch, --horizon, --unit, --confidence, --force, --json, --help."],
    ["an option without its value", ["gps.csv", "--market"], '--market needs a value, such as --market 150 (for a value that starts with "-", write --market=-5).'],
    ["a value that looks like an option", ["gps.csv", "--horizon", "--json"], '--horizon needs a value, such as --horizon 12 (for a value that starts with "-", write --horizon=-5).'],
    ["a flag given a value", ["gps.csv", "--force=yes"], "--force takes no value."],
    ["an option given twice", ["gps.csv", "--model", "bass", "--model", "gompertz"], "--model is given twice; give it once."],
    ["a third file", ["gps.csv", "out.xlsx", "more.xlsx"], 'Unexpected argument "more.xlsx": give the CSV file and, if you like, the .xlsx file to write.'],
    ["the files the wrong way round", ["out.xlsx", "gps.csv"], '"out.xlsx" is a workbook: give the CSV file of your counts first, then the .xlsx file to write.'],
    ["an output that is not .xlsx", ["gps.csv", "out.csv"], '"out.csv" must end in .xlsx: it names the workbook to write.'],
  ])("names what is wrong: %s", (_name, args, message) => {
    expect(messageOf(args)).toBe(message);
  });
});
