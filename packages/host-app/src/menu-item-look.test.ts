import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { lookForParticipant, menuIcon, visibleItems } from './menu-item-look.js';
import { menuItem } from './test-fixtures/fake-host.js';

function rendered(iconUrl: string | null): HTMLElement {
  const host = document.createElement('div');
  render(menuIcon(iconUrl), host);
  return host;
}

describe('menuIcon', () => {
  it('draws an SVG fragment (package file "icon.svg#id") with <use href>', () => {
    const use = rendered(
      'https://node.example/webapp2/custom_configuration/plugins/rec/rec.svg#rec',
    ).querySelector('svg use');
    expect(use?.getAttribute('href')).toBe(
      'https://node.example/webapp2/custom_configuration/plugins/rec/rec.svg#rec',
    );
  });

  it('shows any other image with <img>, hidden from screen readers (the button has the label)', () => {
    const img = rendered('https://node.example/logo.png').querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://node.example/logo.png');
    expect(img?.getAttribute('alt')).toBe('');
  });

  it('draws nothing for a null icon', () => {
    expect(rendered(null).querySelector('svg, img')).toBeNull();
  });
});

describe('visibleItems', () => {
  it('keeps one placement, in order, without items a plugin hid', () => {
    const items = [
      menuItem({ key: '1', placement: 'toolbar' }),
      menuItem({ key: '2', placement: 'conference' }),
      menuItem({ key: '3', placement: 'toolbar', hidden: true }),
      menuItem({ key: '4', placement: 'toolbar' }),
    ];
    expect(visibleItems(items, 'toolbar').map((item) => item.key)).toEqual(['1', '4']);
  });
});

describe('lookForParticipant', () => {
  const item = menuItem({
    key: 'k',
    placement: 'participants',
    label: 'Mute video',
    perParticipant: { a: { label: 'Unmute video', iconUrl: null }, b: null },
  });

  it('uses the per-participant look from the plugin state', () => {
    expect(lookForParticipant(item, 'a')?.label).toBe('Unmute video');
  });

  it('hides the item where the plugin state says null', () => {
    expect(lookForParticipant(item, 'b')).toBeNull();
  });

  it("falls back to the item's own look for participants the state does not name", () => {
    expect(lookForParticipant(item, 'c')?.label).toBe('Mute video');
  });
});
