import { describe, expect, it } from 'vitest';
import { isWebapp2SpriteIcon, parseMenuIcon } from './parse-menu-icon.js';

describe('parseMenuIcon', () => {
  it.each([
    ['crop.svg#crop', 'crop.svg', 'crop'],
    ['assets/images/grid.svg#grid', 'assets/images/grid.svg', 'grid'],
    [
      'configuration/plugins/rec/stop.SVG#stop-recording',
      'configuration/plugins/rec/stop.SVG',
      'stop-recording',
    ],
    ['icons.svg#mic-off', 'icons.svg', 'mic-off'],
  ])('splits %s into the SVG file and the element id', (icon, file, fragment) => {
    expect(parseMenuIcon(icon)).toEqual({ file, fragment });
  });

  it.each([
    ['no #id', 'assets/images/rename.svg'],
    ['an empty id', 'crop.svg#'],
    ['not an SVG', 'crop.png#crop'],
    ['two fragments', 'crop.svg#a#b'],
    ['no file', '#crop'],
    ['spaces', 'my icon.svg#crop'],
    ['empty', ''],
  ])('refuses %s', (_, icon) => {
    expect(parseMenuIcon(icon)).toBeUndefined();
  });
});

describe('isWebapp2SpriteIcon', () => {
  it("recognises webapp2's own sprite sheet only when the icon names it without a folder", () => {
    expect(isWebapp2SpriteIcon({ file: 'icons.svg', fragment: 'mic-off' })).toBe(true);
    expect(isWebapp2SpriteIcon({ file: 'assets/images/icons.svg', fragment: 'video' })).toBe(false);
    expect(isWebapp2SpriteIcon({ file: 'crop.svg', fragment: 'crop' })).toBe(false);
  });
});
