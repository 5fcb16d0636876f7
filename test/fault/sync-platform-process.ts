/**
 * The reference platform as a process of its own, so the fault tests can SIGKILL it the way
 * a power cut or the OOM killer would, not close it politely.
 *   node --import tsx test/fault/sync-platform-process.ts <sqlite file> <data dir> <port>
 * Prints one JSON line `{"listening": url}` when it serves; answers `{type:'enrol'}` on the IPC
 * channel with `{code}`.
 */
import { createPlatform } from '../../sync/server/platform';

const [file, dataDir, port] = process.argv.slice(2);
if (!file || !dataDir || !port) throw new Error('usage: <sqlite file> <data dir> <port>');

const platform = await createPlatform({ db: `sqlite:${file}`, dataDir });
const url = await platform.listen({ port: Number(port), host: '127.0.0.1' });
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'enrol') return;
  void platform.operator.createEnrolmentCode().then(({ code }) => process.send?.({ code }));
});
process.stdout.write(`${JSON.stringify({ listening: url })}\n`);
