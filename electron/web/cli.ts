/** `npm run web`: start the browser harness. Options: --port N, --data DIR; REMBUK_TOKEN fixes the token (tests). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import { startWebServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true });
const port = values.port ? Number(values.port) : 5274;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: "${values.port}" is not a port number`);
  process.exit(2);
}
const dataDir = path.resolve(values.data ?? defaultDataDir());
const server = await startWebServer({
  port, dataDir, token: process.env.REMBUK_TOKEN || undefined, staticDir: path.join(root, 'out/renderer'), version: APP_VERSION,
  log: (m, e) => console.error(m, e),
});
console.log(`Rembuk (mode peramban / browser mode)\n  data: ${dataDir}\n  buka / open: ${server.url}`);
const stop = () => { void server.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
