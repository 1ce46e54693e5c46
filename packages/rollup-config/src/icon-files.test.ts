import { svgElementIds } from '@ipk/plugin-probe';
import { describe, expect, it } from 'vitest';
import { optimiseSvg } from './icon-files.js';

describe('optimiseSvg', () => {
  it('keeps the root id that a file.svg#id reference needs, even though nothing inside uses it', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" id="crop" viewBox="0 0 24 24"><g id="inner"><path d="M0 0h24"/></g></svg>';
    const optimised = optimiseSvg(svg, 'crop.svg');
    expect(svgElementIds(optimised)).toEqual(new Set(['crop', 'inner']));
  });

  it('drops comments, the XML prolog and whitespace', () => {
    const optimised = optimiseSvg(
      '<?xml version="1.0"?>\n<!-- note -->\n<svg xmlns="http://www.w3.org/2000/svg" id="x">\n  <rect width="1" height="1"/>\n</svg>\n',
      'x.svg',
    );
    expect(optimised).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" id="x"><path d="M0 0h1v1H0z"/></svg>',
    );
  });
});
