// The platform's demo catalogue as the renderer sees it, for the fake kiosk of screenshot runs
// (`vite dev ?fake`) and for unit tests: the same data and the same mapping as a real kiosk's.
import { DEMO_CATALOG } from '../../sync/protocol/demo-catalog';
import { catalogFromProtocol } from '../catalog/catalog-from-protocol';
import type { Catalog, Service } from '../catalog/catalog-model';

const mapped = catalogFromProtocol({
  version: 1,
  publishedAt: '2025-01-01T00:00:00+08:00',
  locales: ['zh-CN', 'en'],
  ...DEMO_CATALOG,
});

/**
 * What the wire cannot say yet (catalog-from-protocol writes defaults for it), set here so that
 * a fake run still reaches those screens: typing the number by hand, and a service that only
 * a counter does.
 */
const RENDERER_ONLY: Record<string, (service: Service) => Service> = {
  // 城乡居民医保参保登记, 老年人优待证
  '000131137000': (s) => ({ ...s, identify: { ...s.identify, manual: true } }),
  '000128005000': (s) => ({ ...s, identify: { ...s.identify, manual: true } }),
  // 社保卡补换
  '000131150000': (s) => ({
    ...s,
    kioskCapable: false,
    elsewhere: {
      'zh-CN': '区政务服务中心社保窗口（需现场采集照片并制卡）',
      en: 'Social security counter, District Service Centre (photo taken on site)',
    },
  }),
};

export const demoServices: Service[] = mapped.services.map(
  (service) => RENDERER_ONLY[service.code]?.(service) ?? service,
);

export const demoCatalog: Catalog = { ...mapped, services: demoServices };
