import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Already compressed (a PNG): stored as is rather than deflated again. */
  stored?: boolean;
}

/**
 * The entries as one .zip, produced a file at a time as the reader asks for more, so the archive
 * is never held whole in memory beside its files.
 */
export function zipStream(entries: readonly ZipEntry[], modified: Date): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        if (chunk.length > 0) controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    pull() {
      const entry = entries[next++];
      if (!entry) {
        zip.end();
        return;
      }
      const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
      file.mtime = modified;
      zip.add(file);
      file.push(entry.data, true);
    },
    cancel() {
      zip.terminate();
    },
  });
}
