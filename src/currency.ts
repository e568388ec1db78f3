// Currency facts shared by ingest (converting a source's amounts) and the report (formatting).

/** Minor units per major unit (ISO 4217 exponents that differ from 2). */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, OMR: 3 };

export function minorPerMajor(currency: string): number {
  return 10 ** (MINOR_DIGITS[currency] ?? 2);
}

/**
 * The factor that turns a source currency's minor units into the report currency's minor units,
 * given `rate` report-currency units per source-currency unit (e.g. USD → CNY at 7.2).
 */
export function minorConversionFactor(source: string, report: string, rate: number): number {
  return (rate * minorPerMajor(report)) / minorPerMajor(source);
}

/** Minor units as plain major-unit text with the currency's own decimals: 12345 fen → "123.45", 500 yen → "500". */
export function majorUnitsText(minor: number, currency: string): string {
  return (minor / minorPerMajor(currency)).toFixed(MINOR_DIGITS[currency] ?? 2);
}
