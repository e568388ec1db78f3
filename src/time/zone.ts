// Time-zone arithmetic for IANA zones, fast enough for the ingest hot path.
//
// Offsets come from `Intl.DateTimeFormat` (the runtime's tz database), but asking Intl costs a
// few microseconds, so every zone keeps caches (and asks Intl at most twice per UTC day whose
// offset does not change):
//   - per UTC hour: the zone's offset during that hour (or "a transition happens inside");
//   - per wall-clock hour: the offset that turns a wall time of that hour into an instant under
//     our disambiguation rules (or "not uniform inside this hour", e.g. the DST gap hour).
// A transition inside an hour is found once by bisection and remembered, so results stay exact
// for zones whose transitions are not on the hour (Lord Howe, historical local mean time).
//
// Pure: no `node:` imports, no clock. Used by ingest and by the pure metrics core.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Caches are dropped wholesale past this many entries (a safety valve, never hit by real data). */
const MAX_CACHE = 250_000;

interface Transition {
  /** First epoch ms at which `after` applies. */
  at: number;
  before: number;
  after: number;
}

interface Zone {
  readonly name: string;
  readonly dtf: Intl.DateTimeFormat;
  /** UTC hour index → offset ms; NaN when the offset changes inside that hour. */
  readonly utcHour: Map<number, number>;
  /** UTC hour index → the transition inside it (only for hours marked NaN above). */
  readonly transitions: Map<number, Transition>;
  /** Wall-clock hour index → offset ms to subtract; NaN when not uniform inside that hour. */
  readonly localHour: Map<number, number>;
  /** UTC day index → the day's one offset, or NaN when it changes inside the day. */
  readonly utcDay: Map<number, number>;
  /** Constant offset zones (UTC, Etc/UTC): the offset, else NaN. */
  readonly fixed: number;
  /** One-entry memos in front of the maps (exports are usually sorted by time). */
  memoUtcHour: number;
  memoUtcOffset: number;
  memoLocalHour: number;
  memoLocalOffset: number;
  /**
   * Direct-mapped caches of uniform hours (slot = hour mod SLOTS) in front of the maps: lines
   * arrive in no time order, so the one-entry memos mostly miss, and a typed-array probe costs
   * less than a Map lookup of a non-small-integer key.
   */
  readonly utcSlotHour: Float64Array;
  readonly utcSlotOffset: Float64Array;
  readonly localSlotHour: Float64Array;
  readonly localSlotOffset: Float64Array;
}

const SLOTS = 1 << 13;

const zones = new Map<string, Zone>();
let lastName = '';
let lastZone: Zone | undefined;

function getZone(timeZone: string): Zone {
  if (timeZone === lastName && lastZone !== undefined) return lastZone;
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = makeZone(timeZone);
    zones.set(timeZone, zone);
  }
  lastName = timeZone;
  lastZone = zone;
  return zone;
}

function makeZone(timeZone: string): Zone {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`unknown time zone '${timeZone}' (use an IANA name such as Asia/Shanghai or America/New_York)`);
  }
  const resolved = dtf.resolvedOptions().timeZone;
  const fixed = /^(?:UTC|Etc\/(?:UTC|GMT|UCT|Zulu|Universal|Greenwich)|GMT)$/i.test(resolved) ? 0 : NaN;
  return {
    name: timeZone,
    dtf,
    utcHour: new Map(),
    transitions: new Map(),
    localHour: new Map(),
    utcDay: new Map(),
    fixed,
    memoUtcHour: NaN,
    memoUtcOffset: 0,
    memoLocalHour: NaN,
    memoLocalOffset: 0,
    utcSlotHour: new Float64Array(SLOTS).fill(NaN),
    utcSlotOffset: new Float64Array(SLOTS),
    localSlotHour: new Float64Array(SLOTS).fill(NaN),
    localSlotOffset: new Float64Array(SLOTS),
  };
}

/** Offset (ms) of the zone at an instant, straight from Intl (slow path). */
function intlOffset(zone: Zone, epochMs: number): number {
  const t = Math.floor(epochMs / SECOND) * SECOND;
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const part of zone.dtf.formatToParts(t)) {
    switch (part.type) {
      case 'year':
        y = Number(part.value);
        break;
      case 'month':
        mo = Number(part.value);
        break;
      case 'day':
        d = Number(part.value);
        break;
      case 'hour':
        h = Number(part.value) % 24;
        break;
      case 'minute':
        mi = Number(part.value);
        break;
      case 'second':
        s = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) y = 1 - y;
  const local = daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + s * SECOND;
  return local - t;
}

/**
 * The offset of a whole UTC day when it has one offset at both ends, else NaN. Offsets change at
 * most a few times a year and never twice within a day, so equal ends mean one offset all day:
 * the hours of such a day are filled without asking Intl again.
 */
function uniformUtcDay(zone: Zone, day: number): number {
  let offset = zone.utcDay.get(day);
  if (offset === undefined) {
    if (zone.utcDay.size >= MAX_CACHE) zone.utcDay.clear();
    const a = intlOffset(zone, day * DAY);
    const b = intlOffset(zone, day * DAY + DAY - 1);
    offset = a === b ? a : NaN;
    zone.utcDay.set(day, offset);
  }
  return offset;
}

