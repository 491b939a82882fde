import { describe, expect, it } from 'vitest';
import { foldName } from '../../shared/members/name-key.ts';

describe('how names compare in a search', () => {
  it('ignores letter case and accents other than å, ä and ö', () => {
    expect(foldName('VIRTANEN')).toBe(foldName('virtanen'));
    expect(foldName('Jérôme Müller')).toBe('jerome muller');
  });

  it('keeps å, ä and ö as letters of their own, after z in that order', () => {
    expect(foldName('Ä')).not.toBe(foldName('A'));
    expect(foldName('Ö')).not.toBe(foldName('O'));
    const sorted = ['Öberg', 'Aho', 'Åberg', 'Zetterberg', 'Äijälä'].sort((a, b) =>
      foldName(a) < foldName(b) ? -1 : 1,
    );
    expect(sorted).toEqual(['Aho', 'Zetterberg', 'Åberg', 'Äijälä', 'Öberg']);
  });

  it('takes a decomposed å (a + ring) as the same letter', () => {
    expect(foldName('A\u030Asa')).toBe(foldName('Åsa'));
  });
});
