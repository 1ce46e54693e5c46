// Where the built app lives, for servers that mount it at /webapp2/ (the mock node, `npm start`).
import { fileURLToPath } from 'node:url';

export const hostAppDir = fileURLToPath(new URL('./dist/', import.meta.url));
