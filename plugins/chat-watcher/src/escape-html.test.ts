import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('turns every HTML-significant character into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co',
    );
  });

  it('leaves plain text alone', () => {
    expect(escapeHtml('Hello, world — ça va?')).toBe('Hello, world — ça va?');
  });
});
