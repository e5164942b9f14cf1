/** The preload: exposes exactly one function per API operation and an event subscription, nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENTS, IPC_EVENT_CHANNEL, IPC_PREFIX, OPERATIONS, type EventName } from '../../shared/api/operations';

const api = Object.fromEntries(OPERATIONS.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input)]));

contextBridge.exposeInMainWorld('rembuk', {
  api,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, name: string, payload: unknown) => { if (name === event) listener(payload); };
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => { ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped); };
  },
});
