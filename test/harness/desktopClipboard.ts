import { spawn } from 'node:child_process';
import type { SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';

const CLIPBOARD_TIMEOUT_MS = 5_000;

/** The desktop's own clipboard tools: X11's xclip (Xvfb in CI), Wayland's wl-clipboard, macOS's pbcopy, Windows's PowerShell. */
function tools(platform = process.platform, env = process.env): { write: string[]; read: string[] } {
  if (platform === 'darwin') return { write: ['pbcopy'], read: ['pbpaste'] };
  if (platform === 'win32') {
    return { write: ['powershell', '-NoProfile', '-Command', '$input | Set-Clipboard'], read: ['powershell', '-NoProfile', '-Command', 'Get-Clipboard -Raw'] };
  }
  if (env.WAYLAND_DISPLAY && !env.DISPLAY) return { write: ['wl-copy'], read: ['wl-paste', '--no-newline'] };
  // xclip, not xsel: xsel drops a selection larger than one X request (INCR) after a couple of reads.
  return { write: ['xclip', '-selection', 'clipboard', '-in'], read: ['xclip', '-selection', 'clipboard', '-out'] };
}

/**
 * Runs one clipboard tool, bounded. Only its exit is awaited: xclip leaves a child behind that
 * owns the selection (and would hold a stdout pipe open), so its output is read only when asked for.
 */
function run([command, ...args]: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reading = input === undefined;
    // A reader gets no stdin: xclip -out may exit before a write to it, which then fails with EPIPE.
    const child = spawn(command!, args, { stdio: [reading ? 'ignore' : 'pipe', reading ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not finish within ${CLIPBOARD_TIMEOUT_MS / 1000} s.`));
    }, CLIPBOARD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`The clipboard tool ${command} could not run (${error.message}).`));
    });
    const finish = (code: number | null) => {
      clearTimeout(timer);
      // xclip -out exits 1 on an empty clipboard ("target STRING not available"): that is ''.
      if (code === 0 || (reading && /not available/.test(stderr))) resolve(stdout);
      else reject(new Error(`${command} failed: ${stderr.trim() || `exit ${code}`}`));
    };
    // Reading waits for stdout to end; writing only for the exit (xclip's child keeps stderr open).
    if (reading) child.on('close', finish);
    else child.on('exit', finish);
    // A writer that exits before reading all of its input (EPIPE) is judged by its exit code above.
    child.stdin?.on('error', () => undefined);
    if (!reading) child.stdin?.end(input);
  });
}

/**
 * The desktop's clipboard, for the browser harness and the tests (the same one a person pastes
 * from). It cannot mark text concealed; Electron's can, and the app uses that (electron/main/clipboard.ts).
 */
export function desktopClipboard(): SystemClipboard {
  const { write, read } = tools();
  return {
    write: async (text) => void (await run(write, text)),
    readText: () => run(read),
    clear: async () => void (await run(write, '')),
  };
}
