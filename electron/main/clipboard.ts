import { clipboard, ClipboardItem } from 'electron';
import type { SystemClipboard } from '../core/clipboard/clipboardKeeper';
import { concealedClipboardFormats } from './securityPolicy';

/** Electron's clipboard: a secret goes with the markers that keep it out of history and sync, in one write. */
export const electronClipboard: SystemClipboard = {
  write: (text, { concealed }) =>
    clipboard.write([new ClipboardItem({ 'text/plain': text, ...(concealed ? concealedClipboardFormats(process.platform) : {}) })]),
  readText: () => clipboard.readText(),
  clear: async () => clipboard.clear(),
};
