import type { ScriptLoader } from './plugin-runtime.js';

/**
 * How webapp2 runs a plugin: a classic `<script src>` in the main document (sloppy mode, its
 * own global scope, `this` = window). Evaluation errors reach `window.onerror` with the
 * script's URL as `filename`, which is how the runtime pins them on the plugin.
 */
export const injectScriptElement: ScriptLoader = (url, window) =>
  new Promise<void>((resolve, reject) => {
    const script = window.document.createElement('script');
    script.src = url;
    script.async = false;
    script.dataset['ipkPlugin'] = url;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () => reject(new Error(`Could not load the plugin source ${url}.`)),
      { once: true },
    );
    window.document.head.append(script);
  });

/**
 * For DOM emulations that do not run `<script>` elements (happy-dom by default): fetches the
 * source and evaluates it with indirect `eval`, which has classic global-script semantics
 * (sloppy mode, top-level `var`/functions become globals, `this` is the global object). The
 * `sourceURL` comment puts the URL in stack traces so faults are still pinned on the plugin.
 * Only valid where the emulated window is the global object (Vitest's happy-dom/jsdom
 * environments).
 */
export function evaluateFetchedScript(fetchText: (url: string) => Promise<string>): ScriptLoader {
  return async (url) => {
    const source = await fetchText(url);
    evaluateClassicScript(source, url);
  };
}

export function evaluateClassicScript(source: string, url: string): void {
  const globalEval = globalThis.eval;
  // Indirect eval: global scope, sloppy mode; the closest thing to a classic <script>.
  globalEval(`${source}\n//# sourceURL=${url}`);
}
