/**
 * One thing a plugin used beyond the documented plugin API (the seed): webapp2's own page, NgRx
 * action strings, `PEX.pexrtc`, ... It works in webapp2 today and may break at the next Infinity
 * upgrade, so Settings > Plugins lists it.
 */
export interface BeyondTheGuideFinding {
  /** What the plugin did, e.g. `reads #mainVideo`. */
  readonly what: string;
  /** Why that is beyond the guide, e.g. `webapp2's DOM, not in the plugin guide`. */
  readonly why: string;
}
