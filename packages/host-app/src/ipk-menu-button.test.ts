import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import './ipk-menu-button.js';
import type { IpkMenuButton, MenuEntry } from './ipk-menu-button.js';

afterEach(() => document.body.replaceChildren());

function mountMenu(labels: string[]): { chosen: string[]; menu: IpkMenuButton } {
  const chosen: string[] = [];
  const menu = document.createElement('ipk-menu-button');
  menu.label = 'Actions for Alice';
  menu.entries = labels.map((label): MenuEntry => ({
    key: label,
    label,
    iconUrl: null,
    run: () => chosen.push(label),
  }));
  document.body.append(menu);
  return { chosen, menu };
}

async function openMenu(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Actions for Alice' }));
  return screen.findByRole('menu', { name: 'Actions for Alice' });
}

describe('ipk-menu-button', () => {
  it('opens a menu named like its button, with the first row focused', async () => {
    mountMenu(['Rename', 'Spotlight']);
    const menu = await openMenu();
    expect(
      screen.getByRole('button', { name: 'Actions for Alice' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Rename' })),
    );
  });

  it('moves between rows with the arrow keys, wrapping around', async () => {
    mountMenu(['Rename', 'Spotlight']);
    const menu = await openMenu();
    const [rename, spotlight] = within(menu).getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(rename));
    fireEvent.keyDown(rename as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(spotlight);
    fireEvent.keyDown(spotlight as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rename);
    fireEvent.keyDown(rename as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(spotlight);
  });

  it('closes on Escape and gives focus back to its button', async () => {
    mountMenu(['Rename']);
    const menu = await openMenu();
    fireEvent.keyDown(within(menu).getByRole('menuitem'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for Alice' }));
  });

  it('closes on a click elsewhere without choosing anything', async () => {
    const { chosen } = mountMenu(['Rename']);
    await openMenu();
    fireEvent.click(document.body);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(chosen).toEqual([]);
  });

  it('runs the chosen row once and closes', async () => {
    const { chosen } = mountMenu(['Rename', 'Spotlight']);
    const menu = await openMenu();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Spotlight' }));
    expect(chosen).toEqual(['Spotlight']);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });

  it('says so when there is nothing to do', async () => {
    mountMenu([]);
    const menu = await openMenu();
    expect(within(menu).getByRole('menuitem').getAttribute('aria-disabled')).toBe('true');
  });
});
