/** @ipk/dev-server: `npm start` and `npm run dev` of Infinity Plugin Kit. */
export {
  startDevServer,
  type DevServer,
  type DevServerOptions,
  type RebuildReport,
  type TypeCheckReport,
} from './dev-server.js';
