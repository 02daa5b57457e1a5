/** Debian's Chromium and the flags this machine needs: no sandbox inside the container, no GPU, no background downloads. */
export const chromiumExecutable = process.env.SAMDESK_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
