/**
 * Tabs after the WAI-ARIA Authoring Practices' tabs pattern, with automatic activation: a
 * `tablist` of `tab` buttons, each `aria-controls` its `tabpanel` and says whether it is
 * `aria-selected`; only the selected tab is in the Tab order (roving tabindex); Left and Right
 * arrows move to the previous and next tab (wrapping), Home and End to the first and last, and
 * the tab reached is shown at once.
 */

/** A tab to make: its id, its label, and the panel it shows. */
export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly panel: HTMLElement;
}

/** Tabs made: the tablist to put in the page, and a way to show a tab. */
export interface Tabs {
  readonly tablist: HTMLElement;
  readonly tabs: readonly HTMLButtonElement[];
  /** Shows the tab with this id (and its panel), hiding the others. */
  select(id: string): void;
  /** The id of the tab shown. */
  selected(): string;
}

/** The keys that move between tabs, and where each goes from tab `index` of `count`. */
const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * Makes the tabs of `specs`, labelled `label`, the first one shown.
 *
 * @example createTabs("Sections", [{ id: "datasets", label: "Datasets", panel }]).select("datasets")
 */
export function createTabs(label: string, specs: readonly TabSpec[]): Tabs {
  const tablist = document.createElement("div");
  tablist.setAttribute("role", "tablist");
  tablist.setAttribute("aria-label", label);
  tablist.className = "tabs";
  const tabs = specs.map((spec) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `tab-${spec.id}`;
    tab.className = "tab";
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", spec.panel.id);
    tab.textContent = spec.label;
    spec.panel.setAttribute("role", "tabpanel");
    spec.panel.setAttribute("aria-labelledby", tab.id);
    tablist.append(tab);
    return tab;
  });
  let current = specs[0].id;

  const select = (id: string): void => {
    const index = specs.findIndex((spec) => spec.id === id);
    if (index === -1) return;
    current = id;
    specs.forEach((spec, i) => {
      const shown = i === index;
      tabs[i].setAttribute("aria-selected", String(shown));
      tabs[i].tabIndex = shown ? 0 : -1;
      spec.panel.hidden = !shown;
    });
  };

  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(specs[index].id));
    tab.addEventListener("keydown", (event) => {
      const move = MOVES[event.key];
      if (!move) return;
      event.preventDefault();
      const next = move(index, tabs.length);
      select(specs[next].id);
      tabs[next].focus();
    });
  });
  select(current);
  return { tablist, tabs, select, selected: () => current };
}
