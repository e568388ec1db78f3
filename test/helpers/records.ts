import { RecordBatch, type SourceRecord } from '../../src/ingest/source.js';

/** Every record of a source as [row, ...fields], whether it yields record arrays or record batches. */
export async function readAll(source: { batches(): AsyncIterable<SourceRecord[] | RecordBatch> }): Promise<Array<[number, ...string[]]>> {
  const out: Array<[number, ...string[]]> = [];
  for await (const batch of source.batches()) {
    for (const r of batch instanceof RecordBatch ? batch.records() : batch) out.push([r.row, ...r.fields]);
  }
  return out;
}
