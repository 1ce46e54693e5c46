import { afterEach, describe, expect, it } from 'vitest';
import { BRANDING_PLUGINS_ENV } from './paths.js';
import {
  absenceReason,
  missingFromBranding,
  PluginNotPackagedError,
  readPluginPackage,
} from './plugin-package.js';

const recordingFile = new URL(
  '../../plugins/recording/recording.plugin.package.json',
  import.meta.url,
);

afterEach(() => {
  delete process.env[BRANDING_PLUGINS_ENV];
});

describe('readPluginPackage', () => {
  it('reads the facts that decide where a plugin appears', () => {
    const recording = readPluginPackage(recordingFile);
    expect(recording).toMatchObject({ id: 'recording-plugin-1.0', name: 'recording' });
    expect(absenceReason(recording, 'web')).toBeUndefined();
    expect(absenceReason({ ...recording, platforms: ['web'] }, 'ios')).toBe(
      'recording is not enabled on ios (package platforms: web)',
    );
  });

  it('in a run, fails at once with the reason when the plugin is not in the branding under test', () => {
    process.env[BRANDING_PLUGINS_ENV] = JSON.stringify([{ id: 'dtmf-plugin-1.0', name: 'dtmf' }]);
    expect(() => readPluginPackage(recordingFile)).toThrow(PluginNotPackagedError);
    expect(() => readPluginPackage(recordingFile)).toThrow(
      /recording \(id recording-plugin-1.0, .*recording.plugin.package.json\) is not in the branding package the suite built, so its tests cannot find it. Packaged: dtmf \(dtmf-plugin-1.0\)/,
    );
  });

  it('in a run, passes when the plugin is packaged', () => {
    process.env[BRANDING_PLUGINS_ENV] = JSON.stringify([
      { id: 'recording-plugin-1.0', name: 'recording' },
    ]);
    expect(readPluginPackage(recordingFile).id).toBe('recording-plugin-1.0');
  });
});

describe('missingFromBranding', () => {
  it('says how a plugin gets packaged', () => {
    expect(missingFromBranding({ id: 'x-1.0', name: 'x' }, 'x.plugin.package.json', [])).toMatch(
      /Packaged: nothing\. A plugin is packaged when it is a workspace under plugins\/ whose package.json has "ipkPlugin"/,
    );
  });
});
