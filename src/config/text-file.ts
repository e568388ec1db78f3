// A hand-written yaml file as text, in whatever encoding the editor saved it: UTF-8 (with or
// without BOM), UTF-16 with a BOM (Notepad's "Unicode"), or GBK (Chinese Windows editors'
// default). Read as UTF-8 regardless, a UTF-16 file parses as one long string and a GBK one
// shows its Chinese as �.
import { readFile } from 'node:fs/promises';
import { createDecoder, detectEncoding } from '../ingest/encoding.js';

export async function readTextFile(file: string): Promise<string> {
  const bytes = await readFile(file);
  const decoder = createDecoder(detectEncoding(bytes, true));
  return decoder.write(bytes) + decoder.end();
}
