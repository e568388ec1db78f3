// A preset maps one platform's export onto a canonical table: which header feeds which
// canonical column (several spellings, first found wins), and how its statuses read.
import type { OrderStatus, TableName } from '../../canonical.js';

export interface StatusContext {
  paid: boolean;
  refundMinor: number;
  paidMinor: number;
}

export interface Preset {
  name: string;
  table: TableName;
  /** Canonical column → header spellings seen in this platform's exports. */
  columns: Record<string, readonly string[]>;
  /** Raw status text → canonical status; a function for statuses that depend on the row. */
  statuses?: Record<string, OrderStatus | ((ctx: StatusContext) => OrderStatus)>;
  /** Post-processing of raw text cells before parsing, by canonical column. */
  transforms?: Record<string, (text: string) => string>;
  /** Canonical boolean columns derived from "is this cell non-empty" of another header. */
  presentMeans?: Record<string, readonly string[]>;
}

/** `浙江省 杭州市 西湖区 …` → `浙江省`: the province is the first word of a Chinese address. */
export function firstWord(text: string): string {
  const trimmed = text.trim();
  const cut = trimmed.search(/[\s,，]/);
  return cut < 0 ? trimmed : trimmed.slice(0, cut);
}

/** Canonical statuses under their own names, as `generic` files write them. */
export function canonicalStatuses(): Record<string, OrderStatus> {
  const out: Record<string, OrderStatus> = {};
  for (const s of [
    'pending',
    'paid',
    'shipped',
    'delivered',
    'completed',
    'cancelled',
    'refunded',
    'partially_refunded',
  ] as const) {
    out[s] = s;
  }
  out['canceled'] = 'cancelled';
  return out;
}

/** A refund on a paid line: all of it, part of it, or none. */
export function refundStatus(ctx: StatusContext, otherwise: OrderStatus): OrderStatus {
  if (ctx.refundMinor <= 0) return otherwise;
  return ctx.refundMinor >= ctx.paidMinor ? 'refunded' : 'partially_refunded';
}
