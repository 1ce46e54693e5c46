// Takes the README's pictures (docs/*.png) with headless Chromium at a 390×664 phone viewport:
// the package is bundled as a plugin would ship it and each component is shown on a page.
// Run with `npm run screenshots` after `npm run build`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '@ipk/chromium';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const docs = `${packageRoot}docs/`;
mkdirSync(docs, { recursive: true });

const bundle = await build({
  entryPoints: [`${packageRoot}dist/index.js`],
  bundle: true,
  format: 'iife',
  globalName: 'ipkDialogs',
  minify: true,
  write: false,
});

const browser = await chromium.launch({
  executablePath: chromiumExecutablePath(),
  args: [...CHROMIUM_ARGS],
});
const page = await browser.newPage({ viewport: { width: 390, height: 664 }, deviceScaleFactor: 2 });

async function freshPage() {
  await page.setContent(
    `<!doctype html><html><head><style>
      body { margin: 0; padding: 16px; font-family: Roboto, Arial, sans-serif; background: #e9edf2; }
      .row { display: flex; gap: 8px; flex-wrap: wrap; }
      .card { background: #fff; padding: 16px; border-radius: 4px; }
    </style></head><body></body></html>`,
  );
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
}

/** Shots: name → code run in the page; `element` picks what to capture (else the viewport). */
const shots = {
  dialog: {
    run: () => {
      const { openDialog, adoptAppClasses } = window.ipkDialogs;
      adoptAppClasses();
      document.body.innerHTML = '<p>The conference behind the dialog</p>';
      return openDialog({
        title: 'Record alias',
        content: `<form onsubmit="return false">
          <label for="alias">Alias</label>
          <input id="alias" class="pex-text-input" placeholder="Type the alias details here" />
          <div style="margin-top: 24px; text-align: right">
            <button class="dialog-button red-action-button" type="button">Cancel</button>
            <button class="dialog-button green-action-button" type="submit">Start</button>
          </div>
        </form>`,
      }).opened;
    },
  },
  buttons: {
    element: '.row',
    run: () => {
      const { BUTTON_TAG } = window.ipkDialogs;
      document.body.innerHTML = `<div class="row card">
        <${BUTTON_TAG} variant="green">Start</${BUTTON_TAG}>
        <${BUTTON_TAG} variant="blue">Equal</${BUTTON_TAG}>
        <${BUTTON_TAG} variant="red">Stop</${BUTTON_TAG}>
        <${BUTTON_TAG} variant="green" disabled>Disabled</${BUTTON_TAG}>
      </div>`;
    },
  },
  'text-input': {
    element: '.card',
    run: async () => {
      const { TEXT_INPUT_TAG } = window.ipkDialogs;
      document.body.innerHTML = `<div class="card"></div>`;
      const input = document.createElement(TEXT_INPUT_TAG);
      Object.assign(input, {
        label: 'Alias to dial',
        value: 'room',
        pattern: '[^@\\s]+@[^@\\s]+',
        patternMessage: 'Enter an alias like room@example.com.',
      });
      document.querySelector('.card').append(input);
      await input.updateComplete;
      input.checkValidity();
      await input.updateComplete;
    },
  },
  select: {
    element: '.card',
    run: async () => {
      const { SELECT_TAG } = window.ipkDialogs;
      document.body.innerHTML = `<div class="card"></div>`;
      const select = document.createElement(SELECT_TAG);
      Object.assign(select, {
        label: 'Role',
        options: [
          { value: 'guest', label: 'Guest' },
          { value: 'chair', label: 'Host' },
        ],
        value: 'chair',
      });
      document.querySelector('.card').append(select);
      await select.updateComplete;
    },
  },
  'dtmf-keypad': {
    run: () => {
      const { openDialog, DTMF_KEYPAD_TAG } = window.ipkDialogs;
      const keypad = document.createElement(DTMF_KEYPAD_TAG);
      keypad.sent = '1234#';
      return openDialog({ title: 'Keypad', content: keypad }).opened;
    },
  },
  'layout-picker': {
    run: () => {
      const { openDialog, LAYOUT_PICKER_TAG } = window.ipkDialogs;
      const picker = document.createElement(LAYOUT_PICKER_TAG);
      picker.current = '1:7';
      return openDialog({ title: 'Change layout', content: picker }).opened;
    },
  },
  toast: {
    run: async () => {
      const { showToast } = window.ipkDialogs;
      document.body.innerHTML = '<p>The conference</p>';
      await showToast('Could not start recording: the alias is busy', {
        kind: 'error',
        timeoutMs: 0,
      }).shown;
      await showToast('Recording started', { kind: 'success', timeoutMs: 0 }).shown;
      await showToast('Layout changed to 1 + 7', { timeoutMs: 0 }).shown;
    },
  },
};

for (const [name, shot] of Object.entries(shots)) {
  await freshPage();
  await page.evaluate(shot.run);
  const path = `${docs}${name}.png`;
  await (shot.element ? page.locator(shot.element).first() : page).screenshot({ path });
  console.log(`wrote docs/${name}.png`);
}
await browser.close();
