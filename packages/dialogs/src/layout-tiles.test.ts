import { describe, expect, it } from 'vitest';
import {
  FRAME_HEIGHT,
  FRAME_WIDTH,
  PEXIP_LAYOUTS,
  describeLayout,
  layoutTiles,
} from './layout-tiles.js';
import type { LayoutTile } from './layout-tiles.js';

function count(tiles: LayoutTile[], kind: LayoutTile['kind']): number {
  return tiles.filter((tile) => tile.kind === kind).length;
}

function overlap(a: LayoutTile, b: LayoutTile): boolean {
  const epsilon = 1e-9;
  return (
    a.x + a.width > b.x + epsilon &&
    b.x + b.width > a.x + epsilon &&
    a.y + a.height > b.y + epsilon &&
    b.y + b.height > a.y + epsilon
  );
}

describe('layoutTiles', () => {
  it.each([
    ['1:0', 1, 0],
    ['4:0', 4, 0],
    ['9:0', 9, 0],
    ['16:0', 16, 0],
    ['25:0', 25, 0],
    ['1:7', 1, 7],
    ['1:21', 1, 21],
    ['2:21', 2, 21],
    ['5:7', 5, 7],
  ])('draws %s as its main speakers and thumbnails (%i + %i)', (layout, speakers, thumbnails) => {
    const tiles = layoutTiles(layout);
    expect(count(tiles, 'speaker')).toBe(speakers);
    expect(count(tiles, 'thumbnail')).toBe(thumbnails);
  });

  it('draws 1:33 as one speaker ringed by thumbnails', () => {
    const tiles = layoutTiles('1:33');
    expect(count(tiles, 'speaker')).toBe(1);
    expect(count(tiles, 'thumbnail')).toBeGreaterThan(21);
  });

  it.each(PEXIP_LAYOUTS.map((known) => known.layout))(
    'keeps every tile of %s inside the 16:9 frame and apart from the others',
    (layout) => {
      const tiles = layoutTiles(layout);
      for (const tile of tiles) {
        expect(tile.x).toBeGreaterThanOrEqual(0);
        expect(tile.y).toBeGreaterThanOrEqual(0);
        expect(tile.x + tile.width).toBeLessThanOrEqual(FRAME_WIDTH + 1e-9);
        expect(tile.y + tile.height).toBeLessThanOrEqual(FRAME_HEIGHT + 1e-9);
      }
      for (const [index, tile] of tiles.entries()) {
        for (const other of tiles.slice(index + 1)) expect(overlap(tile, other)).toBe(false);
      }
    },
  );

  it('draws a layout it does not know as one full frame', () => {
    expect(layoutTiles('7:3')).toEqual([
      { x: 0, y: 0, width: FRAME_WIDTH, height: FRAME_HEIGHT, kind: 'speaker' },
    ]);
  });
});

describe('describeLayout', () => {
  it('names known layouts and falls back to the raw name', () => {
    expect(describeLayout('4:0').name).toBe('2 × 2');
    expect(describeLayout('custom_x')).toEqual({
      layout: 'custom_x',
      name: 'custom_x',
      description: 'Layout custom_x',
    });
  });
});
