/**
 * The command line every command that turns a CSV file into a workbook shares, read with Node's
 * own strict parser: the CSV file, an optional .xlsx file to write, options that take a value,
 * and the flags --force, --json and --help (-h). Each command names its options and gives an
 * example value of each for messages; the values are checked afterwards by the command's own
 * option reader.
 */
import { parseArgs } from "node:util";

/** A command line that cannot be read; the message names the argument and what is wrong. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

/** What a command takes: its options that take a value, with an example of each, and how to run it. */
export interface CommandLineSpec<Name extends string> {
  readonly examples: Readonly<Record<Name, string>>;
  /** The usage line, for the message when no file is given. */
  readonly usage: string;
  /** What the CSV file holds, for messages: "your counts". */
  readonly data: string;
}

/** The command line, read. Paths are as given (relative to the caller's folder). */
export interface DataCommand<Name extends string> {
  /** The CSV file. */
  readonly data: string;
  /** The workbook to write, or null when not given. */
  readonly output: string | null;
  /** Whether an existing output may be overwritten. */
  readonly force: boolean;
  /** Whether to print one JSON object instead of sentences. */
  readonly json: boolean;
  /** Whether the user asked how to use the command (--help or -h); nothing else is read then. */
  readonly help: boolean;
  /** The options given, as texts. */
  readonly options: Partial<Record<Name, string>>;
}

const FLAG_OPTIONS = ["force", "json", "help"] as const;

/**
 * Reads a command's arguments. Throws an `ArgumentError` that names the argument: an unknown
 * option, an option without its value or given twice, a flag given a value, no data file, a
 * third file, or files in the wrong order.
 *
 * @example parseDataCommand(["gps.csv", "--target", "45"], { examples: { target: "45" }, usage: "…", data: "your counts" })
 *   // { data: "gps.csv", output: null, force: false, json: false, help: false, options: { target: "45" } }
 */
export function parseDataCommand<Name extends string>(args: readonly string[], spec: CommandLineSpec<Name>): DataCommand<Name> {
  const valueOptions = Object.keys(spec.examples) as Name[];
  const options = {
    ...Object.fromEntries(valueOptions.map((name) => [name, { type: "string" as const }])),
    force: { type: "boolean" as const },
    json: { type: "boolean" as const },
    help: { type: "boolean" as const, short: "h" },
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new ArgumentError(describeParseError(error, spec, valueOptions));
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return { data: "", output: null, force: false, json: false, help: true, options: {} };

  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new ArgumentError(`--${token.name} is given twice; give it once.`);
    seen.add(token.name);
  }
  const [data, output, ...extra] = positionals;
  if (data === undefined) throw new ArgumentError(`Give the CSV file of ${spec.data}: ${spec.usage}`);
  if (extra.length > 0) throw new ArgumentError(`Unexpected argument "${extra[0]}": give the CSV file and, if you like, the .xlsx file to write.`);
  if (/\.xlsx$/i.test(data)) throw new ArgumentError(`"${data}" is a workbook: give the CSV file of ${spec.data} first, then the .xlsx file to write.`);
  if (output !== undefined && !/\.xlsx$/i.test(output)) throw new ArgumentError(`"${output}" must end in .xlsx: it names the workbook to write.`);

  const given: Partial<Record<Name, string>> = {};
  for (const name of valueOptions) {
    const value = (values as Record<string, unknown>)[name];
    if (typeof value === "string") given[name] = value;
  }
  return { data, output: output ?? null, force: values.force === true, json: values.json === true, help: false, options: given };
}

/** Node's message for a command line it rejects, said in the command's terms. */
function describeParseError<Name extends string>(error: unknown, spec: CommandLineSpec<Name>, valueOptions: readonly Name[]): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? "")?.[1] ?? "";
  const name = option.replace(/^-+/, "").split("=")[0];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const known = [...valueOptions, ...FLAG_OPTIONS].map((known) => `--${known}`).join(", ");
    return `Unknown option ${option}. The options are ${known}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) return `--${name} takes no value.`;
    const example = spec.examples[name as Name] ?? "…";
    return `--${name} needs a value, such as --${name} ${example} (for a value that starts with "-", write --${name}=-5).`;
  }
  return message ?? String(error);
}
