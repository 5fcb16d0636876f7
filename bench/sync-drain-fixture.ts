import type { ApplicationSubmission } from '../sync/client/application-sealer';

/** One application of the drain benchmark: a valid demo-catalogue form and one image of `kb` KB. */
export function benchSubmission(marker: number, kb: number): ApplicationSubmission {
  const image = crypto.getRandomValues(new Uint8Array(kb * 1024));
  return {
    serviceCode: '000131137000',
    serviceName: '城乡居民医保参保登记',
    form: {
      applicantName: '测试',
      applicantIdNumber: '11010519491231002X',
      phone: '13800138000',
      // The marker makes each application recognisable on the platform, to count duplicates.
      address: `示范区人民路 1 号 #${marker}`,
      householdType: 'local',
      category: 'adult',
      signature: 'material:signature',
    },
    identity: { name: '测试' },
    idNumber: '11010519491231002X',
    materials: [{ materialId: 'signature', name: 'signature', blob: new Blob([image]) }],
    missing: [],
  };
}

/** Samples this process's memory every 10 ms; `stop()` gives the peaks in MB. */
export function sampleMemory(): { stop(): { peakHeapMB: number; peakRssMB: number } } {
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  sample();
  const timer = setInterval(sample, 10);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { peakHeapMB: heap / 2 ** 20, peakRssMB: rss / 2 ** 20 };
    },
  };
}
