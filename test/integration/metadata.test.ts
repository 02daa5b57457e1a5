import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore, type ProfileRecord } from '../../electron/core/profiles/profileStore';
import { CorruptMetadataError } from '../../electron/core/profiles/versionedFile';

const profile = (id: string): ProfileRecord => ({
  id,
  name: id,
  cloud: 'custom',
  partnerTenantId: '11111111-1111-4111-8111-111111111111',
  clientId: '22222222-2222-4222-8222-222222222222',
  hasClientSecret: false,
  user: 'admin@example.onmicrosoft.com',
  mfa: true,
  issuedAt: '2026-11-01T00:00:00.000Z',
  lastRedeemedAt: '2026-11-01T00:00:00.000Z',
});

describe('profile metadata on disk', () => {
  it('writes a versioned file atomically and leaves no temp files behind', async () => {
    const home = mkdtempSync(join(tmpdir(), 'samdesk-meta-'));
    const store = new ProfileStore(home);
    await Promise.all(['p-a', 'p-b', 'p-c'].map((id) => store.upsert(profile(id))));
    expect((await store.list()).map((p) => p.id).sort()).toEqual(['p-a', 'p-b', 'p-c']);
    expect(readdirSync(home)).toEqual(['profiles.json']);
    expect(JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('sets a damaged file aside and says so instead of starting over silently', async () => {
    const home = mkdtempSync(join(tmpdir(), 'samdesk-meta-'));
    writeFileSync(join(home, 'profiles.json'), '{"schemaVersion":1,"data":[{"id":');
    const error = await new ProfileStore(home).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptMetadataError);
    expect((error as Error).message).toMatch(/damaged and has been moved to .*profiles\.json\.corrupt-.*keychain entries are untouched/);
    expect(readdirSync(home).some((name) => name.startsWith('profiles.json.corrupt-'))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('POSIX file modes (Windows has none): a home that already existed with 0755 becomes private (0700) at the first write', async () => {
    const home = mkdtempSync(join(tmpdir(), 'samdesk-meta-'));
    chmodSync(home, 0o755);
    await new ProfileStore(home).upsert(profile('p-private'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'profiles.json')).mode & 0o777).toBe(0o600);
  });
});
