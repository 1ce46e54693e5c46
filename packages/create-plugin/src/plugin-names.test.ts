import { describe, expect, it } from 'vitest';
import { isPlacement, pluginNames, PluginNameError } from './plugin-names.js';

describe('pluginNames', () => {
  it('derives every spelling the template needs from one hyphenated name', () => {
    expect(pluginNames('hello-world')).toEqual({
      name: 'hello-world',
      pascal: 'HelloWorld',
      constant: 'HELLO_WORLD',
      title: 'Hello world',
      id: 'hello-world-plugin-1.0',
      action: 'openHelloWorldDialog',
    });
  });

  it.each([
    ['', 'empty'],
    ['Hello', 'upper case'],
    ['hello_world', 'underscore'],
    ['hello--world', 'double hyphen'],
    ['-hello', 'leading hyphen'],
    ['hello-', 'trailing hyphen'],
    ['1st', 'leading digit'],
    ['../evil', 'a path'],
    ['héllo', 'not ASCII'],
  ])('refuses %j (%s), saying what a valid name looks like', (name) => {
    expect(() => pluginNames(name)).toThrow(PluginNameError);
    expect(() => pluginNames(name)).toThrow(/lower-case letters and digits/);
  });

  it('refuses a name longer than 50 characters', () => {
    expect(() => pluginNames('a'.repeat(51))).toThrow(/longer than 50/);
  });
});

describe('isPlacement', () => {
  it('accepts the three webapp2 menus and nothing else', () => {
    expect(['toolbar', 'conference', 'participants'].every(isPlacement)).toBe(true);
    expect(isPlacement('sidebar')).toBe(false);
  });
});
