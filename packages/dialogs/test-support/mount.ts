import type { IpkElement } from '../src/ipk-element.js';

/**
 * Creates `<tag>` (a versioned tag such as `BUTTON_TAG`), lets `setup` set its properties and
 * children, attaches it to the page and waits for its first render.
 */
export async function mount<T extends IpkElement>(
  tag: string,
  setup: (element: T) => void = () => undefined,
): Promise<T> {
  const element = document.createElement(tag) as T;
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Collects the `detail` of every `type` event that reaches `target`. */
export function recordEvents<Detail>(target: EventTarget, type: string): Detail[] {
  const details: Detail[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<Detail>).detail));
  return details;
}
