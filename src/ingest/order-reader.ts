// One order export's records → order lines, compiled once per file from its column plan: cells
// are parsed into a fixed array of slots (one per canonical column) and the line is filled from
// it, with no keyed record per row. Parsing, problems and statuses are those of rows.ts.
import type { OrderLine, OrderStatus } from '../canonical.js';
import { ORDER_LINE_FIELDS } from './fields.js';
import type { ColumnBinding, ColumnPlan } from './mapping.js';
import type { Cells, Derivation, StatusContext } from './presets/types.js';
import { refundStatus, unknownStatusHint } from './presets/types.js';
import type { RecordBatch } from './record-batch.js';
import { readCell, type CellProblem, type CellValue, type RowContext } from './rows.js';
import { cleanText, plainId, plainLocalMs, plainMoneyMinor, plainQuantity, plainRange, plainText } from './values.js';
import { localMsToEpoch } from '../time/zone.js';

/** An order line before its line id is settled (the caller numbers lines without one). */
export type OrderLineDraft = Omit<OrderLine, 'lineId'> & { lineId: string | null };

const FIELD_NAMES = Object.keys(ORDER_LINE_FIELDS);
const SLOT = new Map(FIELD_NAMES.map((f, i) => [f, i]));
const slot = (field: string): number => SLOT.get(field)!;

const ORDER_ID = slot('order_id');
const LINE_ID = slot('line_id');
const CREATED_AT = slot('created_at');
const PAID_AT = slot('paid_at');
const CUSTOMER_ID = slot('customer_id');
const SKU = slot('sku');
const PRODUCT_NAME = slot('product_name');
const CATEGORY = slot('category');
const QUANTITY = slot('quantity');
const UNIT_PRICE = slot('unit_price');
const PAID_AMOUNT = slot('paid_amount');
const DISCOUNT = slot('discount');
const SHIPPING = slot('shipping');
const STATUS = slot('status');
const REFUND_AMOUNT = slot('refund_amount');
const REFUND_REASON = slot('refund_reason');
const CHANNEL = slot('channel');
const CAMPAIGN = slot('campaign');
const REGION = slot('region');
const SHIPPED_AT = slot('shipped_at');
const DELIVERED_AT = slot('delivered_at');
const PROMISED_AT = slot('promised_at');
const IS_LIVE = slot('is_live');

const num = (v: CellValue): number | null => (typeof v === 'number' ? v : null);
const str = (v: CellValue): string | null => (typeof v === 'string' ? v : null);

/**
 * The slots seen by a preset's derivations as cells by canonical column (`cells['unit_price']`),
 * without building a record: each column is a getter on the shared prototype.
 */
class SlotCells {
  values: CellValue[] = [];
}
for (const [field, i] of SLOT) {
  Object.defineProperty(SlotCells.prototype, field, {
    get(this: SlotCells) {
      return this.values[i] ?? null;
    },
  });
}

// How a bound cell may be read where it lies in the scanned text (values.ts, "Plain cells").
const READ_FULL = 0; // a transform, or a kind without a plain reading: always the full parser
const READ_ID = 1;
const READ_TEXT = 2;
const READ_MONEY = 3;
const READ_QUANTITY = 4;
const READ_INSTANT = 5;
/** An id of few distinct values (SKUs): one string per distinct id, which maps downstream find at once. */
const READ_SHARED_ID = 6;

function plainReading(b: ColumnBinding): number {
  if (b.transform) return READ_FULL;
  switch (b.spec.kind) {
    case 'id':
      return b.field === 'sku' ? READ_SHARED_ID : READ_ID;
    case 'text':
    case 'status':
      return READ_TEXT;
    case 'money':
      return READ_MONEY;
    case 'quantity':
      return READ_QUANTITY;
    case 'instant':
      return READ_INSTANT;
    default:
      return READ_FULL;
  }
}

type StatusRule = OrderStatus | ((ctx: StatusContext) => OrderStatus);

