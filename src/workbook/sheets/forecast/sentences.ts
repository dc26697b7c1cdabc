/**
 * The sentences at the top of a forecast sheet, which say what the forecast means: formulas
 * over the option and result cells, so that they stay true when the numbers change.
 */
import type { Series } from "../../../data/series";
import { NO_CURVE } from "./figures";
import type { ForecastLayout, Formats } from "./layout";
import type { ForecastOptions } from "./options";
import { periodsText } from "./steps";

/**
 * The sentences at the top of the sheet, as formulas over the option and result cells: TEXT
 * shows each number as the sheet formats it, and IF picks the words, so that they stay true when
 * the numbers change.
 */
export class SentenceFormulas {
  constructor(
    /** Where the option and result cells are. */
    private readonly layout: ForecastLayout,
    private readonly series: Series,
    private readonly options: ForecastOptions,
    private readonly formats: Formats,
    /** Whether REACH and CHANCE are live formulas that follow the target cells, or values written with the file. */
    private readonly live: boolean,
  ) {}

  /** A time as the sentence shows it: "12 Jul 2005", or "time 7.6" ("week 7.6") for plain numbers. */
  private time(expression: string): string {
    if (this.series.timesAreDates) return `TEXT(${expression},"d mmm yyyy")`;
    return `"${this.options.unit === "period" ? "time" : this.options.unit} "&TEXT(${expression},"#,##0.0")`;
  }

  /** A time with the preposition a sentence puts before it: "on 12 Jul 2005", "at time 7.6". */
  private when(expression: string): string {
    return `"${this.series.timesAreDates ? "on" : "at"} "&${this.time(expression)}`;
  }

  private count(expression: string, format = this.formats.count): string {
    return `TEXT(${expression},"${format}")`;
  }

  /**
   * When the target is as likely as not reached (REACH: the chance of it is 1/2 then), and the
   * chance of reaching it by its date: "45 of 150 (30%): as likely as not by 6 Jul 2005; 31% by
   * 30 Jun 2005." A target the counts already passed "was reached by" then. In the live sheet
   * REACH and CHANCE follow the target cells, so the sentence invites a target to be typed; in a
   * file of values they were computed for the target it was written with, so the sentence states
   * them only while the target cells still hold that target, and otherwise says to write the file
   * again with the command's --target and --by options.
   */
  target(): string {
    const { optionCell, resultCell } = this.layout;
    const [target, by, market] = [optionCell("target"), optionCell("by"), optionCell("market")];
    const [reach, chance, last] = [resultCell("reach"), resultCell("chance"), resultCell("lastTime")];
    const share = `IF(ISNUMBER(${market})," of "&${this.count(market)}&" ("&TEXT(${target}/${market},"0%")&")","")`;
    const reached = `IF(ISNA(${reach}),": never as likely as not, the forecast levels off below it",IF(${reach}<=${last}," was reached by ",": as likely as not by ")&${this.time(reach)})`;
    const odds = `IF(ISBLANK(${by}),".","; "&TEXT(${chance},"0%")&" by "&${this.time(by)}&".")`;
    const unworkable = this.cannot("The target", reach, `give a target greater than 0; if it is, the counts do not level off yet: give a known market size in ${this.marketAt()}.`);
    const stated = `IFERROR(${this.count(target)}&${share}&${reached}&${odds},${unworkable})`;
    const [targetAt, byAt] = [target.replace(/\$/g, ""), by.replace(/\$/g, "")];
    const timeWord = this.series.timesAreDates ? "date" : "time";
    if (this.live) {
      const none = `"No target: type a target count in ${targetAt} and a ${timeWord} in ${byAt} to see when it is reached and the chance of reaching it by then."`;
      return `=IF(ISBLANK(${target}),${none},${stated})`;
    }
    const rerun = `run the forecast again with --target and --by (the count, and the ${timeWord} to reach it by).`;
    const written = this.options.target;
    if (written === null) {
      const none = `"No target was given when this file was written: to see when one is reached and the chance of reaching it by a ${timeWord}, ${rerun}"`;
      const typed = `"A target typed here is not worked out, as this file holds values computed when it was written: ${rerun}"`;
      return `=IF(AND(ISBLANK(${target}),ISBLANK(${by})),${none},${typed})`;
    }
    const changed = `"The target in ${targetAt} and ${byAt} is not the one this file was written with (the figures below are for that one): to see another, ${rerun}"`;
    return `=IF(AND(${target}=${written.count},${by}=${written.by}),${stated},${changed})`;
  }

