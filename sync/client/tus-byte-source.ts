import type { FileReader, FileSource } from 'tus-js-client';

/**
 * Hands tus-js-client a sealed attachment that is already in memory as bytes. Its own
 * readers differ between the browser build (Blob) and the Node build (Buffer, streams); one
 * reader for plain bytes keeps the worker, the tests and the benchmark on the same path.
 *
 * tus-js-client measures every slice by its `size` property (Blob and its own Buffer source
 * have one, a bare Uint8Array does not): a slice without it reads as empty, and the upload
 * fails with "source is done after 0 bytes" on every attempt. So each slice is a Blob.
 */
export const byteArrayReader: FileReader = {
  async openFile(input: unknown): Promise<FileSource> {
    if (!(input instanceof Uint8Array)) throw new TypeError('expected the sealed attachment bytes');
    return {
      size: input.byteLength,
      async slice(start: number, end: number) {
        const stop = Math.min(end, input.byteLength);
        return {
          value: new Blob([input.subarray(start, stop) as Uint8Array<ArrayBuffer>]),
          done: stop >= input.byteLength,
        };
      },
      close() {},
    };
  },
};
