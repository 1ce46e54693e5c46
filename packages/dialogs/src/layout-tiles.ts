/**
 * Pictures of Pexip's conference layouts as tiles in a 160×90 (16:9) frame. Names are the ones a
 * real node lists in `available_layouts` ("1:0", "4:0", "9:0", "16:0", "25:0", "1:7", "1:21",
 * "2:21", "1:33", "5:7", "teams") plus "ac" (Adaptive Composition) seen in `layout` events
 * (client-api-detail.md, "Layout names"). "N:M" = N main speakers and M thumbnails.
 */
export const FRAME_WIDTH = 160;
export const FRAME_HEIGHT = 90;

export interface LayoutTile {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A main speaker (large) or a thumbnail. */
  kind: 'speaker' | 'thumbnail';
}

export interface LayoutDescription {
  layout: string;
  /** Short name shown under the picture. */
  name: string;
  /** What the layout shows, for the accessible description. */
  description: string;
}

export const PEXIP_LAYOUTS: readonly LayoutDescription[] = [
  { layout: '1:0', name: 'Speaker', description: 'The main speaker only' },
  { layout: '1:7', name: '1 + 7', description: 'Main speaker and up to 7 thumbnails' },
  { layout: '1:21', name: '1 + 21', description: 'Main speaker and up to 21 thumbnails' },
  { layout: '2:21', name: '2 + 21', description: 'Two main speakers and up to 21 thumbnails' },
  { layout: '1:33', name: '1 + 33', description: 'Main speaker and up to 33 thumbnails around it' },
  { layout: '5:7', name: '5 + 7', description: 'Five main speakers and up to 7 thumbnails' },
  { layout: '4:0', name: '2 × 2', description: 'Equal grid of up to 4 participants' },
  { layout: '9:0', name: '3 × 3', description: 'Equal grid of up to 9 participants' },
  { layout: '16:0', name: '4 × 4', description: 'Equal grid of up to 16 participants' },
  { layout: '25:0', name: '5 × 5', description: 'Equal grid of up to 25 participants' },
  {
    layout: 'ac',
    name: 'Adaptive',
    description: 'Adaptive Composition: tiles sized to the participants',
  },
  { layout: 'teams', name: 'Teams', description: 'Microsoft Teams-like gallery' },
];

/** Gap between tiles, in frame units. */
const GAP = 1.5;

type Area = Omit<LayoutTile, 'kind'>;

const FULL: Area = { x: 0, y: 0, width: FRAME_WIDTH, height: FRAME_HEIGHT };

function grid(
  columns: number,
  rows: number,
  area: Area,
  kind: LayoutTile['kind'],
  count = columns * rows,
): LayoutTile[] {
  const width = (area.width - GAP * (columns - 1)) / columns;
  const height = (area.height - GAP * (rows - 1)) / rows;
  const tiles: LayoutTile[] = [];
  for (let index = 0; index < count; index++) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    tiles.push({
      x: area.x + column * (width + GAP),
      y: area.y + row * (height + GAP),
      width,
      height,
      kind,
    });
  }
  return tiles;
}

/** Speakers on top, `rows` rows of 7 thumbnails under them (1:7, 1:21, 2:21, 5:7). */
function speakersOverThumbnails(speakers: number, rows: number): LayoutTile[] {
  const thumbnailHeight = (FRAME_WIDTH - GAP * 6) / 7 / (16 / 9);
  const thumbnailsHeight = rows * thumbnailHeight + (rows - 1) * GAP;
  const speakerArea = { ...FULL, height: FRAME_HEIGHT - thumbnailsHeight - GAP };
  const thumbnailArea = { ...FULL, y: FRAME_HEIGHT - thumbnailsHeight, height: thumbnailsHeight };
  return [...speakerTiles(speakers, speakerArea), ...grid(7, rows, thumbnailArea, 'thumbnail')];
}

