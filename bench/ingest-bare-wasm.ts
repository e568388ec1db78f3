// The bare loop in WebAssembly: bench/wasm/bare.ts, the same work as bench/ingest-bare.ts (cell
// boundaries with quotes, 7 cells read, ids as integers, distinct keys in open-addressing
// tables), compiled with AssemblyScript. Beside the JS bare loop it tells how much of that
// loop's time is the language (doubles for 16-digit ids, bounds-checked typed arrays) and how
// much the work and the memory it touches — the figure behind the choice of a core outside
// JavaScript for the ingest target (docs/performance.md, "The bare loop in WebAssembly").
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FloorFigures } from './ingest-floor.js';

const SOURCE = new URL('./wasm/bare.ts', import.meta.url);

/**
 * Compiles bench/wasm/bare.ts (once per version of the source: the binary is kept in the temp
 * folder under the source's hash) and returns the binary's path.
 */
export async function compiledBareLoop(): Promise<string> {
  const source = readFileSync(SOURCE, 'utf8');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `ecom-report-bench-bare-${hash}.wasm`);
  if (existsSync(out)) return out;
  const asc = (await import('assemblyscript/asc')).default;
  let errors = '';
  let binary: Uint8Array | null = null;
  const r = await asc.main(['bare.ts', '-O3', '--runtime', 'stub', '--noAssert', '--outFile', 'bare.wasm'], {
    readFile: (name) => (name === 'bare.ts' ? source : null),
    writeFile: (name, contents) => {
      if (name === 'bare.wasm' && typeof contents !== 'string') binary = contents;
    },
    listFiles: () => [],
    stderr: { write: (s: string | Uint8Array) => ((errors += String(s)), true) } as never,
  });
  if (r.error || !binary) throw new Error(`compiling bench/wasm/bare.ts failed: ${r.error?.message ?? ''}\n${errors}`);
  writeFileSync(out, binary);
  return out;
}

// The project's TypeScript libraries (ES2023, Node) do not declare WebAssembly; these are the
// few parts of it used here.
interface WasmGlobal {
  value: number | bigint;
}
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

interface BareLoop {
  memory: { buffer: ArrayBuffer };
  begin(from: bigint, to: bigint): void;
  window(): number;
  windowSize(): number;
  scan(held: number, atEnd: number): number;
  distinctOrders(): number;
  distinctBuyers(): number;
  lines: WasmGlobal;
  gmvMinor: WasmGlobal;
  refundsMinor: WasmGlobal;
}

/**
 * GMV, refunds, orders and buyers of the lines paid in [fromStamp, toStamp) (local YYYYMMDDHHMM),
 * neither cancelled nor pending, each (order, line) counted once — bareFigures, in WebAssembly.
 */
export async function bareWasmFigures(wasmPath: string, file: string, fromStamp: number, toStamp: number): Promise<FloorFigures> {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    env: {
      abort: () => {
        throw new Error('bare loop: abort');
      },
    },
  });
  const loop = instance.exports as unknown as BareLoop;
  loop.begin(BigInt(fromStamp), BigInt(toStamp));
  const at = loop.window();
  const size = loop.windowSize();
  const fd = openSync(file, 'r');
  let held = 0;
  let atEnd = false;
  try {
    for (;;) {
      // The window's view is taken again each time: the memory's buffer is replaced when it grows.
      let window = new Uint8Array(loop.memory.buffer, at, size);
      if (!atEnd) {
        const n = readSync(fd, window, held, size - held, null);
        if (n === 0) atEnd = true;
        held += n;
      }
      const used = loop.scan(held, atEnd ? 1 : 0);
      if (used < 0) throw new Error(`a record longer than ${size} bytes`);
      if (atEnd && used >= held) break;
      window = new Uint8Array(loop.memory.buffer, at, size);
      window.copyWithin(0, used, held);
      held -= used;
    }
  } finally {
    closeSync(fd);
  }
  return {
    lines: loop.lines.value as number,
    gmvMinor: Number(loop.gmvMinor.value as bigint),
    refundsMinor: Number(loop.refundsMinor.value as bigint),
    orders: loop.distinctOrders(),
    buyers: loop.distinctBuyers(),
  };
}
