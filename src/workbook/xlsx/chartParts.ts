/**
 * Native line charts for an .xlsx package. exceljs writes no charts, so the writer adds them
 * to its package afterwards: per sheet with charts, a drawing part that anchors each chart
 * over its cells, a chart part per chart (DrawingML, series over the ranges of the sheet it
 * draws, its own or another, no cached values: Excel and LibreOffice read the ranges on load),
 * the relationships from the sheet to the drawing and from the drawing to the charts, and their
 * content types.
 */
import JSZip from "jszip";
import { absoluteAddress, parseRange, sheetReference } from "../../excel/a1";
import { NUMBER_FORMATS } from "../plan";
import type { ChartPlan, ChartSeriesPlan, SheetPlan } from "../plan";

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_SHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = `${NS_RELATIONSHIPS}/drawing`;
const REL_CHART = `${NS_RELATIONSHIPS}/chart`;
const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The characters XML escapes, and how. */
const XML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** Elements a worksheet's <drawing> must come before, in the order the schema sets. */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

/** Adds the charts of `sheets` to the .xlsx package `xlsx`, whose sheets have the same names. */
export async function addCharts(xlsx: Uint8Array, sheets: readonly SheetPlan[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((sheet) => sheet.charts.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetParts = await sheetPartsByName(zip);
  for (const sheet of withCharts) {
    const sheetPart = sheetParts.get(sheet.name);
    if (sheetPart === undefined) throw new Error(`The package has no sheet '${sheet.name}' to draw charts on.`);
    const drawingPart = freePart(zip, "xl/drawings/drawing");
    zip.file(drawingPart, drawingXml(sheet.charts));
    const chartParts = sheet.charts.map((chart) => {
      const part = freePart(zip, "xl/charts/chart");
      zip.file(part, chartXml(chart, chart.dataSheet ?? sheet.name));
      return part;
    });
    zip.file(relsPathOf(drawingPart), relationshipsXml(chartParts.map((part) => ({ type: REL_CHART, target: `../charts/${baseName(part)}` }))));
    await linkDrawing(zip, sheetPart, `../drawings/${baseName(drawingPart)}`);
    await addContentTypes(zip, [[drawingPart, TYPE_DRAWING], ...chartParts.map((part): [string, string] => [part, TYPE_CHART])]);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The package part of each sheet, by sheet name, from the workbook and its relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  const targets = new Map(
    tags(await readPart(zip, "xl/_rels/workbook.xml.rels"), "Relationship").map((rel) => [rel.Id, rel.Target]),
  );
  return new Map(
    tags(workbook, "sheet").map((sheet) => [sheet.name, resolvePart("xl/workbook.xml", targets.get(sheet["r:id"]) ?? "")]),
  );
}

/** Gives a sheet a relationship to its drawing and the <drawing> element that uses it. */
async function linkDrawing(zip: JSZip, sheetPart: string, drawingTarget: string): Promise<void> {
  const sheetXml = await readPart(zip, sheetPart);
  // A sheet holds one drawing; the writer never adds pictures, so there is none to share.
  if (sheetXml.includes("<drawing ")) throw new Error(`${sheetPart} already has a drawing.`);
  const relsPath = relsPathOf(sheetPart);
  const rels = zip.file(relsPath) === null ? relationshipsXml([]) : await readPart(zip, relsPath);
  const id = freeRelationshipId(tags(rels, "Relationship").map((rel) => rel.Id));
  const link = `<Relationship Id="${id}" Type="${REL_DRAWING}" Target="${escapeXml(drawingTarget)}"/>`;
  zip.file(relsPath, rels.replace("</Relationships>", `${link}</Relationships>`));
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((found) => found >= 0));
  zip.file(sheetPart, `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`);
}

/** Declares the content type of new parts. */
async function addContentTypes(zip: JSZip, parts: readonly (readonly [string, string])[]): Promise<void> {
  const types = await readPart(zip, "[Content_Types].xml");
  const overrides = parts.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides}</Types>`));
}

/** The drawing part: each chart anchored from the top-left to the bottom-right cell of its position. */
function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts.map((chart, index) => {
    const { start, end } = parseRange(chart.position);
    // Anchors count rows and columns from 0; the chart ends at the far edge of its last cell.
    return (
      `<xdr:twoCellAnchor>${marker("from", start.column - 1, start.row - 1)}${marker("to", end.column, end.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_SHEET_DRAWING}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">${anchors.join("")}</xdr:wsDr>`;
}

/** A drawing anchor's corner. */
function marker(which: "from" | "to", column: number, row: number): string {
  return `<xdr:${which}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${which}>`;
}

/** Line width of every series, in EMU (1.5 pt); DrawingML measures lines in 12,700ths of a point. */
const LINE_EMU = 19_050;

/** A series' line and markers as DrawingML: a solid or dashed line without markers, or markers only. */
function seriesLook(series: ChartSeriesPlan): string {
  const fill = series.color === undefined ? "" : `<a:solidFill><a:srgbClr val="${series.color.replace(/^#/, "").toUpperCase()}"/></a:solidFill>`;
  if (series.look === "markers") {
    const marker = `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`;
    return `<c:spPr><a:ln w="${LINE_EMU}"><a:noFill/></a:ln></c:spPr>${marker}`;
  }
  const dash = series.look === "dashed" ? `<a:prstDash val="dash"/>` : "";
  return `<c:spPr><a:ln w="${LINE_EMU}" cap="rnd">${fill}${dash}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`;
}

/**
 * The category axis: a date axis (points spaced by time, labelled in the plan's date format) when
 * the categories are dates, else a text axis, evenly spaced.
 */
function categoryAxis(chart: ChartPlan): string {
  const common =
    `<c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `${title(chart.xAxisTitle)}`;
  const ticks = `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="2"/><c:crosses val="autoZero"/>`;
  if (chart.dateAxis) {
    const { format, unit = "days", labelEvery } = chart.dateAxis;
    const labels = labelEvery === undefined ? "" : `<c:majorUnit val="${labelEvery}"/><c:majorTimeUnit val="${unit}"/>`;
    return (
      `<c:dateAx>${common}<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>${ticks}` +
      `<c:auto val="0"/><c:lblOffset val="100"/><c:baseTimeUnit val="${unit}"/>${labels}</c:dateAx>`
    );
  }
  // Numeric categories keep their cells' number format (a date column shows as dates).
  return `<c:catAx>${common}<c:numFmt formatCode="General" sourceLinked="1"/>${ticks}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

/** A line chart part: one series per plan series over the ranges of its data sheet `sheet`, each drawn as the plan says. */
function chartXml(chart: ChartPlan, sheet: string): string {
  const ref = (address: string): string => escapeXml(`${sheetReference(sheet)}!${absoluteAddress(address)}`);
  const series = chart.series.map(
    (item, index) =>
      `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(item.name)}</c:v></c:tx>` +
      `${seriesLook(item)}` +
      `<c:cat><c:numRef><c:f>${ref(chart.categories)}</c:f></c:numRef></c:cat>` +
      `<c:val><c:numRef><c:f>${ref(item.values)}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`,
  );
  const scale = chart.valueAxis;
  const valueScale = scale ? `<c:max val="${scale.maximum}"/><c:min val="${scale.minimum}"/>` : "";
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>` +
    categoryAxis(chart) +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/>${valueScale}</c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/>${title(chart.yAxisTitle)}<c:numFmt formatCode="${escapeXml(chart.valueAxis?.format ?? NUMBER_FORMATS.count)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** A chart or axis title. */
function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** A relationships part whose relationships are rId1, rId2, … in order. */
function relationshipsXml(rels: readonly { type: string; target: string }[]): string {
  const items = rels.map(
    (rel, index) => `<Relationship Id="rId${index + 1}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">${items.join("")}</Relationships>`;
}

/** An Id no existing relationship of the part uses. */
function freeRelationshipId(used: readonly (string | undefined)[]): string {
  let n = used.length + 1;
  while (used.includes(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The first part "<stem>N.xml" the package does not have yet. */
function freePart(zip: JSZip, stem: string): string {
  let n = 1;
  while (zip.file(`${stem}${n}.xml`) !== null) n++;
  return `${stem}${n}.xml`;
}

/** The relationships part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's file name. */
function baseName(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

/** The package path of a relationship target relative to the part that holds it. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** A part's text; the package must have it. */
async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`The package lacks ${path}.`);
  return file.async("string");
}

/** The attributes of every element `name` in an XML text (flat parts only need this much). */
function tags(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const element of xml.matchAll(new RegExp(`<${name}\\s([^>]*?)/?>`, "g"))) {
    const attributes: Record<string, string> = {};
    for (const attribute of element[1].matchAll(/([\w:]+)="([^"]*)"/g)) attributes[attribute[1]] = unescapeXml(attribute[2]);
    found.push(attributes);
  }
  return found;
}

/** Text as XML character data or an attribute value. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]);
}

/** XML character data or an attribute value as text. */
function unescapeXml(text: string): string {
  return text.replace(/&(#\d+|#x[\da-fA-F]+|amp|lt|gt|quot|apos);/g, (escaped, entity: string) => {
    const named = Object.keys(XML_ENTITIES).find((char) => XML_ENTITIES[char] === escaped);
    if (named !== undefined) return named;
    return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}
