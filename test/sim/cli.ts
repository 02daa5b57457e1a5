/** `npm run sim -- [--port N] [--customers N|FILE.json] [--auto-approve] [--interval S]`: prints one JSON line, logs to stderr. */
import { readFileSync } from 'node:fs';
import { parseCustomersFile } from './customersFile';
import { startSimulatedCloud, type CustomerSeed } from './index';

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const options: { port?: number; customers?: number | CustomerSeed[]; autoApprove?: boolean; deviceCodeIntervalSeconds?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0..65535');
      options.port = port;
    } else if (arg === '--customers') {
      const raw = value();
      if (/^\d+$/.test(raw)) {
        const count = Number(raw);
        if (count > 10_000) fail('--customers must be at most 10000');
        options.customers = count;
      } else {
        let text: string;
        try {
          text = readFileSync(raw, 'utf8');
        } catch (err) {
          fail(`cannot read customers file ${raw}: ${(err as Error).message}`);
        }
        try {
          options.customers = parseCustomersFile(text);
        } catch (err) {
          fail(`${raw}: ${(err as Error).message}`);
        }
      }
    } else if (arg === '--auto-approve') {
      options.autoApprove = true;
    } else if (arg === '--interval') {
      options.deviceCodeIntervalSeconds = Number(value());
    } else {
      fail(`unknown argument ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cloud = await startSimulatedCloud({ ...options, log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) });
  const { stop, state: _state, ...info } = cloud;
  process.stdout.write(`${JSON.stringify(info)}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`sim: ${signal}, stopping\n`);
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: Error) => fail(err.message));
