import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { tmpDir } from '../helpers/tmp';

let server: WebServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

async function start() {
  const staticDir = tmpDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rembuk</title>');
  server = await startWebServer({ dataDir: tmpDir(), staticDir, token: 'sekret-token', version: 'test', checkOutputs: true });
  return server;
}

/** A raw request, so the Host header can be anything (fetch forbids setting it). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser harness server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in its fragment', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/#token=sekret-token`);
  });

  it('answers the API with the right token and refuses without it, with a wrong one, or with a foreign Host', async () => {
    const s = await start();
    const host = `127.0.0.1:${s.port}`;
    const json = { 'Content-Type': 'application/json', Host: host };
    const good = await request(s.port, { method: 'POST', path: '/api/app.state', headers: { ...json, Authorization: 'Bearer sekret-token' }, body: '{}' });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, data: { version: 'test', current: null } });
    expect((await request(s.port, { method: 'POST', path: '/api/app.state', headers: json, body: '{}' })).status).toBe(401);
    expect((await request(s.port, { method: 'POST', path: '/api/app.state', headers: { ...json, Authorization: 'Bearer wrong' }, body: '{}' })).status).toBe(401);
    const rebinding = await request(s.port, { method: 'POST', path: '/api/app.state', headers: { ...json, Host: 'evil.example:80', Authorization: 'Bearer sekret-token' }, body: '{}' });
    expect(rebinding.status).toBe(421);
    expect((await request(s.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(421);
    const crossOrigin = await request(s.port, { method: 'POST', path: '/api/app.state', headers: { ...json, Origin: 'http://evil.example', Authorization: 'Bearer sekret-token' }, body: '{}' });
    expect(crossOrigin.status).toBe(403);
  });

  it('serves the renderer with a CSP, and never files outside it', async () => {
    const s = await start();
    const page = await request(s.port, { path: '/', headers: { Host: `localhost:${s.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request(s.port, { path: '/../../etc/passwd', headers: { Host: `127.0.0.1:${s.port}` } })).status).toBe(404);
    expect((await request(s.port, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: { Host: `127.0.0.1:${s.port}` } })).status).toBe(404);
  });

  it('turns bad bodies into typed errors: not JSON, wrong schema, unknown operation', async () => {
    const s = await start();
    const h = { 'Content-Type': 'application/json', Host: `127.0.0.1:${s.port}`, Authorization: 'Bearer sekret-token' };
    const notJson = await request(s.port, { method: 'POST', path: '/api/app.state', headers: h, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('INVALID_INPUT');
    const wrong = await request(s.port, { method: 'POST', path: '/api/app.setLanguage', headers: h, body: '{"language":"fr"}' });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'FIELD_INVALID', field: 'language' } });
    expect((await request(s.port, { method: 'POST', path: '/api/no.such', headers: h, body: '{}' })).status).toBe(404);
  });

  it('pushes data.changed events to authorised listeners', async () => {
    const s = await start();
    const h = { 'Content-Type': 'application/json', Authorization: 'Bearer sekret-token' };
    const base = `http://127.0.0.1:${s.port}`;
    const post = (op: string, body: unknown) => fetch(`${base}/api/${op}`, { method: 'POST', headers: h, body: JSON.stringify(body) }).then((r) => r.json());
    await post('app.saveProfile', { name: 'Made', institution: '' });
    await post('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: null });
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { Authorization: 'Bearer sekret-token' }, signal: ctrl.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    await post('opd.create', { name: 'Dinas Kesehatan' });
    let text = '';
    while (!text.includes('data.changed')) text += (await reader.read()).value ?? '';
    expect(text).toContain('"entities":["opd"]');
    ctrl.abort();
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });
});
