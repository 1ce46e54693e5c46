import definePluginConfig from '@ipk/rollup-config';

export default definePluginConfig();
