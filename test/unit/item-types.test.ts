import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, itemType } from '../../shared/privacy/catalogue.ts';
import { ITEM_TYPES, ON_ERASURE } from '../../shared/privacy/item-types.ts';
import { MEMBER_ITEM_TYPES } from '../../shared/privacy/member-data.ts';

const STORE = join(import.meta.dirname, '../../shared/store');

describe('one list of item types', () => {
  it('has a catalogue entry for every type the stores write, those a run deletes included', () => {
    const missing = Object.values(ITEM_TYPES).filter((type) => !itemType(type));
    expect(missing).toEqual([]);
    // …and the catalogue describes nothing that is not on the list.
    const listed = new Set<string>(Object.values(ITEM_TYPES));
    expect(CATALOGUE.map((entry) => entry.type).filter((type) => !listed.has(type))).toEqual([]);
  });

  it('tells a member of exactly the items erasure takes with them, in the catalogue’s order', () => {
    const aboutMember = CATALOGUE.filter((entry) => entry.aboutMember);
    expect(MEMBER_ITEM_TYPES.map((data) => data.type)).toEqual(aboutMember.map((entry) => entry.type));
    for (const entry of CATALOGUE) {
      expect(entry.onErasure === 'keep', entry.type).toBe(!entry.aboutMember);
      for (const also of entry.alsoStoredAs ?? []) expect(ON_ERASURE[also], also).toBe(entry.onErasure);
    }
  });

  it('is the only way a store names an item type', () => {
    const listed = new Set<string>(Object.values(ITEM_TYPES));
    const written = readdirSync(STORE)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(join(STORE, file), 'utf8').matchAll(/(?:\btype|':[a-zA-Z]+'): ['`]([a-z][a-z-]*)/g)]
          .filter((match) => match[0].includes('type') || listed.has(match[1]!))
          .map((match) => `${file}: ${match[0]}`),
      );
    expect(written).toEqual([]);
  });
});
