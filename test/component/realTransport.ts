/** The real backend (test/helpers/realBackend.ts: the real handlers over a real SQLite file) behind the renderer's
 * transport, for component tests: only the transport is replaced. A test file mocks the client with it and then reads
 * the backend (each test file gets its own, vitest isolating files):
 *
 *   vi.mock('../../renderer/src/api/client', () => import('./realTransport').then((m) => m.client));
 *   const { backend, calls } = await import('./realTransport');
 *
 * The backend is imported by a computed specifier so that the web tsconfig, which compiles component tests, never
 * follows it into Node code. */
import { vi } from 'vitest';

export interface Backend {
  call(name: string, input: unknown): Promise<unknown>;
  opdId(abbr: string): string;
  createProgram(fields: { leadOpdId: string; title: string; description?: string; element?: string }): string;
  all(sql: string): Record<string, unknown>[];
  presentationOf(opdId: string): Promise<string>;
}
const backendModule = '../helpers/realBackend';
export const backend = ((await import(/* @vite-ignore */ backendModule)) as { createRealBackend(): Backend }).createRealBackend();

/** Every operation called through the transport, in order. */
export const calls: { name: string; input: unknown }[] = [];

/** The module that replaces renderer/src/api/client. */
export const client = {
  call: vi.fn(async (name: string, input: unknown) => { calls.push({ name, input }); return backend.call(name, input); }),
  ApiError: class ApiError extends Error {},
  onEvent: () => () => {},
};
