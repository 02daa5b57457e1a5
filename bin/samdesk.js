#!/usr/bin/env node
// The CLI is bundled with the main process by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('samdesk: the CLI is not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
require(cli);
