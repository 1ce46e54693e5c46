import type { LayoutTransforms, Participant } from '@ipk/plugin-api';

/**
 * The layouts offered: those a Pexip node lists in `available_layouts` for a VMR or Virtual
 * Auditorium (client-api-detail.md §5.1, from a real answer), plus Adaptive Composition (`ac`).
 * `teams` is left out: it is the Microsoft Teams interop gallery, not a VMR layout.
 */
export const OFFERED_LAYOUTS: readonly string[] = [
  '1:0',
  '4:0',
  '9:0',
  '16:0',
  '25:0',
  '1:7',
  '1:21',
  '2:21',
  '1:33',
  '5:7',
  'ac',
];

/** Which `transform_layout` key a picker sets: a VMR has one layout, an auditorium two. */
export type LayoutKey = 'layout' | 'host_layout' | 'guest_layout';

/** The pickers the dialog shows, in order, with their headings. */
export interface PickerSpec {
  readonly key: LayoutKey;
  readonly heading: string;
}

/**
 * A Virtual Auditorium (seed, participant `serviceType`: "lecture") has separate host and guest
 * layouts (`host_layout`, `guest_layout` in `transform_layout`); every other service has one.
 * The toolbar action receives the participants, this host included, so their service type says
 * which kind of meeting this is.
 */
export function pickersFor(participants: readonly Participant[]): readonly PickerSpec[] {
  const auditorium = participants.some((participant) => participant.serviceType === 'lecture');
  return auditorium
    ? [
        { key: 'host_layout', heading: 'Hosts see' },
        { key: 'guest_layout', heading: 'Guests see' },
      ]
    : [{ key: 'layout', heading: 'Layout' }];
}

/** What this browser last had the node accept (the plugin API cannot read the layout back). */
export type AppliedLayout = Pick<
  LayoutTransforms,
  'layout' | 'host_layout' | 'guest_layout' | 'enable_overlay_text'
>;
