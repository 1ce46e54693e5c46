import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';

const PACKAGE_FIELDS = ['id', 'name', 'description', 'version', 'srcURL', 'allowUnload'];

describe('closestName', () => {
  it.each([
    ['particpantRoles', ['platforms', 'participantRoles'], 'participantRoles'],
    ['srcUrl', PACKAGE_FIELDS, 'srcURL'],
    ['lable', ['icon', 'label', 'action'], 'label'],
    ['menuItem', ['menuItems'], 'menuItems'],
    ['ID', PACKAGE_FIELDS, 'id'],
    ['isSettingBranded', ['brandingID', 'isSettingsBranded'], 'isSettingsBranded'],
  ])('finds %s → the declared name', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });

  it.each([
    ['author', PACKAGE_FIELDS],
    ['tooltip', ['icon', 'label', 'action', 'id']],
    ['ic', ['icon', 'label', 'action', 'id']],
    ['configuration', PACKAGE_FIELDS],
  ])('suggests nothing for %s, which is not a misspelling', (name, candidates) => {
    expect(closestName(name, candidates)).toBeUndefined();
  });
});