  /**
   * The count at the end of the horizon: the forecast (as likely above as below), its bounds
   * (which start from the last count and add the new adopters still to come), and the fitted
   * curve there.
   */
  forecast(): string {
    const { optionCell, resultCell } = this.layout;
    const [end, forecast, lower, upper] = [resultCell("endTime"), resultCell("endForecast"), resultCell("endLower"), resultCell("endUpper")];
    const [last, lastCount] = [resultCell("lastTime"), resultCell("lastCount")];
    const after = `${periodsText(this.options.horizon, this.options.unit)} after the last count`;
    const forecastCount = (expression: string): string => this.count(expression, this.formats.forecast);
    const sentence =
      `"By "&${this.time(end)}&", ${after} ("&${this.count(lastCount)}&" "&${this.when(last)}&"), the forecast is "&${forecastCount(forecast)}&` +
      `", as likely above as below, and the count is between "&${forecastCount(lower)}&" and "&${forecastCount(upper)}&" with "&` +
      `TEXT(${optionCell("confidence")},"0%")&" confidence."`;
    const reason = `the counts do not level off yet, or do not rise: give a known market size in ${this.marketAt()}, check the counts, and give a confidence between 0 and 1.`;
    return `=IFERROR(${sentence},${this.cannot("The forecast", forecast, reason)})`;
  }

  /**
   * Which model, and why; or, where no curve can be fitted yet (the model used is `NO_CURVE`), that
   * the forecast carries the recent pace on, and what may give a curve.
   */
  model(): string {
    const { optionCell, resultCell } = this.layout;
    const [model, used, weight, market] = [optionCell("model"), resultCell("modelUsed"), resultCell("weight"), optionCell("market")];
    const percent = `IFERROR(TEXT(${weight},"0%"),"not available")`;
    const auto = `"The "&${used}&" curve fits these counts best of the three (the lowest AICc; Akaike weight "&${percent}&": see Models compared below)."`;
    const chosen = `"The "&${used}&" curve, as chosen in ${model.replace(/\$/g, "")}; its Akaike weight among the three is "&${percent}&"."`;
    const noCurve =
      `"No curve fits these counts yet: they do not yet show where they level off, or are too few (see the fit below). ` +
      `So the forecast carries the recent pace on, with wide bounds"&IF(ISBLANK(${market}),"; a known market size in ${this.marketAt()} may give a curve.",".")`;
    // Excel compares texts ignoring case: "Auto" is "auto".
    const reason = `the counts do not level off yet, or do not rise: give a known market size in ${this.marketAt()}, or check the counts.`;
    const named = `IF(${model}="auto",${auto},${chosen})`;
    return `=IFERROR(IF(${used}="${NO_CURVE}",${noCurve},${named}),${this.cannot("The model", used, reason, "cannot be fitted to these counts")})`;
  }

  /**
   * What a sentence says when its figures are errors. Excel shows a function's message when one
   * hovers over a #N/A or #VALUE! cell, but never on #NUM! (ERROR.TYPE 6), so there the sentence
   * gives the reason in words; for any other error it points to the error cells.
   */
  private cannot(subject: string, cell: string, numReason: string, fails = "cannot be worked out"): string {
    const hover = `"${subject} ${fails}: see the error cells below (hover over one for why)."`;
    return `IF(IFERROR(ERROR.TYPE(${cell}),0)=6,"${subject} ${fails} (#NUM!): ${numReason}",${hover})`;
  }

  /** The market size's option cell as a sentence names it (B6, not $B$6). */
  private marketAt(): string {
    return this.layout.optionCell("market").replace(/\$/g, "");
  }
}
