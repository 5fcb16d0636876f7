// The receipt number in a scanned receipt QR code: the progress URL carries it as a query
// parameter (r, receipt or receiptNumber); a bare number is accepted as it is.
const RECEIPT_NUMBER = /^[A-Za-z0-9-]{6,40}$/;

export function receiptNumberFromScan(text: string): string | undefined {
  const trimmed = text.trim();
  if (RECEIPT_NUMBER.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    for (const key of ['r', 'receipt', 'receiptNumber']) {
      const value = url.searchParams.get(key);
      if (value && RECEIPT_NUMBER.test(value)) return value;
    }
    const last = url.pathname.split('/').filter(Boolean).at(-1);
    return last && RECEIPT_NUMBER.test(last) ? last : undefined;
  } catch {
    return undefined;
  }
}
