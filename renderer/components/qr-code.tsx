import { useEffect, useState } from 'react';
import { create } from 'qrcode';
import { afterNextPaint } from '../app/after-paint';

interface QrPath {
  text: string;
  d: string;
  extent: number;
}

function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
    }
  }
  return { text, d: parts.join(''), extent: modules.size + 8 };
}

/**
 * A QR code drawn as SVG by React: no canvas, no data URL, nothing a strict CSP blocks.
 * Encoding (eight masks tried and scored) takes tens of milliseconds on a slow kiosk, so the
 * screen around it paints first and the code follows in the next frame, in a box of its
 * final size.
 */
export function QrCode({
  text,
  size = 240,
  label,
}: {
  text: string;
  size?: number;
  label: string;
}) {
  const [path, setPath] = useState<QrPath | undefined>();
  useEffect(() => afterNextPaint(() => setPath(qrPath(text))), [text]);
  const current = path?.text === text ? path : undefined;
  return (
    <svg
      className="qr-code"
      width={size}
      height={size}
      viewBox={current ? `0 0 ${current.extent} ${current.extent}` : undefined}
      role="img"
      aria-label={label}
      aria-busy={current ? undefined : true}
      shapeRendering="crispEdges"
    >
      {current && (
        <>
          <rect width={current.extent} height={current.extent} fill="#fff" />
          <path d={current.d} fill="#000" />
        </>
      )}
    </svg>
  );
}
