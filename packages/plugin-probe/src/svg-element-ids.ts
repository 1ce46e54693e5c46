/**
 * Every `id` attribute in an SVG document, in document order. Case-sensitive, as ids are in SVG:
 * Pexip's guide ("Menu item icons") asks for the id of an element in the file.
 */
export function svgElementIds(svg: string): Set<string> {
  const ids = new Set<string>();
  for (const match of svg.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const id = match[1] ?? match[2];
    if (id) ids.add(id);
  }
  return ids;
}