interface CompiledDerivation {
  slot: number;
  compute: Derivation['compute'];
}

/** Orders whose first-row cells are remembered for lines parted from them: ~100 B each. */
const REMEMBERED_ORDERS = 200_000;

/** Reads the order lines of one file; build one per file once its column plan is known. */
export class OrderLineReader {
  private readonly bindings: readonly ColumnBinding[];
  private readonly bindingSlots: Int32Array;
  private readonly readings: Int32Array;
  private readonly indexes: Int32Array;
  /** The last time cell read in place, and its instant. */
  private readonly lastInstant: { bytes: Uint8Array; start: number; end: number; value: number } = { bytes: new Uint8Array(0), start: 0, end: 0, value: 0 };
  /** Status texts → their rules, so each distinct text is looked up in the preset once. */
  private readonly statusRules = new Map<string, StatusRule | undefined>();
  private readonly presence: readonly { slot: number; indexes: readonly number[] }[];
  private readonly carry: Int32Array | undefined;
  /** Slots a row may leave unwritten but the row before filled (carried, not bound): cleared per row. */
  private readonly stale: Int32Array;
  private readonly derived: readonly CompiledDerivation[];
  private readonly view = new SlotCells();
  // Two slot arrays in turn: the row being read and the previous data row (for carry-forward).
  private current: CellValue[] = new Array<CellValue>(FIELD_NAMES.length).fill(null);
  private previous: CellValue[] = new Array<CellValue>(FIELD_NAMES.length).fill(null);
  private hasPrevious = false;
  /** The carried slots whose presence marks an order's first row. */
  private readonly carryAnchor: readonly number[];
  /** Carried cells of orders' first rows (presets with carryForward only), by order id. */
  private readonly orderCells = new Map<string, CellValue[]>();
  /** Each bound field's header as the file writes it, for messages. */
  private readonly headers: ReadonlyMap<string, string>;

  constructor(
    plan: ColumnPlan,
    private readonly ctx: RowContext,
    private readonly platform: string,
    /** The status column's header as written, for messages. */
    private readonly statusHeader: string,
    carryForward: readonly string[] | undefined,
  ) {
    if (plan.table !== 'order_lines') throw new Error(`OrderLineReader reads order_lines, not ${plan.table}`);
    this.bindings = plan.bindings;
    this.headers = new Map(plan.bindings.map((b) => [b.field, b.header]));
    this.bindingSlots = Int32Array.from(plan.bindings, (b) => slotOf(b.field));
    this.readings = Int32Array.from(plan.bindings, plainReading);
    this.indexes = Int32Array.from(plan.bindings, (b) => b.index);
    this.presence = plan.presence.map((p) => ({ slot: slotOf(p.field), indexes: p.indexes })).filter((p) => p.slot >= 0);
    this.carry = carryForward ? Int32Array.from(carryForward, slotOf) : undefined;
    const carried = [...(this.carry ?? [])].filter((slot) => slot >= 0);
    const anchor = carried.filter((slot) => slot === STATUS || slot === PAID_AT || slot === CREATED_AT);
    this.carryAnchor = anchor.length > 0 ? anchor : carried;
    this.derived = plan.derived.map((d) => ({ slot: slotOf(d.field), compute: d.compute }));
    // Every other slot is either written on every row (bound, presence, derived) or never
    // (stays null). (stays null). An order id given by the caller is cleared too, in case the next
    // row comes without one.
    const written = new Set<number>([...this.bindingSlots, ...this.presence.map((p) => p.slot), ...this.derived.map((d) => d.slot)]);
    this.stale = Int32Array.from(new Set([...(this.carry ?? []), ORDER_ID].filter((s) => s >= 0 && !written.has(s))));
  }

