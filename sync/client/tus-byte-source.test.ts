import fc from 'fast-check';
import { Upload, type HttpRequest, type HttpResponse, type HttpStack } from 'tus-js-client';
import { describe, expect, it } from 'vitest';
import { byteArrayReader } from './tus-byte-source';

/** A tus server in a few lines: creation-with-upload and PATCH, answering the offset it holds. */
function memoryTusStack(received: number[][]): HttpStack {
  let offset = 0;
  return {
    getName: () => 'memory',
    createRequest(method: string, url: string): HttpRequest {
      const headers: Record<string, string> = {};
      return {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (name, value) => void (headers[name] = value),
        getHeader: (name) => headers[name],
        setProgressHandler: () => {},
        abort: async () => {},
        getUnderlyingObject: () => undefined,
        async send(body: unknown): Promise<HttpResponse> {
          if (body != null) {
            const bytes = new Uint8Array(await (body as Blob).arrayBuffer());
            received.push([...bytes]);
            offset += bytes.byteLength;
          }
          const answer: Record<string, string> = {
            'Upload-Offset': String(offset),
            Location: 'http://platform/v1/attachments/a1',
          };
          return {
            getStatus: () => (method === 'POST' ? 201 : 204),
            getHeader: (name) => answer[name],
            getBody: () => '',
            getUnderlyingObject: () => undefined,
          };
        },
      };
    },
  };
}

function upload(bytes: Uint8Array, chunkSize: number, received: number[][]): Promise<void> {
  return new Promise((resolve, reject) => {
    new Upload(bytes as unknown as Blob, {
      endpoint: 'http://platform/v1/attachments',
      uploadSize: bytes.byteLength,
      chunkSize,
      uploadDataDuringCreation: true,
      retryDelays: null,
      storeFingerprintForResuming: false,
      httpStack: memoryTusStack(received),
      fileReader: byteArrayReader,
      onSuccess: () => resolve(),
      onError: reject,
    }).start();
  });
}

describe('byteArrayReader', () => {
  it('gives tus-js-client every byte, in order, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 4000 }),
        async (bytes, chunkSize) => {
          const received: number[][] = [];
          await upload(bytes, chunkSize, received);
          expect(received.flat()).toEqual([...bytes]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('can be opened again for a retry after a spent upload', async () => {
    const bytes = new Uint8Array(20_081).map((_, i) => i & 255);
    for (let attempt = 0; attempt < 2; attempt++) {
      const received: number[][] = [];
      await upload(bytes, 4 * 1024 * 1024, received);
      expect(received.flat().length).toBe(bytes.byteLength);
    }
  });

  it('refuses anything but bytes', async () => {
    await expect(byteArrayReader.openFile('not bytes' as never, 1)).rejects.toThrow(TypeError);
  });
});
