// Joins a second file or sheet onto a source's order rows by order id (`join:` on a source):
//   items   — one row per item of an order (Tmall 宝贝报表 beside its 订单报表): each order row
//             becomes one line per item, with the item's title, SKU, quantity and price, and
//             the order's money shared out over its lines (see `allocate`);
//   returns — a list of returned orders (Superstore's Returns sheet, `Returned = Yes`): every
//             paid line of those orders is refunded in full.
// The joined file is read whole into a map by order id before the source's own rows stream
// past, so memory grows with the joined file (items or returns), not with the order export.
import type { OrderLine } from '../canonical.js';
import type { JoinConfig } from '../config/schema.js';
import { encodingAsRead } from './encoding-change.js';
import type { FieldSpec } from './fields.js';
import { normalizeHeader, planColumns } from './mapping.js';
import type { Preset } from './presets/types.js';
import type { ProblemLog } from './problems.js';
import { readCells, type CellProblem, type CellValue, type RowContext } from './rows.js';
import { WorkbookProblem, openRecords, type SourceRecord } from './source.js';
import { parseId } from './values.js';

/** An order line before its line id is settled (the reader numbers lines without one). */
export type LineDraft = Omit<OrderLine, 'lineId'> & { lineId: string | null };

export const ITEM_FIELDS = {
  order_id: { kind: 'id', required: true },
  line_id: { kind: 'id' },
  sku: { kind: 'id' },
  product_name: { kind: 'text' },
  category: { kind: 'text' },
  quantity: { kind: 'quantity' },
  unit_price: { kind: 'money' },
} as const satisfies Record<string, FieldSpec>;

export const RETURN_FIELDS = {
  order_id: { kind: 'id', required: true },
  /** Yes/no; rows saying no are not returns. Without the column every listed order is one. */
  returned: { kind: 'boolean' },
  refund_reason: { kind: 'text' },
} as const satisfies Record<string, FieldSpec>;

export interface JoinedItem {
  lineId: string | null;
  sku: string | null;
  productName: string | null;
  category: string | null;
  quantity: number | null;
  unitPriceMinor: number | null;
}

/** One joined file as read, for the file summary. */
export interface JoinedFileSummary {
  file: string;
  kind: JoinConfig['kind'];
  encoding: string;
  rowsRead: number;
  rowsKept: number;
  /** Kept rows whose order was not among the source's rows. */
  unmatched: number;
}

interface KeyOrigin {
  file: string;
  row: number;
}

export class JoinTable {
  readonly items = new Map<string, JoinedItem[]>();
  /** Returned order → refund reason (or null). */
  readonly returns = new Map<string, string | null>();
  readonly files: JoinedFileSummary[] = [];
  private readonly origins = new Map<string, KeyOrigin>();
  private readonly matched = new Set<string>();
  /** Source rows looked up; none means the source file could not be read, so no verdict. */
  private lookups = 0;

  constructor(
    readonly kind: JoinConfig['kind'],
    /** Header of the key in the source's own file; undefined: its order id column. */
    readonly leftHeader: string | undefined,
  ) {}

  /** The source's line(s) for an order row with join key `key`. */
  apply(line: LineDraft, key: string | null): LineDraft[] {
    if (key === null) return [line];
    this.lookups++;
    if (this.kind === 'returns') {
      if (!this.returns.has(key)) return [line];
      this.matched.add(key);
      if (line.status === 'pending' || line.status === 'cancelled') return [line];
      return [{ ...line, status: 'refunded', refundAmountMinor: line.paidAmountMinor, refundReason: this.returns.get(key) ?? line.refundReason }];
    }
    const items = this.items.get(key);
    if (!items) return [line];
    this.matched.add(key);
    return splitIntoItems(line, items);
  }

