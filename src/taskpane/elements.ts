/**
 * The pane's building blocks: an element with attributes and children, a tab's panel, and the
 * labelled fields of its forms, shared by every tab's view.
 */

export type Attributes = Readonly<Record<string, string>>;

/** An element with attributes and children (texts become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child !== null) element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** A tab's panel: its content, which scrolls, and its actions below, always in view. */
export function panel(id: string, content: readonly (Node | null)[], actions: readonly Node[]): HTMLElement {
  return h(
    "section",
    { id: `panel-${id}`, class: "panel" },
    h("div", { class: "panel-content" }, ...content),
    h("div", { class: "actions" }, ...actions),
  );
}

/** A labelled control of a form, with a line of help the control is described by. */
export function field(control: HTMLInputElement | HTMLSelectElement, label: string, help: string | null, extra: Node | null = null): HTMLElement {
  const helpId = `${control.id}-help`;
  if (help !== null) control.setAttribute("aria-describedby", helpId);
  return h(
    "div",
    { class: "field stacked" },
    h("label", { for: control.id }, label),
    extra === null ? control : h("div", { class: "control-row" }, control, extra),
    help === null ? null : h("p", { class: "field-help", id: helpId }, help),
  );
}

/** A text box of a form. */
export function textInput(id: string, attributes: Attributes = {}): HTMLInputElement {
  return h("input", { type: "text", id, class: "input", autocomplete: "off", spellcheck: "false", ...attributes });
}

/** A drop-down of a form: [value, text] pairs, the first selected. */
export function select(id: string, options: readonly (readonly [string, string])[]): HTMLSelectElement {
  return h("select", { id, class: "input" }, ...options.map(([value, text]) => h("option", { value }, text)));
}
