// The technician's test page: everything a receipt needs, once, so one glance at the paper
// tells whether the model profile, the paper width, the Chinese font and the QR all work.
import type { ReceiptDocument } from '../bridge/contract';
import { paperGeometry } from './paper';
import type { PaperWidth, PrinterProfile } from './profile';

export interface TestPageInfo {
  profile: PrinterProfile;
  paper: PaperWidth;
  device: string;
  printedAt: string;
}

export function testPageDocument(info: TestPageInfo): ReceiptDocument {
  const columns = paperGeometry(info.paper).columns;
  const ruler = Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
  return {
    blocks: [
      { kind: 'title', text: '打印机测试页' },
      { kind: 'text', text: 'Printer test page', align: 'center' },
      { kind: 'rule' },
      { kind: 'kv', key: '型号 Profile', value: info.profile.id },
      { kind: 'kv', key: '纸宽 Paper', value: `${info.paper} mm / ${columns} cols` },
      { kind: 'kv', key: '设备 Device', value: info.device },
      { kind: 'kv', key: '时间 Time', value: info.printedAt },
      { kind: 'rule' },
      { kind: 'text', text: ruler },
      { kind: 'text', text: '汉'.repeat(columns / 2) },
      { kind: 'text', text: '常用字：政务服务一网通办不打烊' },
      { kind: 'text', text: '生僻字（四字节）：𠮷㐀䶵𪚥' },
      { kind: 'text', text: 'ASCII: !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[]^_`{|}~' },
      { kind: 'text', text: '加粗 Bold', bold: true },
      { kind: 'text', text: '右对齐 Right', align: 'right' },
      { kind: 'text', text: '倍大 Double', size: 'double' },
      { kind: 'qr', data: 'https://example.gov.cn/kiosk/test-page' },
      { kind: 'barcode', data: 'BDY-TEST-0001' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
