import { describe, expect, it } from "vitest";
import { ForecastOptionsError, readForecastOptions, type ForecastOptionsInput } from "../../../../src/workbook/sheets/forecast/options";

/** A dated series (times are date serials) whose largest count is 160. */
const DATED = { timesAreDates: true, counts: [12, 45, 120, 160] };
/** A series whose times are plain numbers (months since the launch). */
const NUMBERED = { timesAreDates: false, counts: [12, 45, 120, 160] };

/** The messages of the options' problems (failing the test if they are accepted). */
function messagesOf(input: ForecastOptionsInput, series = DATED, label?: (option: keyof ForecastOptionsInput) => string): string[] {
  try {
    readForecastOptions(input, series, label);
  } catch (error) {
    expect(error).toBeInstanceOf(ForecastOptionsError);
    return (error as ForecastOptionsError).problems.map((problem) => problem.message);
  }
  throw new Error("expected the options to be rejected");
}

describe("readForecastOptions", () => {
  it("gives the defaults for nothing, empty texts and blanks: auto, 12 months, 80%", () => {
    const defaults = { model: "auto", market: null, target: null, launch: null, horizon: 12, unit: "month", confidence: 0.8 };
    expect(readForecastOptions({}, DATED)).toEqual(defaults);
    expect(readForecastOptions({ model: "", market: " ", target: null, by: undefined, horizon: "", unit: "", confidence: "" }, DATED)).toEqual(defaults);
    expect(readForecastOptions({}, NUMBERED).unit).toBe("period");
  });

  it("reads every option from text, as the command line gives it", () => {
    expect(readForecastOptions({ model: " Gompertz ", market: "1,500", target: "450", by: "30/06/2005", horizon: "24", unit: "Quarters", confidence: "90%" }, DATED)).toEqual({
      model: "gompertz",
      market: 1500,
      target: { count: 450, by: 38533 },
      launch: null,
      horizon: 24,
      unit: "quarter",
      confidence: 0.9,
    });
    expect(readForecastOptions({ target: "45", by: "2005-06-30", confidence: "0.95" }, DATED)).toMatchObject({ target: { count: 45, by: 38533 }, confidence: 0.95 });
  });

  it("reads numbers as the task pane's fields may give them, a date as its serial", () => {
    expect(readForecastOptions({ market: 400, target: 45, by: 38533, horizon: 6, confidence: 0.5 }, DATED)).toMatchObject({ market: 400, target: { count: 45, by: 38533 }, horizon: 6, confidence: 0.5 });
  });

  it("takes a time for --by when the times are numbers, and period or a calendar unit as their unit", () => {
    expect(readForecastOptions({ target: "200", by: "18.5", unit: "periods" }, NUMBERED)).toMatchObject({ target: { count: 200, by: 18.5 }, unit: "period" });
    expect(readForecastOptions({ unit: "Months" }, NUMBERED).unit).toBe("month");
  });

  it.each<[string, ForecastOptionsInput, string]>([
    ["an unknown model", { model: "linear" }, '--model must be auto, bass, logistic or gompertz, not "linear".'],
    ["a market that is not a number", { market: "lots" }, '--market must be a market size greater than 0, such as 150, not "lots".'],
    ["a market of 0", { market: "0" }, "--market must be a market size greater than 0, such as 150, not 0."],
    ["a market below the largest count", { market: "150" }, "--market 150 is less than the largest count, 160: the market size is all who can adopt, at least as many as have."],
    ["a target with no date", { target: "45" }, "--target needs --by too: the date to reach it by."],
    ["a date with no target", { by: "30/06/2005" }, "--by needs --target too: the count to reach by then."],
    ["a negative target", { target: "-4", by: "30/06/2005" }, "--target must be a count greater than 0, such as 45, not -4."],
    ["a target above the market", { target: "500", by: "30/06/2005", market: "400" }, "--target 500 is more than the market size 400, so it is never reached."],
    ["a date it cannot read", { target: "45", by: "31/06/2005" }, '--by must be a date, such as 2005-06-30 or 30/06/2005, as the times are dates, not "31/06/2005": there is no 31 June 2005.'],
    ["a number for a date", { target: "45", by: "7" }, '--by must be a date, such as 2005-06-30 or 30/06/2005, as the times are dates, not "7".'],
    ["a horizon that is not whole", { horizon: "2.5" }, '--horizon must be a whole number of periods from 1 to 600, such as 12, not "2.5".'],
    ["a horizon of 0", { horizon: "0" }, '--horizon must be a whole number of periods from 1 to 600, such as 12, not "0".'],
    ["a horizon past 600", { horizon: "601" }, '--horizon must be a whole number of periods from 1 to 600, such as 12, not "601".'],
    ["an unknown unit", { unit: "fortnight" }, '--unit must be one of day, week, month, quarter, year, not "fortnight".'],
    ["periods with dates", { unit: "period" }, '--unit must be one of day, week, month, quarter, year, not "period".'],
    ["a confidence of 80", { confidence: "80" }, '--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not "80".'],
    ["a confidence of 100%", { confidence: "100%" }, '--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not "100%".'],
    ["a confidence of 0", { confidence: 0 }, "--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not 0."],
  ])("names the option and says what it must be: %s", (_name, input, message) => {
    expect(messagesOf(input)).toEqual([message]);
  });

  it("asks for a number for --by when the times are numbers", () => {
    expect(messagesOf({ target: "45", by: "30/06/2005" }, NUMBERED)).toEqual([
      '--by must be a time on the scale of your times (a number, as the times are numbers), not "30/06/2005".',
    ]);
  });

  it("gives Bass with dates a launch where the caller offers one: the first count's date, or a date on or before it", () => {
    const dated = { ...DATED, times: [38291, 38321, 38352, 38383] };
    expect(readForecastOptions({ model: "bass", launch: "" }, dated).launch).toBe(38291);
    expect(readForecastOptions({ model: "bass", launch: "30/09/2004" }, dated).launch).toBe(38260);
    // A caller that offers no launch leaves Bass with dates to be refused as CRS.FIT refuses it.
    expect(readForecastOptions({ model: "bass" }, dated).launch).toBeNull();
    expect(readForecastOptions({ model: "logistic", launch: "" }, dated).launch).toBeNull();
    expect(messagesOf({ model: "bass", launch: "31/12/2004" }, dated)).toEqual(["--launch must be on or before the first count's date, 31 Oct 2004, not \"31/12/2004\": Bass counts the adopters from the launch."]);
    expect(messagesOf({ model: "bass", launch: "soon" }, dated)).toEqual(['--launch must be a date, such as 2005-06-30 or 30/06/2005, not "soon".']);
    expect(messagesOf({ model: "gompertz", launch: "30/09/2004" }, dated)).toEqual(["--launch is for the Bass model only: the other curves need no launch."]);
    expect(messagesOf({ model: "bass", launch: "0" }, { ...NUMBERED, times: [0, 1, 2, 3] } as typeof dated)).toEqual(["--launch is for dates: with numbers as times, Bass counts time from 0."]);
  });

  it("reports every wrong option at once", () => {
    expect(messagesOf({ model: "x", horizon: "x", confidence: "x", target: "45" })).toHaveLength(4);
  });

  it("names the options as the pane's fields when it gives their labels", () => {
    const labels = { model: "Model", market: "Market size", target: "Target", by: "Target date", launch: "Launch", horizon: "Horizon", unit: "Period", confidence: "Confidence" };
    expect(messagesOf({ target: "45", horizon: "0" }, DATED, (option) => labels[option])).toEqual([
      "Target needs Target date too: the date to reach it by.",
      'Horizon must be a whole number of periods from 1 to 600, such as 12, not "0".',
    ]);
  });
});