  /** Reports joined rows that met no order, one warning per joined file. */
  reportUnmatched(problems: ProblemLog, sourceFiles: string): void {
    if (this.lookups === 0) return;
    const perFile = new Map<string, { count: number; first: KeyOrigin; key: string }>();
    for (const [key, origin] of this.origins) {
      if (this.matched.has(key)) continue;
      const entry = perFile.get(origin.file);
      if (entry) entry.count++;
      else perFile.set(origin.file, { count: 1, first: origin, key });
    }
    for (const [file, { count, first, key }] of perFile) {
      const summary = this.files.find((f) => f.file === file);
      if (summary) summary.unmatched = count;
      const what = this.kind === 'items' ? 'item rows' : 'returned orders';
      problems.warning(
        `${count} ${what} match no order in ${sourceFiles} (the first: order ${key})`,
        { file, row: first.row },
        'check that both files cover the same period and that the join key holds the same ids in both',
      );
    }
  }

  addItem(key: string, item: JoinedItem, origin: KeyOrigin): void {
    const list = this.items.get(key);
    if (list) list.push(item);
    else {
      this.items.set(key, [item]);
      this.origins.set(key, origin);
    }
  }

  addReturn(key: string, reason: string | null, origin: KeyOrigin): void {
    if (!this.returns.has(key) || (reason !== null && this.returns.get(key) === null)) this.returns.set(key, reason);
    if (!this.origins.has(key)) this.origins.set(key, origin);
  }
}

/**
 * Splits `total` minor units over lines in proportion to `weights`, exactly: each line gets
 * its share rounded down, then the units left over go one each to the lines with the largest
 * remainders (the earlier line first on a tie). Lines sum to `total`; none is negative for a
 * non-negative total. All-zero (or no usable) weights share equally. Integer arithmetic
 * throughout (BigInt), so no amount is off by float rounding.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (n === 1) return [total];
  const sign = total < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(total));
  const usable = weights.every((w) => Number.isFinite(w) && w >= 0) && weights.some((w) => w > 0);
  const w = usable ? weights.map((x) => BigInt(Math.round(x))) : weights.map(() => 1n);
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return allocate(total, weights.map(() => 1));
  const shares = w.map((x) => (magnitude * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: (magnitude * x) % sum }));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) shares[remainders[k % n]!.i]! += 1n;
  return shares.map((s) => Number(s * sign));
}

/**
 * One line per item. The item's own columns replace the order row's; the order's paid amount,
 * refund, discount and shipping are shared out by item value (unit price × quantity; by
 * quantity when a price is missing), so the lines add up to the order exactly.
 */
export function splitIntoItems(order: LineDraft, items: readonly JoinedItem[]): LineDraft[] {
  const priced = items.every((it) => it.unitPriceMinor !== null);
  const weights = items.map((it) => (priced ? it.unitPriceMinor! * (it.quantity ?? 1) : (it.quantity ?? 1)));
  const paid = allocate(order.paidAmountMinor, weights);
  const refund = allocate(order.refundAmountMinor, weights);
  const discount = allocate(order.discountMinor, weights);
  const shipping = allocate(order.shippingMinor, weights);
  return items.map((it, i) => ({
    ...order,
    lineId: it.lineId,
    sku: it.sku ?? order.sku,
    productName: it.productName ?? order.productName,
    category: it.category ?? order.category,
    quantity: it.quantity ?? 1,
    unitPriceMinor: it.unitPriceMinor,
    paidAmountMinor: paid[i]!,
    refundAmountMinor: refund[i]!,
    discountMinor: discount[i]!,
    shippingMinor: shipping[i]!,
  }));
}

export interface JoinFile {
  absolute: string;
  display: string;
}

export interface LoadJoinArgs {
  join: JoinConfig;
  /** Dot-path of the join in the config, for messages (`sources[0].join[0]`). */
  configPath: string;
  files: readonly JoinFile[];
  preset: Preset;
  ctx: RowContext;
  problems: ProblemLog;
}

/** The join's right-hand key header, when the config names one. */
function rightHeader(join: JoinConfig): string | undefined {
  if (join.on === undefined) return join.columns['order_id'];
  return typeof join.on === 'string' ? join.on : join.on.right;
}

export function leftHeader(join: JoinConfig): string | undefined {
  if (join.on === undefined) return undefined;
  return typeof join.on === 'string' ? join.on : join.on.left;
}

/**
 * Reads the join's files into a JoinTable. Problems (unreadable file, missing columns, bad
 * cells) are logged with file, row and column; returns undefined when nothing usable was read.
 */
