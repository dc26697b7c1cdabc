/**
 * What a PDF printout holds, page by page, as the print tests read it: the text laid out as
 * printed and each word with its box (poppler's pdftotext), and the size the text was printed at
 * (from the pages' content streams), so that a test can tell how far a sheet was scaled down.
 *
 * poppler-utils is required: without it the tests fail rather than skip.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/** A printed word and its box, in points from the page's top left. */
export interface PrintedWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** One printed page. */
export interface PrintedPage {
  /** The text laid out as printed (pdftotext -layout). */
  readonly text: string;
  /** The words in the order they were printed: a cell's words one after the other. */
  readonly words: readonly PrintedWord[];
  /** The font size most of the page's text was printed at, in points. */
  readonly fontSize: number;
}

/** A poppler program's output; poppler-utils must be installed. */
export function poppler(program: "pdfinfo" | "pdftotext", args: readonly string[]): string {
  try {
    return execFileSync(program, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${program} is not installed: it is needed to read a printout (apt-get install -y poppler-utils).`);
    throw error;
  }
}

/** The characters pdftotext escapes in its XML output. */
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The pages of the PDF file at `path`. */
export function printedPages(path: string): PrintedPage[] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(poppler("pdfinfo", [path]))![1]);
  const boxes = poppler("pdftotext", ["-bbox", path, "-"]).split("<page ").slice(1);
  const sizes = fontSizes(readFileSync(path));
  if (boxes.length !== count || sizes.length !== count) throw new Error(`${path}: ${count} pages, ${boxes.length} read by pdftotext, ${sizes.length} content streams.`);
  return Array.from({ length: count }, (_, index) => ({
    text: poppler("pdftotext", ["-layout", "-f", String(index + 1), "-l", String(index + 1), path, "-"]),
    words: [...boxes[index].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
      text: match[5].replace(/&(\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity),
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
    })),
    fontSize: sizes[index],
  }));
}

/**
 * The font size most text of each page is set in (the commonest operand of the `Tf` operator in
 * its content stream), in page order. Reads the objects of a PDF as LibreOffice writes them:
 * uncompressed object syntax, Flate-compressed content streams, one page tree.
 */
function fontSizes(pdf: Buffer): number[] {
  const text = pdf.toString("latin1");
  const objects = new Map<number, number>();
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj/g)) objects.set(Number(match[1]), match.index + match[0].length);
  const body = (id: number): string => {
    const start = objects.get(id);
    if (start === undefined) throw new Error(`The PDF has no object ${id}.`);
    return text.slice(start, text.indexOf("endobj", start));
  };
  const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(text)?.[1] ?? "";
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, page]) => {
    const contents = Number(/\/Contents (\d+) 0 R/.exec(body(Number(page)))![1]);
    const stream = body(contents);
    const start = stream.indexOf("stream") + "stream".length;
    const data = Buffer.from(stream.slice(start, stream.lastIndexOf("endstream")).replace(/^\r?\n/, ""), "latin1");
    const counts = new Map<number, number>();
    for (const [, size] of inflateSync(data).toString("latin1").matchAll(/\/F\d+ ([\d.]+) Tf/g)) counts.set(Number(size), (counts.get(Number(size)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  });
}
