// Compact sums by local day × platform × category × channel (GMV, refunds, lines, units), and
// the distribution of unit prices per report period. Both grow with days, combinations and
// distinct prices, never with lines; weekly trends, campaign shares and price bands read them.

export interface DayCell {
  gmvMinor: number;
  refundsMinor: number;
  lines: number;
  quantity: number;
}

export interface DayCellKey {
  day: number;
  platform: string;
  category: string;
  channel: string;
}

const COMBO_SPAN = 2 ** 21;

export class DayCube {
  /** platform → category → channel → combination id, looked up without building a key string. */
  private readonly comboIds = new Map<string, Map<string, Map<string, number>>>();
  private readonly combos: [string, string, string][] = [];
  /**
   * Per combination: day → cell. Keyed by the day alone (a small integer): a day × combination
   * number does not fit V8's small integers and would be boxed and hashed as a double per line.
   */
  private readonly byCombo: Map<number, DayCell>[] = [];
  /** Every cell in the order it was made, with its day and combination (for `forEach`). */
  private readonly cellList: DayCell[] = [];
  private readonly cellDays: number[] = [];
  private readonly cellCombos: number[] = [];

  private comboId(platform: string, category: string, channel: string): number {
    let byCategory = this.comboIds.get(platform);
    if (byCategory === undefined) this.comboIds.set(platform, (byCategory = new Map()));
    let byChannel = byCategory.get(category);
    if (byChannel === undefined) byCategory.set(category, (byChannel = new Map()));
    let id = byChannel.get(channel);
    if (id === undefined) {
      id = this.combos.length;
      if (id >= COMBO_SPAN) throw new Error('more than 2 million platform × category × channel combinations');
      byChannel.set(channel, id);
      this.combos.push([platform, category, channel]);
      this.byCombo.push(new Map());
    }
    return id;
  }

  add(day: number, platform: string, category: string, channel: string, gmvMinor: number, refundsMinor: number, quantity: number): void {
    const combo = this.comboId(platform, category, channel);
    const days = this.byCombo[combo]!;
    let cell = days.get(day);
    if (cell === undefined) {
      cell = { gmvMinor: 0, refundsMinor: 0, lines: 0, quantity: 0 };
      days.set(day, cell);
      this.cellList.push(cell);
      this.cellDays.push(day);
      this.cellCombos.push(combo);
    }
    cell.gmvMinor += gmvMinor;
    cell.refundsMinor += refundsMinor;
    cell.lines++;
    cell.quantity += quantity;
  }

  get size(): number {
    return this.cellList.length;
  }

  forEach(visit: (key: DayCellKey, cell: DayCell) => void): void {
    for (let i = 0; i < this.cellList.length; i++) {
      const [platform, category, channel] = this.combos[this.cellCombos[i]!]!;
      visit({ day: this.cellDays[i]!, platform, category, channel }, this.cellList[i]!);
    }
  }

  /** GMV per day (all platforms, categories and channels). */
  gmvByDay(): Map<number, number> {
    const out = new Map<number, number>();
    this.forEach(({ day }, cell) => out.set(day, (out.get(day) ?? 0) + cell.gmvMinor));
    return out;
  }
}

/** Unit price → lines and GMV in each of the three report periods. */
export class PriceDistribution {
  private readonly byPrice = new Map<number, Float64Array>();
  unpricedLines = 0;

  add(period: number, unitPriceMinor: number | null, gmvMinor: number): void {
    if (unitPriceMinor === null || !Number.isFinite(unitPriceMinor)) {
      if (period === 0) this.unpricedLines++;
      return;
    }
    let row = this.byPrice.get(unitPriceMinor);
    if (row === undefined) {
      row = new Float64Array(6);
      this.byPrice.set(unitPriceMinor, row);
    }
    row[period]!++;
    row[3 + period]! += gmvMinor;
  }

  /** Ascending prices with the lines and GMV of period `p` at each (prices with no line there dropped). */
  sorted(p: number): { prices: number[]; lines: number[]; gmv: number[] } {
    const prices = [...this.byPrice.keys()].filter((k) => this.byPrice.get(k)![p]! > 0).sort((a, b) => a - b);
    return {
      prices,
      lines: prices.map((k) => this.byPrice.get(k)![p]!),
      gmv: prices.map((k) => this.byPrice.get(k)![3 + p]!),
    };
  }

  /** GMV and lines of period `p` with a unit price in [min, max) (max null: no upper bound). */
  bandTotals(p: number, minMinor: number, maxMinor: number | null): { gmvMinor: number; lines: number } {
    let gmvMinor = 0;
    let lines = 0;
    for (const [price, row] of this.byPrice) {
      if (price < minMinor || (maxMinor !== null && price >= maxMinor)) continue;
      gmvMinor += row[3 + p]!;
      lines += row[p]!;
    }
    return { gmvMinor, lines };
  }
}
