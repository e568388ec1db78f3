// One record of an export → one canonical row, following a column plan. Every cell that
// cannot be read becomes a problem naming its column; a row with an unreadable required
// cell is dropped (and counted), never guessed.
import type { OrderLine, OrderStatus } from '../canonical.js';
import { nearest } from '../config/suggest.js';
import type { ColumnBinding, ColumnPlan } from './mapping.js';
import type { Preset, StatusContext } from './presets/types.js';
import { refundStatus } from './presets/types.js';
import {
  ValueProblem,
  cleanText,
  parseBoolean,
  parseDate,
  parseId,
  parseInstant,
  parseMoneyMinor,
  parseQuantity,
  type DateOrder,
} from './values.js';

export interface RowContext {
  timeZone: string;
  dateOrder?: DateOrder;
  amountsIn: 'major' | 'minor';
  preset: Preset;
}

export interface CellProblem {
  column: string;
  message: string;
  hint: string;
  /** The cell as written, when it is the problem. */
  value?: string;
  /** A required cell: the row cannot be used. */
  fatal: boolean;
}

export type CellValue = string | number | boolean | null;

/** Reads every bound cell of a record; problems are pushed onto `problems`. */
export function readCells(
  fields: readonly string[],
  plan: ColumnPlan,
  ctx: RowContext,
  problems: CellProblem[],
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const b of plan.bindings) {
    const raw = fields[b.index] ?? '';
    out[b.field] = readCell(b.transform ? b.transform(raw) : raw, b, ctx, problems);
  }
  for (const p of plan.presence) {
    out[p.field] = p.indexes.some((i) => cleanText(fields[i] ?? '') !== null);
  }
  return out;
}

function readCell(raw: string, b: ColumnBinding, ctx: RowContext, problems: CellProblem[]): CellValue {
  let parsed: CellValue | ValueProblem;
  switch (b.spec.kind) {
    case 'id':
      parsed = parseId(raw);
      break;
    case 'text':
    case 'status':
      parsed = cleanText(raw);
      break;
    case 'instant':
      parsed = parseInstant(raw, { timeZone: ctx.timeZone, dateOrder: ctx.dateOrder });
      break;
    case 'date':
      parsed = parseDate(raw, { timeZone: ctx.timeZone, dateOrder: ctx.dateOrder });
      break;
    case 'money':
      parsed = parseMoneyMinor(raw, ctx.amountsIn);
      break;
    case 'quantity':
      parsed = parseQuantity(raw);
      break;
    case 'count': {
      parsed = parseQuantity(raw);
      if (typeof parsed === 'number' && parsed < 0) parsed = new ValueProblem(`negative count ${parsed}`, 'counts cannot be negative');
      break;
    }
    case 'rating': {
      parsed = parseQuantity(raw);
      if (typeof parsed === 'number' && (parsed < 1 || parsed > 5)) {
        parsed = new ValueProblem(`rating ${parsed} is outside 1–5`, 'ratings are whole numbers from 1 to 5');
      }
      break;
    }
    case 'boolean':
      parsed = parseBoolean(raw);
      break;
  }
  if (parsed instanceof ValueProblem) {
    // An unreadable cell always stops its row: reading it as empty would quietly move money
    // or dates (an unreadable paid time would turn a sale into an unpaid order).
    problems.push({ column: b.header, message: parsed.message, hint: parsed.hint, value: parsed.value ?? raw.trim(), fatal: true });
    return null;
  }
  // An order line's amount may be empty where nothing was paid (Amazon leaves item-price blank
  // on Pending and Cancelled orders); toOrderLine requires it on paid lines.
  if (parsed === null && b.spec.required && b.field !== 'paid_amount') {
    problems.push({ column: b.header, message: `'${b.field}' is empty`, hint: 'every row needs this value', fatal: true });
  }
  return parsed;
}

/**
 * Fills what the row itself leaves out: order-level cells carried forward from the previous
 * row of the same order (`carryForward`), then the preset's derived cells. `previous` is the
 * previous data row's cells of this file, already completed.
 */
