import { describe, expect, it } from "vitest";
import { describeDate, readDateText, readNumberText } from "../../src/data/textValues";

describe("readNumberText", () => {
  it.each([
    ["0", 0],
    ["3500", 3500],
    [" 18981 ", 18981],
    ["-5", -5],
    ["+7", 7],
    ["12.5", 12.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
    ["1,234", 1234],
    ["12,345,678.5", 12345678.5],
    ["-1,000", -1000],
  ])("reads %j as %d", (text, value) => {
    expect(readNumberText(text)).toBe(value);
  });

  it.each(["", " ", "abc", "1,5", "1,23", "1,2345", "12,34,567", "1.234,5", "1 234", "£5", "5%", "0x10", "Infinity", "NaN", "1e999", "--5", "1,234,", ",123"])(
    "reads nothing from %j",
    (text) => {
      expect(readNumberText(text)).toBeUndefined();
    },
  );
});

describe("readDateText", () => {
  it.each([
    ["2005-06-30", 38533],
    ["30/06/2005", 38533],
    ["30/6/2005", 38533],
    [" 1/8/2005 ", 38565],
    ["2005-8-1", 38565],
    ["1900-03-01", 61],
    ["9999-12-31", 2958465],
    ["29/02/2004", 38046],
  ])("reads %j as the serial %d", (text, serial) => {
    expect(readDateText(text)).toEqual({ serial });
  });

  it.each([
    ["31/02/2005", "there is no 31 February 2005"],
    ["29/02/2005", "there is no 29 February 2005"],
    ["2005-06-31", "there is no 31 June 2005"],
    ["06/30/2005", "30 is not a month"],
    ["2005-13-01", "13 is not a month"],
    ["30/06/05", "with the year in full"],
    ["30.06.2005", "write dates as 2005-06-30 or 30/06/2005"],
    ["30-06-2005", "write dates as"],
    ["2005-06-30T12:00:00", "no time of day"],
    ["2005-06-30 00:00", "no time of day"],
    ["1899-12-31", "Excel holds dates from 1 March 1900"],
    ["0050-01-01", "Excel holds dates from 1 March 1900"],
    ["1900-02-28", "Excel holds dates from 1 March 1900"],
  ])("says why %j is no date", (text, problem) => {
    const reading = readDateText(text);
    expect(reading && "problem" in reading ? reading.problem : reading).toContain(problem);
  });

  it.each(["3500", "June 2005", "Jun-05", "2005", "", "abc", "1,234"])("does not take %j for a date", (text) => {
    expect(readDateText(text)).toBeUndefined();
  });
});

describe("describeDate", () => {
  it.each([
    [38533, "30 Jun 2005"],
    [38565, "1 Aug 2005"],
    [44450, "11 Sep 2021"],
    [38533.75, "30 Jun 2005"],
  ])("writes %d as %s", (serial, text) => {
    expect(describeDate(serial)).toBe(text);
  });
});