export async function loadJoin(args: LoadJoinArgs): Promise<JoinTable | undefined> {
  const { join, problems } = args;
  const table = new JoinTable(join.kind, leftHeader(join));
  const fields: Record<string, FieldSpec> = join.kind === 'items' ? ITEM_FIELDS : RETURN_FIELDS;
  const right = rightHeader(join);
  const overrides: Record<string, string> = { ...join.columns };
  if (right !== undefined) overrides['order_id'] = right;
  // Returns lists in the wild spell their flag column in English or Chinese.
  const preset: Preset = {
    ...args.preset,
    columns: { ...args.preset.columns, returned: ['returned', 'return', '是否退货', '退货'], refund_reason: args.preset.columns['refund_reason'] ?? ['refund_reason'] },
  };
  let usable = false;

  for (const file of args.files) {
    const summary: JoinedFileSummary = { file: file.display, kind: join.kind, encoding: '', rowsRead: 0, rowsKept: 0, unmatched: 0 };
    try {
      const source = await openRecords(file.absolute, { encoding: join.encoding, sheet: join.sheet });
      summary.encoding = source.encoding;
      let plan: ReturnType<typeof planColumns>['plan'] | undefined;
      let headerKey = '';
      let sawHeader = false;
      const cellProblems: CellProblem[] = [];
      readLoop: for await (const batch of source.batches()) {
        for (const record of batch.records()) {
          if (isBlank(record)) continue;
          if (!plan) {
            sawHeader = true;
            const mapped = planColumns(record.fields, preset, overrides, { fields, tableLabel: `a ${join.kind} join` });
            for (const p of mapped.problems) {
              const where = p.message.startsWith('columns.') ? `${args.configPath}.` : `${args.configPath}: `;
              problems.error(`${where}${p.message}`, { file: file.display, row: record.row, column: p.column }, p.hint);
            }
            if (mapped.problems.length > 0) break readLoop;
            plan = mapped.plan;
            headerKey = record.fields.map(normalizeHeader).join('\u0000');
            continue;
          }
          summary.rowsRead++;
          if (record.fields.map(normalizeHeader).join('\u0000') === headerKey) continue;
          cellProblems.length = 0;
          const cells = readCells(record.fields, plan, args.ctx, cellProblems);
          for (const p of cellProblems) {
            problems.add({
              severity: 'error',
              message: p.message,
              value: p.value,
              hint: p.hint,
              file: file.display,
              row: record.row,
              column: p.column,
            });
          }
          if (cellProblems.some((p) => p.fatal)) continue;
          const key = cells['order_id'] as string;
          const origin = { file: file.display, row: record.row };
          if (join.kind === 'returns') {
            if (cells['returned'] === false) continue;
            table.addReturn(key, text(cells['refund_reason']), origin);
          } else {
            table.addItem(
              key,
              {
                lineId: text(cells['line_id']),
                sku: text(cells['sku']),
                productName: text(cells['product_name']),
                category: text(cells['category']),
                quantity: number(cells['quantity']),
                unitPriceMinor: number(cells['unit_price']),
              },
              origin,
            );
          }
          summary.rowsKept++;
          usable = true;
        }
      }
      summary.encoding = encodingAsRead(source, file.display, problems);
      if (!plan && headerKey === '' && !sawHeader) {
        problems.warning(`the ${join.kind} file is empty`, { file: file.display }, `export it again, or remove it from ${args.configPath}`);
      }
    } catch (err) {
      if (err instanceof WorkbookProblem) {
        problems.error(err.message, { file: file.display, ...(err.setting ? { path: `${args.configPath}.${err.setting}` } : {}) }, err.hint);
      } else if ((err as NodeJS.ErrnoException).code !== undefined) {
        problems.error(`cannot read file: ${(err as Error).message}`, { file: file.display }, 'check that the file exists and is readable');
      } else {
        throw err;
      }
    }
    table.files.push(summary);
  }
  return usable ? table : undefined;
}

/** The join key of a source row: the cell under `header` read as an id, or null. */
export function keyOf(fields: readonly string[], index: number): string | null {
  const parsed = parseId(fields[index] ?? '');
  return typeof parsed === 'string' ? parsed : null;
}

function isBlank(record: SourceRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

const text = (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : null);
const number = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);