function fillUtcHour(zone: Zone, hour: number): number {
  if (zone.utcHour.size >= MAX_CACHE) {
    zone.utcHour.clear();
    zone.transitions.clear();
  }
  const whole = uniformUtcDay(zone, Math.floor(hour / 24));
  if (whole === whole) {
    zone.utcHour.set(hour, whole);
    return whole;
  }
  const start = hour * HOUR;
  const end = start + HOUR - 1;
  const before = intlOffset(zone, start);
  const after = intlOffset(zone, end);
  if (before === after) {
    zone.utcHour.set(hour, before);
    return before;
  }
  // Bisect to the second at which the offset changes (transitions are on whole seconds).
  let lo = start / SECOND; // offset === before
  let hi = Math.floor(end / SECOND); // offset !== before
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (intlOffset(zone, mid * SECOND) === before) lo = mid;
    else hi = mid;
  }
  zone.transitions.set(hour, { at: hi * SECOND, before, after: intlOffset(zone, hi * SECOND) });
  zone.utcHour.set(hour, NaN);
  return NaN;
}

function offsetAt(zone: Zone, epochMs: number): number {
  if (zone.fixed === zone.fixed) return zone.fixed;
  const hour = Math.floor(epochMs / HOUR);
  if (hour === zone.memoUtcHour) return zone.memoUtcOffset;
  const slot = hour & (SLOTS - 1);
  if (zone.utcSlotHour[slot] === hour) return zone.utcSlotOffset[slot]!;
  let offset = zone.utcHour.get(hour);
  if (offset === undefined) offset = fillUtcHour(zone, hour);
  if (offset === offset) {
    // not NaN: the whole hour has this offset
    zone.memoUtcHour = hour;
    zone.memoUtcOffset = offset;
    zone.utcSlotHour[slot] = hour;
    zone.utcSlotOffset[slot] = offset;
    return offset;
  }
  const tr = zone.transitions.get(hour);
  if (tr === undefined) {
    // Cache was cleared between the two lookups: recompute.
    fillUtcHour(zone, hour);
    return offsetAt(zone, epochMs);
  }
  return epochMs < tr.at ? tr.before : tr.after;
}

/**
 * Instant of a wall-clock time given as "local ms" (the wall time's fields read as if UTC).
 * Gaps resolve forward (the wall time is read with the offset in force before the gap), overlaps
 * to the earlier instant — the same as Temporal's 'compatible' disambiguation.
 */
function resolveLocal(zone: Zone, local: number): number {
  const before = offsetAt(zone, local - DAY);
  const after = offsetAt(zone, local + DAY);
  const t1 = local - before;
  if (before === after) {
    return t1;
  }
  const t2 = local - after;
  const ok1 = offsetAt(zone, t1) === before;
  const ok2 = offsetAt(zone, t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2); // overlap: the earlier instant
  if (ok1) return t1;
  if (ok2) return t2;
  return t1; // gap: forward, using the offset from before the gap
}

function fillLocalHour(zone: Zone, hour: number): number {
  if (zone.localHour.size >= MAX_CACHE) zone.localHour.clear();
  const start = hour * HOUR;
  const end = start + HOUR - 1;
  const a = start - resolveLocal(zone, start);
  const b = end - resolveLocal(zone, end);
  const offset = a === b ? a : NaN;
  zone.localHour.set(hour, offset);
  return offset;
}

/** Epoch ms of a wall time expressed as local ms (fields read as if UTC) in a zone. */
export function localMsToEpoch(timeZone: string, localMs: number): number {
  const zone = getZone(timeZone);
  if (zone.fixed === zone.fixed) return localMs - zone.fixed;
  const hour = Math.floor(localMs / HOUR);
  if (hour === zone.memoLocalHour) return localMs - zone.memoLocalOffset;
  const slot = hour & (SLOTS - 1);
  if (zone.localSlotHour[slot] === hour) return localMs - zone.localSlotOffset[slot]!;
  let offset = zone.localHour.get(hour);
  if (offset === undefined) offset = fillLocalHour(zone, hour);
  if (offset === offset) {
    zone.memoLocalHour = hour;
    zone.memoLocalOffset = offset;
    zone.localSlotHour[slot] = hour;
    zone.localSlotOffset[slot] = offset;
    return localMs - offset;
  }
  return resolveLocal(zone, localMs);
}

/** Epoch ms of a wall-clock time in an IANA zone. DST gaps resolve forward, overlaps to the earlier instant. */
export function wallTimeToEpoch(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  // Out-of-range fields roll over like Date.UTC (month 13 → January of the next year, day 0 → the last day before).
  const monthIndex = y * 12 + (mo - 1);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const local = (daysFromCivil(year, month, 1) + (d - 1)) * DAY + h * HOUR + mi * MINUTE + s * SECOND + ms;
  return localMsToEpoch(timeZone, local);
}

/** UTC offset in minutes of a zone at an instant. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  return offsetAt(getZone(timeZone), epochMs) / MINUTE;
}

/** The wall-clock calendar day (YYYY-MM-DD) of an instant in a zone. */
export function epochToLocalDate(timeZone: string, epochMs: number): string {
  const local = epochMs + offsetAt(getZone(timeZone), epochMs);
  return dayString(Math.floor(local / DAY));
}

/** The wall-clock time of an instant in a zone, as local ms (fields read as if UTC). */
export function epochToLocalMs(timeZone: string, epochMs: number): number {
  return epochMs + offsetAt(getZone(timeZone), epochMs);
}

const validity = new Map<string, boolean>();

export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  const known = validity.get(name);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    ok = true;
  } catch {
    ok = false;
  }
  if (validity.size < 1000) validity.set(name, ok);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Proleptic Gregorian calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days).

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12; day may overflow linearly). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days in a month of a proleptic Gregorian year. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const dayStrings = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), cached. */
export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s !== undefined) return s;
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yText = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : y < 0 ? '-' + String(-y).padStart(6, '0') : '+' + String(y).padStart(6, '0');
  s = `${yText}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  if (dayStrings.size >= MAX_CACHE) dayStrings.clear();
  dayStrings.set(day, s);
  return s;
}
