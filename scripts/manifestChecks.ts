/**
 * Checks of manifest.xml that its XML schema cannot make: that every resource id it uses is
 * defined, that every URL is https, that every icon it names exists in assets/, and that the
 * custom functions' script, metadata and page URLs name files the build writes. Also runs
 * the schema validation itself (xmllint against the XSDs in schemas/).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The files `npm run build` writes that Office loads: those the manifest points at, and the chunk taskpane.html loads before them. */
export const BUILT_FILES = ["taskpane.html", "shared.js", "functions.js", "functions.json"] as const;

type XmlNode = Record<string, unknown>;

/** Every element of a parsed XML tree, depth first, with its tag name. */
function* elements(node: unknown, tag = ""): Generator<{ tag: string; node: XmlNode }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, tag);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const element = node as XmlNode;
  if (tag) yield { tag, node: element };
  for (const [key, child] of Object.entries(element)) {
    if (!key.startsWith("@_") && key !== "#text") yield* elements(child, key);
  }
}

/** A tag without its namespace prefix: "bt:Url" → "Url". */
const localName = (tag: string): string => tag.slice(tag.indexOf(":") + 1);

/** A manifest's resources, resource references and URLs, read once for every check. */
export interface ManifestFacts {
  /** Resource id → its DefaultValue, from `<Resources>`. */
  readonly resources: ReadonlyMap<string, string>;
  /** Every `resid` used outside `<Resources>`, with the tag that uses it. */
  readonly references: readonly { tag: string; resid: string }[];
  /** Every URL the manifest holds, with the tag it is in. */
  readonly urls: readonly { tag: string; url: string }[];
  /** The resid of the custom functions' script, metadata and page. */
  readonly functions: { script?: string; metadata?: string; page?: string };
}

/** Reads what the checks need from manifest XML text. */
export function readManifest(xml: string): ManifestFacts {
  const tree = new XMLParser({
    ignoreAttributes: false,
    // Elements always as arrays, so that one child and many read alike; attributes as plain values.
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  }).parse(xml) as unknown;
  const resources = new Map<string, string>();
  const references: { tag: string; resid: string }[] = [];
  const urls: { tag: string; url: string }[] = [];
  const functions: { script?: string; metadata?: string; page?: string } = {};
  const resourceTags = new Set(["Image", "Url", "String"]);

  for (const { tag, node } of elements(tree)) {
    const id = node["@_id"];
    const value = node["@_DefaultValue"];
    if (typeof id === "string" && resourceTags.has(localName(tag)) && typeof value === "string") {
      resources.set(id, value);
    }
    const resid = node["@_resid"];
    if (typeof resid === "string") references.push({ tag: localName(tag), resid });
    if (typeof value === "string" && /^[a-z]+:\/\//i.test(value)) urls.push({ tag: localName(tag), url: value });
    for (const text of [node["#text"]].flat()) {
      if (typeof text === "string" && /^[a-z]+:\/\//i.test(text.trim())) urls.push({ tag: localName(tag), url: text.trim() });
    }
    if (localName(tag) === "ExtensionPoint" && node["@_xsi:type"] === "CustomFunctions") {
      const sourceOf = (part: string): string | undefined => {
        const location = [node[part]].flat()[0] as XmlNode | undefined;
        const source = location && ([location.SourceLocation].flat()[0] as XmlNode | undefined);
        return source?.["@_resid"] as string | undefined;
      };
      functions.script = sourceOf("Script");
      functions.metadata = sourceOf("Metadata");
      functions.page = sourceOf("Page");
    }
  }
  return { resources, references, urls, functions };
}

/**
 * The problems of a manifest that the schema does not catch; empty when there are none.
 *
 * @param xml the manifest's text
 * @param assetsDir the folder whose files the icon URLs must name
 */
export function manifestProblems(xml: string, assetsDir = join(ROOT, "assets")): string[] {
  const facts = readManifest(xml);
  const problems: string[] = [];

  for (const { tag, resid } of facts.references) {
    if (!facts.resources.has(resid)) problems.push(`<${tag} resid="${resid}"> names a resource that <Resources> does not define.`);
  }
  for (const { tag, url } of facts.urls) {
    if (!url.startsWith("https://")) problems.push(`<${tag}> URL ${url} is not https; Office loads add-ins only over https.`);
  }
  for (const { tag, url } of facts.urls) {
    const icon = /\/assets\/([^/?#]+\.png)$/.exec(url);
    if (icon && !existsSync(join(assetsDir, icon[1]))) problems.push(`<${tag}> names icon ${icon[1]}, which assets/ does not have.`);
  }
  const expected: Record<keyof ManifestFacts["functions"], string> = {
    script: "functions.js",
    metadata: "functions.json",
    page: "taskpane.html",
  };
  for (const [part, file] of Object.entries(expected) as [keyof typeof expected, string][]) {
    const resid = facts.functions[part];
    const url = resid === undefined ? undefined : facts.resources.get(resid);
    if (url === undefined) problems.push(`The CustomFunctions extension point has no ${part} URL.`);
    else if (!url.endsWith(`/${file}`)) problems.push(`The custom functions' ${part} URL ${url} should name ${file}, which the build writes.`);
  }
  return problems;
}

/** The outcome of validating a manifest file against the add-in manifest XSDs with xmllint. */
export function validateAgainstSchema(manifestPath: string): { valid: boolean; output: string } {
  const result = spawnSync(
    "xmllint",
    ["--noout", "--schema", join(ROOT, "schemas", "OfficeAppManifestV1_1.xsd"), manifestPath],
    { encoding: "utf8" },
  );
  if (result.error) {
    return { valid: false, output: `xmllint could not run (${result.error.message}); install it with: apt-get install -y libxml2-utils` };
  }
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
