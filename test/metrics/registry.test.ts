// The definitions registry: every figure registered once, with words in both locales, a place in
// the metrics document, and the basis/convention the product definition asks for; and the fixed
// phrases of missing-figure reasons, which slides turn back into locale sentences.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { TrafficDay } from '../../src/canonical.js';
import { computeCore } from '../../src/metrics/core.js';
import { computeOverview } from '../../src/metrics/overview.js';
import { MISSING_REASONS, REGISTRY, TERMS, missingReason, parseMissingReason, type MissingCode } from '../../src/metrics/registry.js';
import { coreInput, line, NO_SIDE, overviewInput, Q3_2026, sh } from './core-fixture.js';

const root = path.resolve(__dirname, '../..');
type Tree = { [k: string]: string | string[] | Tree };
const locales: Record<string, Tree> = {
  'zh-CN': parse(readFileSync(path.join(root, 'templates/default/locales/zh-CN.yaml'), 'utf8')) as Tree,
  en: parse(readFileSync(path.join(root, 'templates/default/locales/en.yaml'), 'utf8')) as Tree,
};
function at(tree: Tree, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined;
  return node;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('definitions registry', () => {
  it('registers each figure once', () => {
    expect(new Set(REGISTRY.map((d) => d.id)).size).toBe(REGISTRY.length);
    expect(new Set(REGISTRY.map((d) => d.key)).size).toBe(REGISTRY.length);
  });

  it('has a name and a definition in every locale, and words for every term, convention, basis and unit', () => {
    for (const [lang, tree] of Object.entries(locales)) {
      for (const d of REGISTRY) {
        expect(typeof at(tree, `figures.${d.key}`), `${lang} figures.${d.key}`).toBe('string');
        expect(typeof at(tree, `definitions.${d.key}`), `${lang} definitions.${d.key}`).toBe('string');
        for (const term of [d.numerator, d.denominator]) if (term) expect(typeof at(tree, `core.terms.${term}`), `${lang} core.terms.${term}`).toBe('string');
        if (d.convention) expect(typeof at(tree, `core.conventions.${d.convention}`)).toBe('string');
        if (d.refundBasis) expect(typeof at(tree, `core.refundBasis.${d.refundBasis}`)).toBe('string');
        expect(typeof at(tree, `core.unitNames.${d.unit}`), `${lang} core.unitNames.${d.unit}`).toBe('string');
        for (const t of d.tables) expect(typeof at(tree, `tables.${t}`)).toBe('string');
      }
      for (const term of TERMS) expect(typeof at(tree, `core.terms.${term}`), `${lang} core.terms.${term}`).toBe('string');
    }
  });

  it('says which period refunds count in for every refund-based figure', () => {
    const refundTerms = new Set(['refundsOrderPeriod', 'gmvMinusRefunds', 'refundedOrders', 'reasonRefunds']);
    for (const d of REGISTRY) {
      const refundBased = refundTerms.has(d.numerator) || (d.denominator !== null && refundTerms.has(d.denominator));
      expect(d.refundBasis !== undefined, d.id).toBe(refundBased);
    }
  });

  it('says which platform convention conversion and per-order / per-buyer money follow', () => {
    const byId = Object.fromEntries(REGISTRY.map((d) => [d.id, d]));
    expect(byId['core.conversion']!.convention).toBe('buyersPerVisitor');
    expect(byId['core.aov']!.convention).toBe('gmvPerOrder');
    expect(byId['core.spendPerBuyer']!.convention).toBe('gmvPerBuyer');
    expect(at(locales['zh-CN']!, 'core.conventions.gmvPerBuyer')).toContain('客单价');
  });

  it('names places that exist in the metrics document, holding figures of the registered unit', () => {
    const traffic: TrafficDay[] = [
      { date: '2026-07-02', platform: 'tmall', channel: '搜索', visitors: 100, pageViews: null, productViews: 50, addToCart: 20, checkouts: 10, buyers: 5, orders: 5, adSpendMinor: null },
    ];
    const lines = [
      line({ platform: 'tmall', orderId: 'o1', lineId: '1', customerId: 'A', paidAt: sh(2026, 7, 2, 10), paidAmountMinor: 1000, sku: 'S1', category: 'C1', unitPriceMinor: 1000, refundAmountMinor: 100, refundReason: 'r' }),
      line({ platform: 'tmall', orderId: 'o1', lineId: '2', customerId: 'A', paidAt: sh(2026, 7, 2, 10), paidAmountMinor: 1000, sku: 'S2', category: 'C2', unitPriceMinor: 1000 }),
      line({ platform: 'tmall', orderId: 'o2', customerId: 'B', paidAt: sh(2026, 7, 3, 10), paidAmountMinor: 500, sku: 'S3', category: 'C3', unitPriceMinor: 500 }),
    ];
    const tickets = [{ ticketId: 't', platform: 'tmall', createdAt: sh(2026, 7, 2), firstResponseAt: sh(2026, 7, 2) + 5000, resolvedAt: sh(2026, 7, 2) + 3_600_000, kind: null, reason: null, satisfaction: 5, escalated: null }];
    const reviews = [{ platform: 'tmall', orderId: 'o1', createdAt: sh(2026, 7, 5), rating: 5 }];
    const overview = computeOverview(lines, overviewInput(Q3_2026));
    const r = computeCore(lines, coreInput(Q3_2026, { pairMinBaskets: 1 }), overview, { ...NO_SIDE, traffic, tickets, reviews });
    const doc = { overview: { ...overview, ...r.overview }, core: r.core };
    const resolve = (id: string): unknown[] => {
      let nodes: unknown[] = [doc];
      for (const part of id.split('.')) {
        const arr = part.endsWith('[]');
        const key = arr ? part.slice(0, -2) : part;
        nodes = nodes.flatMap((n) => {
          const v = (n as Record<string, unknown>)[key];
          return arr ? (v as unknown[]) : [v];
        });
      }
      return nodes;
    };
    for (const d of REGISTRY) {
      for (const id of [d.id, ...(d.alsoAt ?? [])]) {
        const found = resolve(id);
        expect(found.length, id).toBeGreaterThan(0);
        for (const v of found) {
          if (typeof v === 'number' || v === null) continue; // a plain number in a row (pair support, tier share, drop-off)
          expect(v, id).toMatchObject({ unit: d.unit });
        }
      }
    }
  });
});

describe('missing-figure reasons', () => {
  it('round-trips every fixed phrase', () => {
    const vars = { period: '2026Q3', platform: 'jd', column: 'buyers', week: '2026-W27' };
    for (const code of Object.keys(MISSING_REASONS) as MissingCode[]) {
      const text = missingReason(code, vars);
      expect(parseMissingReason(text), text).toEqual({ code, vars: Object.fromEntries(placeholders(MISSING_REASONS[code]).map((n) => [n!, vars[n as keyof typeof vars]])) });
    }
    expect(missingReason('noTrafficForPlatform', { platform: 'jd', period: '2026Q3' })).toBe('no traffic export for jd in 2026Q3');
    expect(parseMissingReason('something else')).toBeNull();
  });

  it('has a sentence in every locale with the same placeholders', () => {
    for (const [lang, tree] of Object.entries(locales)) {
      for (const [code, phrase] of Object.entries(MISSING_REASONS)) {
        const sentence = at(tree, `core.missing.${code}`);
        expect(typeof sentence, `${lang} core.missing.${code}`).toBe('string');
        expect(placeholders(sentence as string), `${lang} ${code}`).toEqual(placeholders(phrase));
      }
    }
  });
});