  /**
   * Reads record r of a batch. Returns undefined when the row cannot be used; its problems (at
   * least one fatal, except for a row without an order id) are pushed onto `problems`.
   * `orderId` stands in for the order id when the source makes one per row.
   */
  read(batch: RecordBatch, r: number, problems: CellProblem[], orderId?: string): OrderLineDraft | undefined {
    const v = this.current;
    for (let k = 0; k < this.stale.length; k++) v[this.stale[k]!] = null;
    const bindings = this.bindings;
    const readings = this.readings;
    const indexes = this.indexes;
    const before = problems.length;
    const base = batch.first[r]!;
    const cells = batch.first[r + 1]! - base;
    const starts = batch.starts;
    for (let k = 0; k < bindings.length; k++) {
      let value: CellValue | undefined;
      const reading = readings[k]!;
      const index = indexes[k]!;
      if (reading !== READ_FULL && index < cells) {
        const start = starts[base + index]!;
        if (start >= 0) value = this.plain(reading, batch, start, batch.ends[base + index]!);
      }
      if (value === undefined) {
        const b = bindings[k]!;
        const raw = batch.cell(r, b.index);
        value = readCell(b.transform ? b.transform(raw) : raw, b, this.ctx, problems);
      }
      v[this.bindingSlots[k]!] = value;
    }
    for (const p of this.presence) {
      let present = false;
      for (const i of p.indexes) {
        if (cleanText(batch.cell(r, i)) !== null) {
          present = true;
          break;
        }
      }
      v[p.slot] = present;
    }
    if (orderId !== undefined) v[ORDER_ID] = orderId;
    if (!this.complete(v)) {
      problems.push({
        column: this.headers.get('status') ?? this.headers.get('paid_at') ?? 'status',
        message: `a line of order ${String(v[ORDER_ID])} comes without its order's cells (status, paid time), and no row of the order before it has them: it is read as unpaid`,
        hint: "keep each order's lines together under its first row (as the platform exports them), or sort the file back by order",
        fatal: false,
      });
    }
    // The row just read is the next row's previous one, whether it is kept or not.
    this.current = this.previous;
    this.previous = v;
    this.hasPrevious = true;
    for (let k = before; k < problems.length; k++) if (problems[k]!.fatal) return undefined;
    return this.lineFromSlots(v, problems);
  }

  /** A cell read where it lies, or undefined to leave it to the full parser. */
  private plain(reading: number, batch: RecordBatch, start: number, end: number): CellValue | undefined {
    const bytes = batch.bytes;
    switch (reading) {
      case READ_ID:
        // plainId takes ASCII only: the image's characters are the text's.
        return plainId(bytes, start, end) ? batch.src.slice(plainRange.start, plainRange.end) : undefined;
      case READ_SHARED_ID:
        return plainId(bytes, start, end) ? batch.sharedText(plainRange.start, plainRange.end) : undefined;
      case READ_TEXT:
        return plainText(bytes, start, end) ? batch.sharedText(plainRange.start, plainRange.end) : undefined;
      case READ_MONEY: {
        const minor = plainMoneyMinor(bytes, start, end, this.ctx.amountsIn);
        if (minor === undefined || this.ctx.moneyFactor === undefined) return minor;
        return Math.round(minor * this.ctx.moneyFactor);
      }
      case READ_QUANTITY:
        return plainQuantity(bytes, start, end);
      case READ_INSTANT: {
        // Times repeat: created and paid at the same minute, an order's lines at its time.
        const memo = this.lastInstant;
        const n = end - start;
        if (n > 0 && n === memo.end - memo.start && sameBytes(bytes, start, memo.bytes, memo.start, n)) return memo.value;
        const local = plainLocalMs(bytes, start, end);
        if (local === undefined) return undefined;
        const value = localMsToEpoch(this.ctx.timeZone, local);
        memo.bytes = bytes;
        memo.start = start;
        memo.end = end;
        memo.value = value;
        return value;
      }
      default:
        return undefined;
    }
  }

