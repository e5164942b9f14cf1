/** The browser harness: serves the built renderer and the same API as the desktop app, on loopback only.
 *  POST /api/<operation>  with  Authorization: Bearer <token>   → { ok, data } | { ok: false, error }
 *  GET  /api/events       with  Authorization: Bearer <token>   → server-sent events (data.changed, …)
 * Requests without the per-launch token, or with a Host header other than our loopback address, are refused. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { Workspace } from '../core/workspace';
import { AppError } from '../../shared/errors';
import { toPayload } from '../core/api/dispatch';

export interface WebServerOptions {
  port?: number;
  dataDir: string;
  token?: string;
  staticDir: string;
  version: string;
  checkOutputs?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export interface WebServer { url: string; port: number; token: string; workspace: Workspace; close(): Promise<void> }

const MAX_BODY = 96 * 1024 * 1024; // exchange files travel base64-encoded in sync operations
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const workspace = new Workspace({ dataDir: opts.dataDir, version: opts.version, canPickFiles: false });
  workspace.reopenLast();
  const handlers = createHandlers(workspace);
  const sseClients = new Set<http.ServerResponse>();
  workspace.subscribe((event, payload) => {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(chunk);
  });
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const staticRoot = path.resolve(opts.staticDir);

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, {
      'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP,
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.end(body);
  };
  const refuse = (res: http.ServerResponse, status: number) =>
    send(res, status, JSON.stringify({ ok: false, error: toPayload(new AppError('UNAUTHORIZED'), workspace.language) }));

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421);
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/')) {
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !safeEqual(auth.slice(7), token)) return refuse(res, 401);
        const origin = req.headers.origin;
        if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403);
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          sseClients.add(res);
          req.on('close', () => sseClients.delete(res));
          return;
        }
        // --- export (issue 3): the finished file of an export job, fetched by the renderer (fetch + blob) ---
        const dl = /^\/api\/download\/([0-9A-Za-z]+)$/.exec(url.pathname);
        if (dl && req.method === 'GET') {
          let file: string;
          try { file = workspace.exports.fileOf(dl[1]!); } catch (e) {
            return send(res, 404, JSON.stringify({ ok: false, error: toPayload(e instanceof AppError ? e : new AppError('EXPORT_NOT_FOUND'), workspace.language) }));
          }
          const type = file.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          const name = path.basename(file);
          res.writeHead(200, {
            'Content-Type': type, 'Content-Length': fs.statSync(file).size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
            'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
            'Content-Security-Policy': CSP, 'Cross-Origin-Resource-Policy': 'same-origin',
          });
          fs.createReadStream(file).pipe(res);
          return;
        }
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false }));
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, JSON.stringify({ ok: false }));
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > MAX_BODY) return send(res, 413, JSON.stringify({ ok: false, error: toPayload(new AppError('INVALID_INPUT'), workspace.language) }));
          chunks.push(c as Buffer);
        }
        let input: unknown;
        try { input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}; } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: toPayload(new AppError('INVALID_INPUT'), workspace.language) }));
        }
        const op = decodeURIComponent(url.pathname.slice('/api/'.length));
        const result = await dispatch(handlers, op, input, { language: () => workspace.language, checkOutputs: opts.checkOutputs, log: opts.log });
        return send(res, result.ok ? 200 : result.error.code === 'UNKNOWN_OPERATION' ? 404 : result.error.code === 'INTERNAL' ? 500 : 400, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(staticRoot, rel);
      if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, 'not found', 'text/plain');
      fs.readFile(file, (err, body) => {
        if (err) return send(res, 404, 'not found', 'text/plain');
        send(res, 200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
      });
    })().catch((e) => {
      opts.log?.('request failed', e);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: toPayload(new AppError('INTERNAL'), workspace.language) }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    workspace,
    close: () => new Promise<void>((resolve) => {
      for (const r of sseClients) r.end();
      void workspace.exports.closeAll();
      workspace.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
