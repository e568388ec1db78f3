import { describe, expect, it } from 'vitest';
import {
  dayString,
  daysFromCivil,
  epochToLocalDate,
  isValidTimeZone,
  localMsToEpoch,
  wallTimeToEpoch,
  zoneOffsetMinutes,
} from '../../src/time/zone.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const at = (isoText: string): number => Date.parse(isoText);

describe('wallTimeToEpoch', () => {
  it('Asia/Shanghai is UTC+8 all year', () => {
    expect(iso(wallTimeToEpoch('Asia/Shanghai', 2026, 7, 1, 9, 5, 0, 0))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(wallTimeToEpoch('Asia/Shanghai', 2026, 1, 15, 0, 0, 0, 0))).toBe('2026-01-14T16:00:00.000Z');
    // Late evening on the last day of a quarter is still that day in Shanghai.
    expect(iso(wallTimeToEpoch('Asia/Shanghai', 2026, 9, 30, 23, 30, 0, 0))).toBe('2026-09-30T15:30:00.000Z');
    expect(iso(wallTimeToEpoch('Asia/Shanghai', 2026, 9, 30, 23, 59, 59, 999))).toBe('2026-09-30T15:59:59.999Z');
  });

  it('UTC is the identity', () => {
    expect(iso(wallTimeToEpoch('UTC', 2026, 7, 1, 9, 5, 7, 123))).toBe('2026-07-01T09:05:07.123Z');
    expect(iso(wallTimeToEpoch('Etc/UTC', 1969, 12, 31, 23, 0, 0, 0))).toBe('1969-12-31T23:00:00.000Z');
  });

  it('America/New_York: EST in winter, EDT in summer', () => {
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 1, 15, 12, 0, 0, 0))).toBe('2026-01-15T17:00:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 7, 1, 12, 0, 0, 0))).toBe('2026-07-01T16:00:00.000Z');
  });

  it('America/New_York spring-forward gap (2026-03-08 02:00–03:00) resolves forward', () => {
    // 01:59:59.999 EST is the last instant before the gap.
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 3, 8, 1, 59, 59, 999))).toBe('2026-03-08T06:59:59.999Z');
    // 02:00 and 02:30 do not exist: read with the pre-gap offset (EST) they are 03:00 / 03:30 EDT.
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 3, 8, 2, 0, 0, 0))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 3, 8, 2, 30, 0, 0))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 3, 8, 3, 30, 0, 0))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 3, 8, 3, 0, 0, 0))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('America/New_York fall-back overlap (2026-11-01 01:00–02:00) resolves to the earlier (EDT) instant', () => {
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 11, 1, 0, 59, 59, 999))).toBe('2026-11-01T04:59:59.999Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 11, 1, 1, 0, 0, 0))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 11, 1, 1, 30, 0, 0))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 11, 1, 1, 59, 59, 999))).toBe('2026-11-01T05:59:59.999Z');
    // From 02:00 on, only EST exists.
    expect(iso(wallTimeToEpoch('America/New_York', 2026, 11, 1, 2, 0, 0, 0))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('Europe/London: gap 2026-03-29 01:00–02:00, overlap 2026-10-25 01:00–02:00', () => {
    expect(iso(wallTimeToEpoch('Europe/London', 2026, 1, 10, 12, 0, 0, 0))).toBe('2026-01-10T12:00:00.000Z');
    expect(iso(wallTimeToEpoch('Europe/London', 2026, 7, 1, 12, 0, 0, 0))).toBe('2026-07-01T11:00:00.000Z');
    // 01:30 does not exist on 29 March: 01:30 GMT = 02:30 BST.
    expect(iso(wallTimeToEpoch('Europe/London', 2026, 3, 29, 1, 30, 0, 0))).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice on 25 October: the BST one comes first.
    expect(iso(wallTimeToEpoch('Europe/London', 2026, 10, 25, 1, 30, 0, 0))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallTimeToEpoch('Europe/London', 2026, 10, 25, 2, 0, 0, 0))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('is exact for transitions that are not on the hour (Lord Howe, 30-minute DST)', () => {
    // DST starts 2026-10-04 02:00 LHST (+10:30) → 02:30 LHDT (+11:00), i.e. at 2026-10-03T15:30Z.
    expect(iso(wallTimeToEpoch('Australia/Lord_Howe', 2026, 10, 4, 1, 59, 0, 0))).toBe('2026-10-03T15:29:00.000Z');
    expect(iso(wallTimeToEpoch('Australia/Lord_Howe', 2026, 10, 4, 2, 15, 0, 0))).toBe('2026-10-03T15:45:00.000Z'); // gap
    expect(iso(wallTimeToEpoch('Australia/Lord_Howe', 2026, 10, 4, 2, 30, 0, 0))).toBe('2026-10-03T15:30:00.000Z');
    // DST ends 2026-04-05 02:00 LHDT → 01:30 LHST: 01:45 happens twice, the earlier is +11:00.
    expect(iso(wallTimeToEpoch('Australia/Lord_Howe', 2026, 4, 5, 1, 45, 0, 0))).toBe('2026-04-04T14:45:00.000Z');
    expect(zoneOffsetMinutes('Australia/Lord_Howe', at('2026-10-03T15:29:59.999Z'))).toBe(630);
    expect(zoneOffsetMinutes('Australia/Lord_Howe', at('2026-10-03T15:30:00.000Z'))).toBe(660);
  });

  it('rolls out-of-range fields over like Date.UTC', () => {
    expect(iso(wallTimeToEpoch('UTC', 2026, 13, 1, 0, 0, 0, 0))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(wallTimeToEpoch('UTC', 2026, 3, 0, 0, 0, 0, 0))).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(wallTimeToEpoch('Asia/Shanghai', 2026, 0, 1, 0, 0, 0, 0))).toBe('2025-11-30T16:00:00.000Z');
  });

  it('agrees with Intl every ~3 hours through 2026 in New York and London', () => {
    for (const zone of ['America/New_York', 'Europe/London']) {
      const fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      for (let t = at('2026-01-01T00:00:00Z'); t < at('2027-01-01T00:00:00Z'); t += 3 * 3_600_000 + 60_000 * 7) {
        const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, Number(x.value)]));
        const back = wallTimeToEpoch(zone, p['year']!, p['month']!, p['day']!, p['hour']!, p['minute']!, 0, 0);
        // Round trip: wall time → instant → the same wall time (overlap hours map to the earlier instant).
        const again = Object.fromEntries(fmt.formatToParts(back).map((x) => [x.type, Number(x.value)]));
        expect(again).toEqual(p);
        expect(back <= Math.floor(t / 60_000) * 60_000).toBe(true);
      }
    }
  });
});

