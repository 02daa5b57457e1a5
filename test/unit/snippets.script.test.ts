import { describe, expect, it } from 'vitest';
import { snippetModeSchema, snippetModuleSchema } from '../../electron/ipc/schemas';
import { renderAllCustomersSnippet, renderPasteSnippet, renderScriptSnippet } from '../../electron/core/snippets/snippets';
import { secretNameSchemes } from '../../electron/core/keyVault/secretNames';
import { customer, expiresAt, fakeTokens, otherCustomer, partner } from './snippetsFixtures';
import type { SnippetPartner } from '../../electron/core/snippets/snippets';

const modules = snippetModuleSchema.options;
const published: SnippetPartner = { ...partner, keyVault: { vaultName: 'contoso-sam', secretNames: secretNameSchemes.samdesk, profileName: 'Contoso Partner' } };
const publicClient: SnippetPartner = { ...partner, hasClientSecret: false };

function render(module: (typeof modules)[number], mode: (typeof snippetModeSchema.options)[number], who: SnippetPartner): string {
  if (mode === 'paste') return renderPasteSnippet(module, who, customer, fakeTokens, expiresAt).text;
  if (mode === 'script') return renderScriptSnippet(module, who, customer);
  return renderAllCustomersSnippet(module, who, [customer, otherCustomer], '2026-03-01T09:00:00Z');
}

/** Variables a snippet assigns (`$name =`, `$script:name =`) that no other line reads. */
function unusedVariables(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  const assigned = new Set([...code.matchAll(/\$(?:script:)?(\w+)\s*=(?!=)/g)].map((match) => match[1]!));
  return [...assigned].filter((name) => {
    const uses = [...code.matchAll(new RegExp(`\\$(?:script:)?${name}\\b(?!\\s*=(?!=))`, 'g'))];
    return uses.length === 0;
  });
}

describe.each([
  ['a confidential app', partner],
  ['a public client', publicClient],
  ['a profile published to Key Vault', published],
] as const)('snippets for %s', (_, who) => {
  it.each(modules.flatMap((module) => snippetModeSchema.options.map((mode) => [module, mode] as const)))(
    '%s in %s mode uses every variable it defines',
    (module, mode) => {
      expect(unusedVariables(render(module, mode, who))).toEqual([]);
    },
  );
});

describe('where a script reads a secret from a vault, a comment says how the secret gets there', () => {
  const commentBefore = (text: string, needle: string) => {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes(needle));
    expect(at, needle).toBeGreaterThan(-1);
    return lines.slice(0, at).filter((line) => line.startsWith('#')).join('\n');
  };

  it.each(modules)('%s: the SecretManagement vault’s refresh token and client secret name the samdesk commands that fill them', (module) => {
    const text = render(module, 'script', partner);
    expect(commentBefore(text, "Get-Secret -Name 'SAMDesk-RefreshToken'")).toContain("Set-Secret -Name 'SAMDesk-RefreshToken' -Secret (samdesk refresh-token --reveal)");
    expect(commentBefore(text, "Get-Secret -Name 'SAMDesk-ClientSecret'")).toContain("Set-Secret -Name 'SAMDesk-ClientSecret' -Secret (samdesk client-secret --reveal)");
  });

  it.each(modules)('%s: Key Vault’s secrets say SAM Desk’s publishing wrote them', (module) => {
    const text = render(module, 'script', published);
    const comment = commentBefore(text, "-Name 'SAMDesk-ClientSecret' -AsPlainText");
    expect(comment).toMatch(/SAM Desk's Key Vault publishing \(Publish to this vault, or samdesk vault publish\) wrote SAMDesk-RefreshToken and SAMDesk-ClientSecret/);
  });

  it('a public client’s script reads no client secret and says nothing about one', () => {
    const text = render('graph', 'script', publicClient);
    expect(text).not.toContain('client-secret --reveal');
  });
});
