// Bytes and encode time of the standard 受理回执, beside receiptline's and
// node-thermal-printer's output for the same content. Prints medians of several runs and
// ratios against receiptline measured in the same process. Never part of the test run.
//   npx tsx bench/receipt-encode.ts
import { performance } from 'node:perf_hooks';
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import receiptline from 'receiptline';
import { acceptanceReceiptDocument } from '../devices/printer/acceptance-receipt';
import { encodeReceipt } from '../devices/printer/encoder';
import { printerProfiles } from '../devices/printer/profile';
import { sampleReceipt } from '../test/support/acceptance-receipt';

const receipt = sampleReceipt({
  serviceName: '城乡居民医保参保登记',
  materialsSubmitted: ['居民身份证', '户口簿', '居住证'],
});
const doc = acceptanceReceiptDocument(receipt);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => unknown, rounds = 15, perRound = 200): number {
  for (let i = 0; i < perRound; i++) run(); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) run();
    samples.push(((performance.now() - t0) / perRound) * 1000);
  }
  return median(samples); // µs per receipt
}

// The same content in receiptline's markdown-like language.
const kv = doc.blocks.flatMap((b) => (b.kind === 'kv' ? [`${b.key} | ${b.value}`] : []));
const receiptlineDoc = [
  '^^"受理回执',
  '-',
  ...kv,
  '-',
  '"已提交材料',
  ...receipt.materialsSubmitted.map((m, i) => `${i + 1}. ${m}`),
  '"容缺材料（请在期限前补交）',
  ...receipt.materialsMissing.map((m, i) => `${i + 1}. ${m.name} | 补交期限 ${m.deadline}`),
  '-',
  `{code:${receipt.progressUrl}; option:qrcode,6,m}`,
  '扫码查询办理进度',
  `咨询电话：${receipt.hotline}`,
  '请妥善保管本回执',
  '=',
].join('\n');
const receiptlineOptions = { cpl: 48, encoding: 'gb18030', command: 'escpos' } as const;

function thermalPrinterBytes(): Buffer {
  const p = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: 'tcp://127.0.0.1:9',
    characterSet: CharacterSet.CHINA,
    width: 48,
  });
  p.alignCenter();
  p.setTextDoubleHeight();
  p.setTextDoubleWidth();
  p.println('受理回执');
  p.setTextNormal();
  p.alignLeft();
  p.drawLine();
  for (const b of doc.blocks) if (b.kind === 'kv') p.leftRight(b.key, b.value);
  p.drawLine();
  p.bold(true);
  p.println('已提交材料');
  p.bold(false);
  receipt.materialsSubmitted.forEach((m, i) => p.println(`${i + 1}. ${m}`));
  p.bold(true);
  p.println('容缺材料（请在期限前补交）');
  p.bold(false);
  receipt.materialsMissing.forEach((m, i) =>
    p.leftRight(`${i + 1}. ${m.name}`, `补交期限 ${m.deadline}`),
  );
  p.drawLine();
  p.alignCenter();
  p.printQR(receipt.progressUrl, { cellSize: 6, correction: 'M', model: 2 });
  p.println('扫码查询办理进度');
  p.println(`咨询电话：${receipt.hotline}`);
  p.println('请妥善保管本回执');
  p.cut();
  return p.getBuffer();
}

const ours = encodeReceipt(doc, { profile: printerProfiles.epson });
const rl = Buffer.from(receiptline.transform(receiptlineDoc, receiptlineOptions), 'binary');
const ntp = thermalPrinterBytes();

const tOurs = time(() => encodeReceipt(doc, { profile: printerProfiles.epson }));
const tReceiptline = time(() => receiptline.transform(receiptlineDoc, receiptlineOptions));
const tBuild = time(() =>
  encodeReceipt(acceptanceReceiptDocument(receipt), { profile: printerProfiles.epson }),
);

const fmt = (n: number) => n.toFixed(1);
console.log('standard acceptance receipt (80 mm, Epson profile)');
console.log(
  `  bytes  budayang ${ours.length}   receiptline ${rl.length}   node-thermal-printer ${ntp.length}`,
);
console.log(
  `  bytes ratio  budayang/receiptline ${(ours.length / rl.length).toFixed(2)}   budayang/node-thermal-printer ${(ours.length / ntp.length).toFixed(2)}`,
);
console.log(
  `  encode median  budayang ${fmt(tOurs)} µs   with document build ${fmt(tBuild)} µs   receiptline (baseline) ${fmt(tReceiptline)} µs`,
);
console.log(`  time ratio  budayang/receiptline ${(tOurs / tReceiptline).toFixed(2)}`);
console.log(
  '  note: node-thermal-printer encodes Chinese as EUC-CN (GB2312): four-byte GB18030 characters are lost there.',
);
