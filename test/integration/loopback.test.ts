import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackListener, SignInCancelledError } from '../../electron/core/identity/loopback';
import { MicrosoftIdentityError } from '../../electron/core/identity/aadsts';

const get = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });

const blockers: http.Server[] = [];
afterEach(() => blockers.splice(0).forEach((server) => server.close()));

describe('the loopback redirect listener', () => {
  it('takes the first free port from 8400 on, on the loopback addresses only, and says when none is left', async () => {
    const first = await LoopbackListener.start();
    const second = await LoopbackListener.start();
    expect(first.port).toBeGreaterThanOrEqual(8400);
    expect(second.port).toBeGreaterThan(first.port);
    expect(second.redirectUri).toBe(`http://localhost:${second.port}/`);
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(first.port + 1000, '127.0.0.1', resolve));
    blockers.push(blocker);
    await expect(LoopbackListener.start({ first: first.port + 1000, last: first.port + 1000 })).rejects.toThrow(
      /No free port between \d+ and \d+ for the sign-in redirect/,
    );
    first.close();
    second.close();
  });

  it('answers on ::1 as well, where Chromium sends localhost first, and skips a port another process holds there', async () => {
    const probe = await LoopbackListener.start();
    const port = probe.port;
    probe.close();
    // Another local user squats [::1]:port, hoping localhost lands there.
    const squatter = http.createServer((_request, response) => response.end('phishing page'));
    await new Promise<void>((resolve) => squatter.listen({ port, host: '::1', ipv6Only: true }, resolve));
    blockers.push(squatter);
    const listener = await LoopbackListener.start({ first: port, last: port + 20 });
    expect(listener.port).not.toBe(port);
    const code = listener.waitForCode('s');
    const reply = await get(`http://[::1]:${listener.port}/?code=over-ipv6&state=s`);
    expect(reply.body).toContain('You are signed in');
    await expect(code).resolves.toBe('over-ipv6');
  });

  it('ignores a response with the wrong state, says so, and keeps waiting for the right one', async () => {
    const listener = await LoopbackListener.start();
    const code = listener.waitForCode('expected-state');
    const wrong = await get(`http://127.0.0.1:${listener.port}/?code=stolen&state=other`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('does not belong to the sign-in SAM Desk started');
    const right = await get(`http://127.0.0.1:${listener.port}/?code=the-code&state=expected-state`);
    expect(right.body).toContain('You are signed in');
    await expect(code).resolves.toBe('the-code');
  });

  it('is single use: it stops listening once the code arrived', async () => {
    const listener = await LoopbackListener.start();
    const code = listener.waitForCode('s');
    await get(`http://127.0.0.1:${listener.port}/?code=c&state=s`);
    await code;
    await expect(get(`http://127.0.0.1:${listener.port}/?code=again&state=s`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('turns an error redirect into the Microsoft error', async () => {
    const listener = await LoopbackListener.start();
    const outcome = listener.waitForCode('s').catch((e: unknown) => e);
    await get(`http://127.0.0.1:${listener.port}/?error=access_denied&error_description=AADSTS65004%3A+User+declined&state=s`);
    const error = await outcome;
    expect(error).toBeInstanceOf(MicrosoftIdentityError);
    expect((error as MicrosoftIdentityError).code).toBe('65004');
  });

  it('gives up after its timeout and when cancelled', async () => {
    const timedOut = await LoopbackListener.start();
    await expect(timedOut.waitForCode('s', undefined, 50)).rejects.toThrow('The sign-in was not finished within 5 minutes.');
    const cancelled = await LoopbackListener.start();
    const abort = new AbortController();
    const waiting = cancelled.waitForCode('s', abort.signal);
    abort.abort();
    await expect(waiting).rejects.toBeInstanceOf(SignInCancelledError);
  });
});
