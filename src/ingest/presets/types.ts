// A preset maps one platform's export onto a canonical table: which header feeds which
// canonical column (several spellings, first found wins), and how its statuses read.
import type { OrderStatus, TableName } from '../../canonical.js';

export interface StatusContext {
  paid: boolean;
  refundMinor: number;
  paidMinor: number;
}

/** A status whose canonical meaning depends on the row (paid or not, refunded or not). */
export type OrderStatusRule = (ctx: StatusContext) => OrderStatus;

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
  /**
   * Order-level canonical columns that the export writes on an order's first row only (Shopify:
   * one row per line item, Financial Status, Paid at, Email … blank on the rows after it). A
   * row of the same order that leaves one of them empty takes it from the row above.
   */
  carryForward?: readonly string[];
  /** Canonical cells computed from the row's other cells, for values the export has no column for. */
  derive?: readonly Derivation[];
  /**
   * The export has no line id: `line_id` is mapped to a product or SKU id, which two lines of
   * one order can share (a gift and a paid line of the same product). Within one export a
   * repeated (order, line id) is then a further line, numbered by occurrence like a line without
   * an id; overlapping exports still meet on the same numbered keys. Set on jd-orders (商品ID)
   * and pdd-orders (样式ID / SKU ID).
   */
  lineIdIsProductId?: boolean;
  /**
   * The export's refund may exceed what its line shows as paid, so ingest does not warn about
   * it: Tmall's 买家实际支付金额 is what stays paid after a refund (the real 订单报表 has orders
   * with 退款金额 above it), and Shopify's Refunded Amount is the order's, taxes included, on its
   * first line only.
   */
  refundMayExceedPaid?: boolean;
}

/** A row's cells by canonical column, as read (text, minor units, epoch ms, booleans, null). */
export type Cells = Record<string, string | number | boolean | null>;

export interface Derivation {
  field: string;
  /** Canonical columns the computation reads; all must be in the file for it to stand in for a missing required column. */
  needs: readonly string[];
  /**
   * Applied after the row is read (and carried forward); its result replaces the cell. By
   * default only when the file has no column for `field`; with `always`, on every row.
   */
  compute: (cells: Readonly<Cells>) => string | number | boolean | null;
  always?: boolean;
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

/**
 * What to do about a status the preset does not know. No guess by spelling: a status close in
 * writing can be far in meaning (PDD 待成团, paid and waiting for the group, is not 待支付,
 * unpaid), and following such a guess would drop or add a sale.
 */
export function unknownStatusHint(preset: Preset): string {
  // Quoted: some statuses hold a comma (已发货,待签收).
  const known = Object.keys(preset.statuses ?? {}).map((k) => `'${k}'`);
  const shown = known.length > 20 ? `${known.slice(0, 20).join(', ')} … (${known.length} in all)` : known.join(', ');
  return (
    `${preset.name} knows the statuses ${shown || '(none)'}; ` +
    'rows with another status are not read: change the status in the file to the known one that means the same, ' +
    'or build with --allow-partial, which leaves these rows (and their sales) out of the figures'
  );
}
