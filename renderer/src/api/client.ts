/** The renderer's only door to the outside: the typed API. In the desktop app it goes through the preload's IPC
 * functions; in the browser harness, through POST /api/<operation> with the per-launch token. */
import type { Input, Output, ApiResult } from '../../../shared/api/contract';
import type { EventName, OperationName } from '../../../shared/api/operations';
import type { ApiErrorPayload } from '../../../shared/errors';
import { saveBlob } from '../components/files';

interface PreloadBridge {
  api: Record<OperationName, (input: unknown) => Promise<ApiResult<unknown>>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
declare global { interface Window { rembuk?: PreloadBridge } }

export class ApiError extends Error {
  constructor(readonly payload: ApiErrorPayload) { super(payload.message); this.name = 'ApiError'; }
  get code() { return this.payload.code; }
  get field() { return this.payload.field; }
}

const TOKEN_KEY = 'rembuk.token';

/** Takes the token from the URL fragment once, keeps it for this tab, and removes it from the address bar. */
function browserToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

async function httpCall(name: string, input: unknown, keepalive = false): Promise<ApiResult<unknown>> {
  token ??= browserToken();
  const res = await fetch(`/api/${name}`, {
    method: 'POST', keepalive,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as ApiResult<unknown>;
}

export async function call<K extends OperationName>(name: K, input: Input<K>, opts: { keepalive?: boolean } = {}): Promise<Output<K>> {
  let result: ApiResult<unknown>;
  try {
    result = window.rembuk ? await window.rembuk.api[name](input) : await httpCall(name, input, opts.keepalive);
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'offline' });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.data as Output<K>;
}

/** Subscribes to backend events; returns the unsubscribe function. */
export function onEvent(event: EventName, listener: (payload: unknown) => void): () => void {
  if (window.rembuk) return window.rembuk.on(event, listener);
  token ??= browserToken();
  const ctrl = new AbortController();
  void (async () => {
    for (let attempt = 0; !ctrl.signal.aborted; attempt++) {
      try {
        const res = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}` }, signal: ctrl.signal });
        if (!res.body) return;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name === event && data) listener(JSON.parse(data));
          }
        }
      } catch { /* reconnect below */ }
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * (attempt + 1))));
    }
  })();
  return () => ctrl.abort();
}

export const isDesktop = () => !!window.rembuk;

// --- export (issue 3) ---
/** Browser harness only: fetches a finished export with the token (a plain link cannot carry it) and saves it. */
export async function downloadExport(jobId: string, fileName: string): Promise<void> {
  token ??= browserToken();
  const res = await fetch(`/api/download/${encodeURIComponent(jobId)}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiResult<unknown> | null;
    throw new ApiError(body && !body.ok ? body.error : { code: 'EXPORT_NOT_FOUND', message: 'not found' });
  }
  saveBlob(fileName, await res.blob());
}
