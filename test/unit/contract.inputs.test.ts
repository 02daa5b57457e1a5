import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/ipc/channels';

describe('inputs the contract bounds', () => {
  it('asks for each access-check resource once, whatever the renderer sends', () => {
    const parsed = contract['accessCheck.run'].input.parse({ profileId: 'p-1', resources: ['graph', 'graph', 'azure', 'graph'] });
    expect(parsed.resources).toEqual(['graph', 'azure']);
    const flood = contract['accessCheck.run'].input.safeParse({ profileId: 'p-1', resources: new Array(17).fill('graph') });
    expect(flood.success).toBe(false);
  });

  it('drops control, bidi and zero-width characters from a profile name, and refuses one that is only those', () => {
    const rename = contract['profiles.rename'].input;
    expect(rename.parse({ profileId: 'p-1', name: ' Contoso\u202e \u001b[31mprod\u200b ' }).name).toBe('Contoso prod');
    expect(rename.safeParse({ profileId: 'p-1', name: '\u202e\u200b\u0007' }).success).toBe(false);
  });
});