  private lineFromSlots(v: readonly CellValue[], problems: CellProblem[]): OrderLineDraft | undefined {
    const text = str(v[STATUS] ?? null);
    let rule: StatusRule | undefined;
    if (text !== null) {
      rule = this.statusRules.get(text);
      if (rule === undefined && !this.statusRules.has(text)) {
        const statuses = this.ctx.preset.statuses;
        rule = statuses?.[text] ?? statuses?.[text.toLowerCase()];
        if (this.statusRules.size < 1000) this.statusRules.set(text, rule);
      }
    }
    return orderLineFromSlots(v, this.platform, this.ctx, problems, this.statusHeader, text, rule, this.headers);
  }

  /**
   * Order-level cells carried forward from the previous row of the same order (or, for a line
   * parted from its order's first row, as after sorting the export in Excel, from that row as
   * remembered), then derived cells. False when a line has no order-level cells to take.
   */
  private complete(v: CellValue[]): boolean {
    const carry = this.carry;
    let complete = true;
    if (carry) {
      const id = v[ORDER_ID];
      if (typeof id === 'string') {
        const prev = this.previous;
        // An order's first row is told by its order-level cells proper (status, times): the
        // buyer's e-mail or region may be repeated on every line.
        const hasOwn = this.carryAnchor.some((s) => v[s] !== null && v[s] !== undefined);
        const from = this.hasPrevious && id === prev[ORDER_ID] ? prev : hasOwn ? undefined : this.orderCells.get(id);
        if (from) {
          for (let k = 0; k < carry.length; k++) {
            const s = carry[k]!;
            if (s < 0) continue;
            if (v[s] === null || v[s] === undefined) v[s] = from[s] ?? null;
          }
        } else if (hasOwn) {
          this.rememberOrder(id, v);
        } else {
          complete = false;
        }
      }
    }
    if (this.derived.length === 0) return complete;
    this.view.values = v;
    const cells = this.view as unknown as Readonly<Cells>;
    for (const d of this.derived) {
      const value = d.compute(cells);
      if (d.slot >= 0) v[d.slot] = value;
    }
    return complete;
  }

  /** An order's first row's carried cells, for its lines further down; the oldest go past a bound. */
  private rememberOrder(id: string, v: readonly CellValue[]): void {
    if (this.orderCells.size >= REMEMBERED_ORDERS) this.orderCells.delete(this.orderCells.keys().next().value!);
    const cells: CellValue[] = new Array<CellValue>(FIELD_NAMES.length).fill(null);
    for (const s of this.carry!) if (s >= 0) cells[s] = v[s] ?? null;
    this.orderCells.set(id, cells);
  }
}

/** Do a[i, i + n) and b[j, j + n) hold the same bytes? (Compared from the end: times differ there first.) */
function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let k = n - 1; k >= 0; k--) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/** A column outside the order line's own (never read into it): -1. */
function slotOf(field: string): number {
  return SLOT.get(field) ?? -1;
}

/**
 * Builds an order line from read cells, by slot. Returns undefined (with a fatal problem pushed)
 * when the row cannot be used. The line id is settled by the caller (see workspace reader).
 */
