export {
  chromiumExecutablePath,
  CHROMIUM_ARGS,
  CHROMIUM_FAKE_MEDIA_ARGS,
  chromiumFakeMediaArgs,
  DEBIAN_CHROMIUM_PATHS,
} from './chromium-executable-path.js';
