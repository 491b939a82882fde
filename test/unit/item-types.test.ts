import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, itemType } from '../../shared/privacy/catalogue.ts';
import { ITEM_TYPES } from '../../shared/privacy/item-types.ts';

const STORE = join(import.meta.dirname, '../../shared/store');

describe('one list of item types', () => {
  it('has a catalogue entry for every type the stores write, those a run deletes included', () => {
    const missing = Object.values(ITEM_TYPES).filter((type) => !itemType(type));
    expect(missing).toEqual([]);
    // …and the catalogue describes nothing that is not on the list.
    const listed = new Set<string>(Object.values(ITEM_TYPES));
    expect(CATALOGUE.map((entry) => entry.type).filter((type) => !listed.has(type))).toEqual([]);
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
