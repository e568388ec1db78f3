import { describe, expect, it } from 'vitest';
import {
  directionOf,
  formatCount,
  formatGrowth,
  formatMoney,
  formatPercent,
  moneyScale,
  scaled,
} from '../../src/report/format.js';

describe('money', () => {
  it.each([
    [3_125_430_00, '¥312.5万'], // 3,125,430.00 yuan
    [12_345_678_900_00, '¥123.46亿'], // 12,345,678,900 yuan
    [8_765_00, '¥8,765'],
    [156_32, '¥156.32'],
    [-2_500_000_00, '-¥250.0万'],
    [0, '¥0.00'],
  ])('zh-CN %i fen → %s', (minor, text) => {
    expect(formatMoney(minor, 'CNY', 'zh-CN')).toBe(text);
  });

  it.each([
    [3_125_430_00, 'USD', '$3.13M'],
    [31_254_00, 'USD', '$31.3K'],
    [8_765_00, 'USD', '$8,765'],
    [156_32, 'EUR', '€156.32'],
    [2_400_000_000_00, 'USD', '$2.40B'],
    [5000, 'JPY', '¥5,000'], // yen have no minor unit
  ])('en %i → %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency, 'en')).toBe(text);
  });
});

describe('counts, percents, growth', () => {
  it('counts', () => {
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
    expect(formatCount(123456, 'zh-CN')).toBe('12.35万');
    expect(formatCount(123456, 'en')).toBe('123,456');
    expect(formatCount(2_345_678, 'en')).toBe('2.35M');
  });
  it('percent and growth', () => {
    expect(formatPercent(0.3125)).toBe('31.3%');
    expect(formatGrowth(0.182)).toBe('+18.2%');
    expect(formatGrowth(-0.031)).toBe('-3.1%');
    expect(formatGrowth(-0.031, true)).toBe('3.1%');
    expect(formatGrowth(0.0001)).toBe('0.0%');
  });
  it('direction treats ±0.5% as flat and null as no comparison', () => {
    expect(directionOf(0.004)).toBe('flat');
    expect(directionOf(-0.004)).toBe('flat');
    expect(directionOf(0.006)).toBe('up');
    expect(directionOf(-0.2)).toBe('down');
    expect(directionOf(null)).toBe('none');
  });
});

describe('chart scale', () => {
  it('uses 万 for hundreds of thousands of yuan and rounds to one decimal', () => {
    const s = moneyScale(3_125_430_00, 'CNY', 'zh-CN');
    expect(s).toEqual({ divisor: 1_000_000, suffix: '万', decimals: 1 });
    expect(scaled(3_125_430_00, s)).toBe(312.5);
  });
  it('uses M in English for millions', () => {
    const s = moneyScale(3_125_430_00, 'USD', 'en');
    expect(s.suffix).toBe('M');
    expect(scaled(3_125_430_00, s)).toBe(3.13);
  });
});
