// One record of an export → its cells by canonical column, following a column plan (order
// lines are read by order-reader.ts, which shares `readCell`). Every cell that cannot be read
// becomes a problem naming its column; a row with an unreadable required cell is dropped (and
// counted), never guessed.
import type { ColumnBinding, ColumnPlan } from './mapping.js';
import type { Preset } from './presets/types.js';
import {
  ValueProblem,
  writtenCurrencies,
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
  /** Multiplies amounts into the report currency's minor units (a source in another currency). */
  moneyFactor?: number;
  /** The currency the source's amounts are in; an amount whose own sign says otherwise is refused. */
  currency?: string;
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

/** What Excel writes where a formula fails (#N/A is taken as a missing value instead). */
const EXCEL_ERROR = /^#(DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

const EXCEL_ERROR_WORDS = {
  message: 'an Excel error value, not a value:',
  hint: 'a formula in the workbook failed here: fix it (or the cells it reads) in Excel, then export again',
};
/** A formula as the cell's text: a workbook cell whose result is not stored (see excel.ts). */
const FORMULA = /^=(?!")/;
const FORMULA_WORDS = {
  message: 'a formula whose result the workbook does not hold:',
  hint: 'the formula failed in Excel, or the file was written by a program that does not calculate: fix it in Excel and save the workbook again (or paste the values)',
};

/** Parses one bound cell; an unreadable or missing required cell is pushed onto `problems` (fatal). */
export function readCell(raw: string, b: ColumnBinding, ctx: RowContext, problems: CellProblem[]): CellValue {
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
      if (ctx.currency !== undefined && typeof parsed === 'number') {
        const written = writtenCurrencies(raw);
        if (written !== undefined && !written.includes(ctx.currency)) {
          parsed = new ValueProblem(
            `an amount in ${written.join(' or ')}, in a source whose amounts are ${ctx.currency}`,
            `set currency: ${written[0]} on this source (with its rate under rates:), or correct the cell`,
          );
        }
      }
      // Converted per cell and rounded to the minor unit, as a bank statement would show it.
      if (ctx.moneyFactor !== undefined && typeof parsed === 'number') parsed = Math.round(parsed * ctx.moneyFactor);
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
    const written = raw.trim();
    const excel = EXCEL_ERROR.test(written) ? EXCEL_ERROR_WORDS : FORMULA.test(written) ? FORMULA_WORDS : undefined;
    problems.push({
      column: b.header,
      message: excel?.message ?? parsed.message,
      hint: excel?.hint ?? parsed.hint,
      value: excel ? written : (parsed.value ?? written),
      fatal: true,
    });
    return null;
  }
  // An order line's amount may be empty where nothing was paid (Amazon leaves item-price blank
  // on Pending and Cancelled orders); order-reader.ts requires it on paid lines.
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
