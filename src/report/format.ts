// Numbers as a reader of the deck expects them: zh-CN uses ¥ with 万/亿, en uses the currency
// symbol with K/M/B. Pure; the same value always formats the same way.

export type LocaleId = 'zh-CN' | 'en';

const SYMBOLS: Record<string, string> = {
  CNY: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
  TWD: 'NT$',
  SGD: 'S$',
  AUD: 'A$',
  CAD: 'C$',
  KRW: '₩',
};

import { minorPerMajor } from '../currency.js';

export { minorPerMajor };

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

function grouped(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Money from integer minor units, e.g. 31_254_300 fen → "¥31.3万" (zh-CN) or "¥312.5K" (en). */
export function formatMoney(minor: number, currency: string, locale: LocaleId): string {
  const major = minor / minorPerMajor(currency);
  const sign = major < 0 ? '-' : '';
  const abs = Math.abs(major);
  const symbol = currencySymbol(currency);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${symbol}${grouped(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${sign}${symbol}${grouped(abs / 1e4, 1)}万`;
    if (abs >= 1000) return `${sign}${symbol}${grouped(abs, 0)}`;
    return `${sign}${symbol}${grouped(abs, 2)}`;
  }
  if (abs >= 1e9) return `${sign}${symbol}${grouped(abs / 1e9, 2)}B`;
  if (abs >= 1e6) return `${sign}${symbol}${grouped(abs / 1e6, 2)}M`;
  if (abs >= 1e4) return `${sign}${symbol}${grouped(abs / 1e3, 1)}K`;
  if (abs >= 1000) return `${sign}${symbol}${grouped(abs, 0)}`;
  return `${sign}${symbol}${grouped(abs, 2)}`;
}

/** Whole counts: "12,345", "12.35万" (zh-CN ≥ 100,000), "1.23M" (en ≥ 1,000,000). */
export function formatCount(value: number, locale: LocaleId): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${grouped(abs / 1e8, 2)}亿`;
    if (abs >= 1e5) return `${sign}${grouped(abs / 1e4, 2)}万`;
    return `${sign}${grouped(abs, 0)}`;
  }
  if (abs >= 1e6) return `${sign}${grouped(abs / 1e6, 2)}M`;
  return `${sign}${grouped(abs, 0)}`;
}

/** A share or rate: 0.3125 → "31.3%". */
export function formatPercent(ratio: number, decimals = 1): string {
  return `${(ratio * 100).toFixed(decimals)}%`;
}

/** A change: 0.182 → "+18.2%", -0.031 → "-3.1%"; magnitude only with `unsigned`. */
export function formatGrowth(ratio: number, unsigned = false): string {
  const pct = (Math.abs(ratio) * 100).toFixed(1);
  if (unsigned) return `${pct}%`;
  if (pct === '0.0') return '0.0%';
  return `${ratio < 0 ? '-' : '+'}${pct}%`;
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

/** Growth within ±0.5% reads as flat; below that precision a direction would mislead. */
export function directionOf(ratio: number | null, flatBand = 0.005): Direction {
  if (ratio === null) return 'none';
  if (Math.abs(ratio) < flatBand) return 'flat';
  return ratio > 0 ? 'up' : 'down';
}

export interface MoneyScale {
  /** Divide a minor-unit value by this to get the chart value. */
  divisor: number;
  /** zh-CN: '万' / '亿' / ''; en: 'K' / 'M' / 'B' / ''. */
  suffix: string;
  decimals: number;
}

/** The scale for a chart axis whose largest value is `maxMinor`. */
export function moneyScale(maxMinor: number, currency: string, locale: LocaleId): MoneyScale {
  const per = minorPerMajor(currency);
  const major = Math.abs(maxMinor) / per;
  if (locale === 'zh-CN') {
    if (major >= 1e9) return { divisor: per * 1e8, suffix: '亿', decimals: 2 };
    if (major >= 1e5) return { divisor: per * 1e4, suffix: '万', decimals: 1 };
    return { divisor: per, suffix: '', decimals: 0 };
  }
  if (major >= 1e9) return { divisor: per * 1e9, suffix: 'B', decimals: 2 };
  if (major >= 1e6) return { divisor: per * 1e6, suffix: 'M', decimals: 2 };
  if (major >= 1e4) return { divisor: per * 1e3, suffix: 'K', decimals: 1 };
  return { divisor: per, suffix: '', decimals: 0 };
}

/** A chart value: minor units scaled and rounded to the scale's decimals. */
export function scaled(minor: number, scale: MoneyScale): number {
  const f = 10 ** scale.decimals;
  return Math.round((minor / scale.divisor) * f) / f;
}