export function completeCells(cells: Record<string, CellValue>, plan: ColumnPlan, carryForward: readonly string[] | undefined, previous: Readonly<Record<string, CellValue>> | undefined): void {
  if (carryForward && previous) {
    const orderId = cells['order_id'];
    if (orderId !== null && orderId !== undefined && orderId === previous['order_id']) {
      for (const field of carryForward) {
        const own = cells[field];
        if (own === null || own === undefined) cells[field] = previous[field] ?? null;
      }
    }
  }
  for (const d of plan.derived) cells[d.field] = d.compute(cells);
}

const num = (v: CellValue): number | null => (typeof v === 'number' ? v : null);
const str = (v: CellValue): string | null => (typeof v === 'string' ? v : null);

/**
 * Builds an order line from read cells. Returns undefined (with a fatal problem pushed) when
 * the row cannot be used. `lineId` is supplied by the caller (see workspace reader).
 */
export function toOrderLine(
  cells: Record<string, CellValue>,
  platform: string,
  ctx: RowContext,
  problems: CellProblem[],
  statusHeader: string,
): Omit<OrderLine, 'lineId'> & { lineId: string | null } | undefined {
  const orderId = str(cells['order_id'] ?? null);
  if (orderId === null) return undefined;
  const paidAt = num(cells['paid_at'] ?? null);
  const paidAmount = num(cells['paid_amount'] ?? null);
  const refund = num(cells['refund_amount'] ?? null) ?? 0;
  const statusText = str(cells['status'] ?? null);

  const statusCtx: StatusContext = { paid: paidAt !== null, refundMinor: refund, paidMinor: paidAmount ?? 0 };
  let status: OrderStatus;
  if (statusText === null) {
    status = paidAt === null ? 'pending' : refundStatus(statusCtx, 'paid');
  } else {
    const rule = ctx.preset.statuses?.[statusText] ?? ctx.preset.statuses?.[statusText.toLowerCase()];
    if (rule === undefined) {
      const known = Object.keys(ctx.preset.statuses ?? {});
      const guess = nearest(statusText, known);
      problems.push({
        column: statusHeader,
        message: 'unknown order status',
        value: statusText,
        hint: guess ? `did you mean '${guess}'?` : `known statuses: ${known.join(', ')}`,
        fatal: true,
      });
      return undefined;
    }
    status = typeof rule === 'function' ? rule(statusCtx) : rule;
  }

  const paidStatus = status !== 'pending' && status !== 'cancelled';
  if (paidStatus && paidAmount === null) {
    problems.push({ column: 'paid_amount', message: 'a paid line has no paid amount', hint: 'fill in the amount or map the right column', fatal: true });
    return undefined;
  }
  const quantity = num(cells['quantity'] ?? null) ?? 1;
  let paidMinor = paidAmount ?? 0;
  let refundMinor = refund;
  // A negative quantity is a return booked as a row of its own: it takes back money, so its
  // amount counts as a refund, never as negative sales.
  if (quantity < 0 && paidStatus) {
    refundMinor = Math.max(Math.abs(paidMinor), refundMinor);
    paidMinor = 0;
    status = 'refunded';
  }
  return {
    platform,
    orderId,
    lineId: str(cells['line_id'] ?? null),
    createdAt: num(cells['created_at'] ?? null),
    paidAt: paidStatus ? paidAt : null,
    customerId: str(cells['customer_id'] ?? null),
    sku: str(cells['sku'] ?? null),
    productName: str(cells['product_name'] ?? null),
    category: str(cells['category'] ?? null),
    quantity,
    unitPriceMinor: num(cells['unit_price'] ?? null),
    paidAmountMinor: paidMinor,
    discountMinor: num(cells['discount'] ?? null) ?? 0,
    shippingMinor: num(cells['shipping'] ?? null) ?? 0,
    status,
    refundAmountMinor: refundMinor,
    refundReason: str(cells['refund_reason'] ?? null),
    channel: str(cells['channel'] ?? null),
    campaign: str(cells['campaign'] ?? null),
    region: str(cells['region'] ?? null),
    shippedAt: num(cells['shipped_at'] ?? null),
    deliveredAt: num(cells['delivered_at'] ?? null),
    promisedAt: num(cells['promised_at'] ?? null),
    isLive: typeof cells['is_live'] === 'boolean' ? (cells['is_live'] as boolean) : null,
  };
}