function orderLineFromSlots(
  v: readonly CellValue[],
  platform: string,
  ctx: RowContext,
  problems: CellProblem[],
  statusHeader: string,
  statusText: string | null,
  rule: StatusRule | undefined,
  headers: ReadonlyMap<string, string>,
): OrderLineDraft | undefined {
  const orderId = str(v[ORDER_ID] ?? null);
  if (orderId === null) return undefined;
  const paidAt = num(v[PAID_AT] ?? null);
  const paidAmount = num(v[PAID_AMOUNT] ?? null);
  // A refund is money taken back, whichever sign the export writes it with (WooCommerce and
  // some ERPs write -5.00): a negative one would lower refunds and lift net sales above GMV.
  const refund = Math.abs(num(v[REFUND_AMOUNT] ?? null) ?? 0);

  const statusCtx: StatusContext = { paid: paidAt !== null, refundMinor: refund, paidMinor: paidAmount ?? 0 };
  let status: OrderStatus;
  if (statusText === null) {
    status = paidAt === null ? 'pending' : refundStatus(statusCtx, 'paid');
  } else {
    if (rule === undefined) {
      problems.push({ column: statusHeader, message: 'unknown order status', value: statusText, hint: unknownStatusHint(ctx.preset), fatal: true });
      return undefined;
    }
    status = typeof rule === 'function' ? rule(statusCtx) : rule;
  }

  const paidStatus = status !== 'pending' && status !== 'cancelled';
  if (paidStatus && paidAmount === null) {
    const header = headers.get('paid_amount');
    problems.push({
      column: header ?? 'paid_amount',
      message: 'a paid line has no paid amount',
      hint: header ? `the ${header} cell is empty: fill it in (0 for a free line)` : 'fill in the amount or map the right column',
      fatal: true,
    });
    return undefined;
  }
  const createdAt = num(v[CREATED_AT] ?? null);
  let paidTime = paidAt;
  if (paidStatus && paidAt === null) {
    // The paid time places a sale in its quarter: a paid line without one would count nowhere.
    // The order's created time is the nearest stand-in (exports without a payment column
    // usually have only an order date); without either the line cannot be placed.
    const header = headers.get('paid_at');
    if (createdAt === null) {
      problems.push({
        column: header ?? 'paid_at',
        message: 'a paid line has no paid time',
        hint: header ? `the ${header} cell is empty: fill in the paid time` : 'fill in the paid time, or map the column that holds it (columns: { paid_at: … })',
        fatal: true,
      });
      return undefined;
    }
    paidTime = createdAt;
    problems.push({
      column: header ?? 'paid_at',
      message: 'a paid line has no paid time: its created time is used',
      hint: header
        ? `the ${header} cell is empty; nothing to do if the order was paid when it was placed`
        : 'map the column that holds the paid time (columns: { paid_at: … }) if the export has one',
      fatal: false,
    });
  }
  let quantity = num(v[QUANTITY] ?? null) ?? 1;
  let paidMinor = paidAmount ?? 0;
  let refundMinor = refund;
  // A negative quantity or amount is a return booked as a row of its own: it takes back money,
  // so its amount counts as a refund, never as negative sales.
  if ((quantity < 0 || paidMinor < 0) && paidStatus) {
    refundMinor = Math.max(Math.abs(paidMinor), refundMinor);
    paidMinor = 0;
    quantity = -Math.abs(quantity);
    status = 'refunded';
  }
  const isLive = v[IS_LIVE] ?? null;
  return {
    platform,
    orderId,
    lineId: str(v[LINE_ID] ?? null),
    // Settled with the line id, once the line is known not to be a duplicate.
    orderKey: -1,
    buyerKey: -1,
    createdAt,
    paidAt: paidStatus ? paidTime : null,
    customerId: str(v[CUSTOMER_ID] ?? null),
    sku: str(v[SKU] ?? null),
    productName: str(v[PRODUCT_NAME] ?? null),
    category: str(v[CATEGORY] ?? null),
    quantity,
    unitPriceMinor: num(v[UNIT_PRICE] ?? null),
    paidAmountMinor: paidMinor,
    discountMinor: num(v[DISCOUNT] ?? null) ?? 0,
    shippingMinor: num(v[SHIPPING] ?? null) ?? 0,
    status,
    refundAmountMinor: refundMinor,
    refundReason: str(v[REFUND_REASON] ?? null),
    channel: str(v[CHANNEL] ?? null),
    campaign: str(v[CAMPAIGN] ?? null),
    region: str(v[REGION] ?? null),
    shippedAt: num(v[SHIPPED_AT] ?? null),
    deliveredAt: num(v[DELIVERED_AT] ?? null),
    promisedAt: num(v[PROMISED_AT] ?? null),
    isLive: typeof isLive === 'boolean' ? isLive : null,
  };
}
