// Line icons drawn as SVG: kiosk systems have no colour-emoji font to rely on.
import type { ReactElement } from 'react';

interface IconProps {
  size?: number | string;
  className?: string;
}

function Svg({
  size = '1em',
  className,
  children,
}: IconProps & { children: ReactElement | ReactElement[] }) {
  return (
    <svg
      className={`icon ${className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const SpeakerIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 9h4l5-4v14l-5-4H4z" />
    <path d="M16 9a4 4 0 0 1 0 6" />
    <path d="M18.5 6.5a8 8 0 0 1 0 11" />
  </Svg>
);

export const SpeakerOffIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 9h4l5-4v14l-5-4H4z" />
    <path d="M17 10l4 4M21 10l-4 4" />
  </Svg>
);

export const SearchIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5L21 21" />
  </Svg>
);

export const TouchIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9 11V5a1.5 1.5 0 0 1 3 0v5" />
    <path d="M12 10V9a1.5 1.5 0 0 1 3 0v2" />
    <path d="M15 11a1.5 1.5 0 0 1 3 0v3a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.8-2.4L3.5 15.5a1.5 1.5 0 0 1 2.3-1.9L9 16" />
  </Svg>
);

export const QrIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3" y="3" width="7" height="7" />
    <rect x="14" y="3" width="7" height="7" />
    <rect x="3" y="14" width="7" height="7" />
    <path d="M14 14h3v3h-3zM20 14v.01M14 20h.01M17 20h4v-3" />
  </Svg>
);

export const CardIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="5" width="20" height="14" rx="2" />
    <circle cx="8" cy="11" r="2" />
    <path d="M5 16c.5-1.5 1.7-2 3-2s2.5.5 3 2M14 10h5M14 14h4" />
  </Svg>
);

export const CameraIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
);

export const ClockIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Svg>
);

export const CheckIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Svg>
);

/** 好差评 faces, 5 (非常满意) to 1 (非常不满意): the mouth bends with the level. */
export function FaceIcon({ level, ...p }: IconProps & { level: 1 | 2 | 3 | 4 | 5 }) {
  const mouth: Record<typeof level, string> = {
    5: 'M7.5 14c1.5 3 7.5 3 9 0',
    4: 'M8 14.5c1.5 1.7 6.5 1.7 8 0',
    3: 'M8 15h8',
    2: 'M8 16.5c1.5-1.7 6.5-1.7 8 0',
    1: 'M7.5 17.5c1.5-3 7.5-3 9 0',
  };
  return (
    <Svg {...p}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9 9.5v.5M15 9.5v.5" strokeWidth={2.6} />
      <path d={mouth[level]} />
    </Svg>
  );
}
