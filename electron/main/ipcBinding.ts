import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_PREFIX } from '../ipc/api';
import { channelNames } from '../ipc/channels';
import type { EventName, EventPayloads } from '../ipc/events';
import { dispatch } from '../core/app/dispatch';
import type { Handlers } from '../core/app/handlers/types';

/**
 * Binds every contract channel. A message is answered only when it comes from the main
 * window's top frame at the expected origin (Electron security checklist §17, "Validate the
 * sender of all IPC messages"); its input is then validated by `dispatch`.
 */
export function bindIpc(handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { kind: 'invalid-input', message: 'Request refused: unexpected sender.' } };
      }
      return dispatch(handlers, channel, input);
    });
  }
}

export function emit<E extends EventName>(target: WebContents, event: E, payload: EventPayloads[E]): void {
  target.send(`${IPC_PREFIX}event`, event, payload);
}
