/**
 * The elements Tab reaches inside `root`, in document order, walking the flattened tree: into
 * open shadow roots (our own components) and through slots to the light-DOM content assigned
 * to them (a plugin's HTML). The dialog's focus trap wraps around this list.
 */
export function tabbableElements(root: Element | ShadowRoot): HTMLElement[] {
  return childrenInFlatTree(root).flatMap((child) => {
    const self = child instanceof HTMLElement && isTabbable(child) ? [child] : [];
    if (child instanceof HTMLElement && (child.hidden || child.inert)) return self;
    return [...self, ...tabbableElements(child)];
  });
}

function childrenInFlatTree(node: Element | ShadowRoot): Element[] {
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedElements({ flatten: true });
    return assigned.length > 0 ? assigned : [...node.children];
  }
  if (node instanceof Element && node.shadowRoot) return [...node.shadowRoot.children];
  return [...node.children];
}

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0) return false;
  if ('disabled' in element && element.disabled === true) return false;
  if (element.inert) return false;
  // jsdom has no checkVisibility (no layout): treat everything as visible there.
  const canCheck = typeof (element as Partial<HTMLElement>).checkVisibility === 'function';
  return !canCheck || element.checkVisibility({ visibilityProperty: true });
}

/** `document.activeElement` follows focus only to a shadow host; this follows it inside. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
