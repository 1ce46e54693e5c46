import { html } from 'lit';
import { LightElement } from './light-element.js';

/**
 * The stage: `<video id="mainVideo">` (the conference) and `<video id="selfviewVideo">` (the local
 * camera), in the light DOM with the ids webapp2 uses, because plugins find them with
 * `document.getElementById` (screenshot, fullscreen). The container keeps webapp2's
 * `#conference-stage-container` id for the same reason.
 */
export class IpkStage extends LightElement {
  static override properties = {
    mainStream: { attribute: false, value: null },
    selfStream: { attribute: false, value: null },
    cameraMuted: { type: Boolean, attribute: false, value: false },
  };

  declare mainStream: MediaStream | null;
  declare selfStream: MediaStream | null;
  declare cameraMuted: boolean;

  override render() {
    return html`<div class="ipk-stage" id="conference-stage-container">
      <video
        id="mainVideo"
        class="ipk-main-video"
        autoplay
        playsinline
        width="1280"
        height="720"
        .srcObject=${this.mainStream}
      ></video>
      <video
        id="selfviewVideo"
        class="ipk-selfview ${this.cameraMuted ? 'camera-off' : ''}"
        autoplay
        playsinline
        width="320"
        height="180"
        .muted=${true}
        .srcObject=${this.selfStream}
        aria-label="Self view"
      ></video>
    </div>`;
  }
}

customElements.define('ipk-stage', IpkStage);