function speakerTiles(speakers: number, area: Area): LayoutTile[] {
  if (speakers <= 2) {
    // Keep speakers 16:9 and centred in the space they have.
    const width = Math.min((area.width - GAP * (speakers - 1)) / speakers, (area.height * 16) / 9);
    const total = width * speakers + GAP * (speakers - 1);
    return grid(
      speakers,
      1,
      { x: area.x + (area.width - total) / 2, y: area.y, width: total, height: area.height },
      'speaker',
    );
  }
  // Five speakers: two on the first row, three on the second.
  const half = (area.height - GAP) / 2;
  return [
    ...grid(2, 1, { ...area, height: half }, 'speaker'),
    ...grid(3, 1, { ...area, y: area.y + half + GAP, height: half }, 'speaker'),
  ];
}

/** 1:33: the speaker in the middle, columns of thumbnails either side and rows under it. */
function speakerSurrounded(): LayoutTile[] {
  const columns = 7;
  const width = (FRAME_WIDTH - GAP * (columns - 1)) / columns;
  const rows = 7;
  const height = (FRAME_HEIGHT - GAP * (rows - 1)) / rows;
  const cells = grid(columns, rows, FULL, 'thumbnail');
  const speaker: LayoutTile = {
    x: width + GAP,
    y: 0,
    width: 5 * width + 4 * GAP,
    height: 4 * height + 3 * GAP,
    kind: 'speaker',
  };
  // Keep the thumbnails that do not sit under the speaker: 2 columns × 4 rows + 3 rows × 7 = 29,
  // drawn as the ring Pexip fills first (the picture shows the shape, not all 33).
  const outside = cells.filter(
    (cell) =>
      cell.x + cell.width <= speaker.x ||
      cell.x >= speaker.x + speaker.width ||
      cell.y >= speaker.y + speaker.height,
  );
  return [speaker, ...outside];
}

/** Adaptive Composition: one large tile and a column of two. */
function adaptive(): LayoutTile[] {
  const large: LayoutTile = { ...FULL, width: FRAME_WIDTH * 0.62, kind: 'speaker' };
  const side = { ...FULL, x: large.width + GAP, width: FRAME_WIDTH - large.width - GAP };
  return [large, ...grid(1, 2, side, 'speaker')];
}

/** Teams-like gallery: a 3-2 arrangement of equal tiles. */
function teamsGallery(): LayoutTile[] {
  const half = (FRAME_HEIGHT - GAP) / 2;
  const bottomWidth = (FRAME_WIDTH * 2) / 3;
  return [
    ...grid(3, 1, { ...FULL, height: half }, 'speaker'),
    ...grid(
      2,
      1,
      { x: (FRAME_WIDTH - bottomWidth) / 2, y: half + GAP, width: bottomWidth, height: half },
      'speaker',
    ),
  ];
}

/** Tiles of an "N:0" equal grid with N = k², else `undefined`. */
function equalGrid(layout: string): LayoutTile[] | undefined {
  const match = /^(\d+):0$/.exec(layout);
  if (!match) return undefined;
  const side = Math.sqrt(Number(match[1]));
  if (!Number.isInteger(side) || side < 1 || side > 8) return undefined;
  return grid(side, side, FULL, 'speaker');
}

/** The tiles of `layout`'s picture; an unknown layout gets a single frame-sized tile. */
export function layoutTiles(layout: string): LayoutTile[] {
  switch (layout) {
    case '1:7':
      return speakersOverThumbnails(1, 1);
    case '1:21':
      return speakersOverThumbnails(1, 3);
    case '2:21':
      return speakersOverThumbnails(2, 3);
    case '5:7':
      return speakersOverThumbnails(5, 1);
    case '1:33':
      return speakerSurrounded();
    case 'ac':
      return adaptive();
    case 'teams':
      return teamsGallery();
    default:
      return equalGrid(layout) ?? [{ ...FULL, kind: 'speaker' }];
  }
}

/** Name and description of a layout; unknown names describe themselves. */
export function describeLayout(layout: string): LayoutDescription {
  return (
    PEXIP_LAYOUTS.find((known) => known.layout === layout) ?? {
      layout,
      name: layout,
      description: `Layout ${layout}`,
    }
  );
}