describe('zoneOffsetMinutes', () => {
  it('gives the offset in force at an instant', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', at('2026-07-01T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('UTC', at('2026-07-01T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', at('2026-07-01T00:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/London', at('2026-12-01T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('America/New_York', at('2026-03-08T06:59:59.999Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', at('2026-03-08T07:00:00.000Z'))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', at('2026-11-01T05:59:59.999Z'))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', at('2026-11-01T06:00:00.000Z'))).toBe(-300);
    expect(zoneOffsetMinutes('Asia/Kolkata', at('2026-07-01T00:00:00Z'))).toBe(330);
  });

  it('knows history (Shanghai observed DST in 1987)', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', at('1987-07-01T00:00:00Z'))).toBe(540);
  });
});

describe('epochToLocalDate', () => {
  it('is the wall-clock day of the instant in the zone', () => {
    expect(epochToLocalDate('Asia/Shanghai', at('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(epochToLocalDate('Asia/Shanghai', at('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
    expect(epochToLocalDate('Asia/Shanghai', at('2026-09-30T15:30:00.000Z'))).toBe('2026-09-30');
    expect(epochToLocalDate('America/New_York', at('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
    expect(epochToLocalDate('America/New_York', at('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
    expect(epochToLocalDate('Europe/London', at('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(epochToLocalDate('UTC', at('1969-12-31T23:00:00Z'))).toBe('1969-12-31');
    expect(epochToLocalDate('UTC', at('2028-02-29T12:00:00Z'))).toBe('2028-02-29');
  });
});

describe('calendar helpers', () => {
  it('daysFromCivil and dayString are inverse', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2025, 7, 1)).toBe(20270);
    expect(daysFromCivil(1899, 12, 30)).toBe(-25569);
    expect(dayString(20270)).toBe('2025-07-01');
    expect(dayString(-1)).toBe('1969-12-31');
    for (let d = -700_000; d < 2_900_000; d += 997) {
      const s = dayString(d);
      expect(daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)))).toBe(d);
    }
  });

  it('localMsToEpoch reads local ms (wall fields as if UTC)', () => {
    expect(iso(localMsToEpoch('Asia/Shanghai', at('2026-07-01T09:05:00Z')))).toBe('2026-07-01T01:05:00.000Z');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Beijing')).toBe(false);
  });

  it('zone functions throw a RangeError naming an unknown zone', () => {
    expect(() => wallTimeToEpoch('Mars/Olympus_Mons', 2026, 1, 1, 0, 0, 0, 0)).toThrow(/unknown time zone 'Mars\/Olympus_Mons'/);
    expect(() => epochToLocalDate('Beijing', 0)).toThrow(RangeError);
  });
});

describe('speed', () => {
  it('1,000,000 conversions take well under a second (cached per zone and hour)', () => {
    const start = at('2026-07-01T00:00:00Z');
    const t0 = performance.now();
    let sink = 0;
    for (let i = 0; i < 1_000_000; i++) {
      sink += wallTimeToEpoch('America/New_York', 2026, 7, 1, 0, 0, i * 7, 0);
      sink += epochToLocalDate('Asia/Shanghai', start + i * 7_000).length;
    }
    const elapsed = performance.now() - t0;
    expect(sink).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1000);
  });
});
