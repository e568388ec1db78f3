// Seeded random numbers (mulberry32) for generated example data: the demo workspace, preset
// fixtures, `init` and the benchmarks. The same seed always gives the same sequence, so every
// generated file is reproducible byte for byte. Never used for anything but example data.

/** A generator of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
