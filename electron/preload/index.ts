import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, IPC_PREFIX, buildApi, type Envelope } from '../ipc/api';
import { channelNames } from '../ipc/channels';
import type { EventName } from '../ipc/events';

// One frozen object of domain functions; the renderer never sees ipcRenderer.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi(
    channelNames,
    (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input) as Promise<Envelope>,
    (event: EventName, listener) => {
      const forward = (_: unknown, name: string, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipcRenderer.on(`${IPC_PREFIX}event`, forward);
      return () => ipcRenderer.off(`${IPC_PREFIX}event`, forward);
    },
  ),
);
