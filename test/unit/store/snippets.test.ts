import { describe, expect, it, vi } from 'vitest';
import type { CopiedSnippet } from '../../../electron/ipc/app';
import { snippetKey } from '../../../renderer/src/store';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const copied: CopiedSnippet = { preview: 'Connect-MgGraph -AccessToken <token>', expiresAt: '2026-01-01T01:00:00.000Z', containsSecret: true, clear: { id: 7, clearsAt: '2026-01-01T00:01:00.000Z' } };

describe('snippets slice', () => {
  useFreshStore();

  it('without an active profile nothing is asked of main and no outcome is returned', async () => {
    expect(await store().copySnippet('tenant-1', 'graph')).toBeNull();
    expect(store().snippets).toEqual({});
  });

  it('a paste copy sends profile, customer, module and mode, shows copying, then keeps only the preview (no snippet text) and returns the clear', async () => {
    store().addProfile(profile('a'));
    const answer = deferred<CopiedSnippet>();
    const copy = vi.fn(() => answer.promise);
    installSamDesk({ snippets: { copy } });
    const pending = store().copySnippet('tenant-1', 'graph');
    expect(store().snippets[snippetKey('tenant-1', 'graph')]?.status).toBe('copying');
    answer.resolve(copied);
    expect(await pending).toEqual({ expiresAt: copied.expiresAt, clear: copied.clear });
    expect(copy).toHaveBeenCalledWith({ profileId: 'a', module: 'graph', mode: 'paste', customerTenantId: 'tenant-1' });
    expect(store().snippets[snippetKey('tenant-1', 'graph')]).toEqual({ status: 'copied', preview: copied.preview, expiresAt: copied.expiresAt });
  });

  it('an all-customers copy names no customer and is one entry whichever customer asked', async () => {
    store().addProfile(profile('a'));
    const copy = vi.fn(() => Promise.resolve({ preview: 'foreach', containsSecret: false }));
    installSamDesk({ snippets: { copy } });
    await store().copySnippet('tenant-1', 'exchange', 'all-customers');
    await store().copySnippet('tenant-2', 'exchange', 'all-customers');
    expect(copy).toHaveBeenLastCalledWith({ profileId: 'a', module: 'exchange', mode: 'all-customers', customerTenantId: undefined });
    expect(Object.keys(store().snippets)).toEqual([snippetKey('x', 'exchange', 'all-customers')]);
  });

  it('each module keeps its own chosen mode as the default for its next copy', async () => {
    store().addProfile(profile('a'));
    const copy = vi.fn(() => Promise.resolve({ preview: 'script', containsSecret: false }));
    installSamDesk({ snippets: { copy } });
    store().setSnippetMode('az', 'script');
    await store().copySnippet('tenant-1', 'az');
    expect(copy).toHaveBeenLastCalledWith(expect.objectContaining({ module: 'az', mode: 'script' }));
    await store().copySnippet('tenant-1', 'graph');
    expect(copy).toHaveBeenLastCalledWith(expect.objectContaining({ module: 'graph', mode: 'paste' }));
  });

  it('a refused copy records main\'s error on that snippet, keeps the preview it had, and returns null', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ snippets: { copy: () => Promise.resolve(copied) } });
    await store().copySnippet('tenant-1', 'graph');
    installSamDesk({ snippets: { copy: () => Promise.reject(refusal('No GDAP role for Graph.')) } });
    expect(await store().copySnippet('tenant-1', 'graph')).toBeNull();
    expect(store().snippets[snippetKey('tenant-1', 'graph')]).toEqual({
      status: 'error',
      preview: copied.preview,
      expiresAt: copied.expiresAt,
      error: expect.objectContaining({ message: 'No GDAP role for Graph.' }),
    });
  });

  it('a preview is asked for once per customer, module and mode, names no customer for all customers, and never replaces a copy’s own', async () => {
    store().addProfile(profile('a'));
    const preview = vi.fn(() => Promise.resolve({ preview: 'Connect-MgGraph -AccessToken <access token>' }));
    installSamDesk({ snippets: { preview } });
    await store().loadSnippetPreview('tenant-1', 'graph', 'paste');
    await store().loadSnippetPreview('tenant-1', 'graph', 'paste');
    expect(preview).toHaveBeenCalledTimes(1);
    expect(preview).toHaveBeenCalledWith({ profileId: 'a', module: 'graph', mode: 'paste', customerTenantId: 'tenant-1' });
    expect(store().snippets[snippetKey('tenant-1', 'graph')]).toEqual({ status: 'idle', preview: 'Connect-MgGraph -AccessToken <access token>' });

    await store().loadSnippetPreview('tenant-1', 'exchange', 'all-customers');
    expect(preview).toHaveBeenLastCalledWith({ profileId: 'a', module: 'exchange', mode: 'all-customers', customerTenantId: undefined });

    // A copy that lands while the preview is on its way keeps its own preview.
    const late = deferred<{ preview: string }>();
    installSamDesk({ snippets: { preview: () => late.promise, copy: () => Promise.resolve(copied) } });
    const pending = store().loadSnippetPreview('tenant-2', 'graph', 'paste');
    await store().copySnippet('tenant-2', 'graph');
    late.resolve({ preview: 'placeholder' });
    await pending;
    expect(store().snippets[snippetKey('tenant-2', 'graph')]?.preview).toBe(copied.preview);
  });
});
