import { DTMF_KEYPAD_TAG } from '@ipk/dialogs';
PEX.pluginAPI.registerPlugin({ id: 'dtmf-plugin-1.0', load() {}, unload() {}, openKeypad() { console.log(DTMF_KEYPAD_TAG); } });
