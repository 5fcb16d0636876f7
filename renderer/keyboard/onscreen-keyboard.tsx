import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { usePreferences } from '../app/preferences';
import { loadCandidateIndex } from './candidate-loader';
import { formatDateDigits, layoutRows, type LayoutKind } from './keyboard-layouts';
import type { CandidateIndex } from './pinyin-candidates';

interface OnScreenKeyboardProps {
  value: string;
  onChange(value: string): void;
  /** The layouts offered, the first shown first. */
  layouts: LayoutKind[];
  onDone?(): void;
  maxLength?: number;
  compact?: boolean;
}

/**
 * The kiosk has no physical keyboard: this is the only way to type. Keys act on release
 * (onKeyReleased), like every other button. In the pinyin layout, letters go to a
 * composition buffer and the candidate bar turns them into characters.
 */
export function OnScreenKeyboard({
  value,
  onChange,
  layouts,
  onDone,
  maxLength,
  compact,
}: OnScreenKeyboardProps) {
  const { t, elderly } = usePreferences();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const [layout, setLayout] = useState<LayoutKind>(layouts[0] ?? 'english');
  const [composition, setComposition] = useState('');
  const [index, setIndex] = useState<CandidateIndex | undefined>();

  // simple-keyboard keeps the first callback it is given; it calls through this ref, which
  // always holds the handler of the latest render.
  const handler = useRef<(button: string) => void>(() => undefined);

  useEffect(() => {
    if (!layouts.includes('pinyin')) return;
    let live = true;
    void loadCandidateIndex().then((built) => {
      if (live) setIndex(built);
    });
    return () => {
      live = false;
    };
  }, [layouts]);

  const display = useMemo(
    () => ({
      '{bksp}': `⌫ ${t('keyboard.delete')}`,
      '{space}': t('keyboard.space'),
      '{done}': t('keyboard.done'),
      '{pinyin}': t('keyboard.pinyin'),
      '{english}': t('keyboard.english'),
      '{numeric}': t('keyboard.numeric'),
    }),
    [t],
  );

  useEffect(() => {
    if (!host.current) return;
    const instance = new Keyboard(host.current, {
      layout: { default: layoutRows(layouts[0] ?? 'english', layouts) },
      display,
      useButtonTag: true,
      disableButtonHold: true,
      preventMouseDownDefault: true,
      onKeyReleased: (button: string | undefined, event?: Event) => {
        if (button && event?.type !== 'pointercancel' && event?.type !== 'touchcancel')
          handler.current(button);
      },
    });
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
    // The instance is made once; layout and captions are updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    keyboard.current?.setOptions({
      layout: { default: layoutRows(layout, layouts) },
      display,
      theme: `hg-theme-default kiosk-keyboard layout-${layout}`,
      buttonTheme: [
        { class: 'key-action', buttons: '{done}' },
        { class: 'key-function', buttons: '{bksp} {pinyin} {english} {numeric}' },
        { class: 'key-space', buttons: '{space}' },
      ],
    });
  }, [layout, layouts, display]);

  function insert(text: string) {
    const next = value + text;
    if (maxLength !== undefined && Array.from(next).length > maxLength) return;
    onChange(next);
  }

  function press(button: string) {
    const s = { value, composition, layout, onChange, onDone, index };
    switch (button) {
      case '{bksp}':
        if (s.layout === 'pinyin' && s.composition) setComposition(s.composition.slice(0, -1));
        else if (s.layout === 'date')
          s.onChange(formatDateDigits(s.value.replace(/\D/g, '').slice(0, -1)));
        else s.onChange(Array.from(s.value).slice(0, -1).join(''));
        return;
      case '{space}':
        if (s.layout === 'pinyin' && s.composition) {
          const first = s.index?.lookup(s.composition).characters[0];
          if (first) choose(first);
        } else insert(' ');
        return;
      case '{done}':
        setComposition('');
        s.onDone?.();
        return;
      case '{pinyin}':
      case '{english}':
      case '{numeric}':
        setComposition('');
        setLayout(button.slice(1, -1) as LayoutKind);
        return;
    }
    if (s.layout === 'pinyin' && /^[a-z]$/.test(button)) {
      if (s.composition.length < 24) setComposition(s.composition + button);
      return;
    }
    if (s.layout === 'date') {
      if (/\d/.test(button)) s.onChange(formatDateDigits(s.value + button));
      return;
    }
    insert(button);
  }

  function choose(character: string) {
    const { syllable } = index?.lookup(composition) ?? { syllable: composition };
    insert(character);
    setComposition(composition.slice(Math.max(1, syllable.length)));
  }

  useLayoutEffect(() => {
    handler.current = press;
  });

  const candidates =
    layout === 'pinyin' && composition && index
      ? index.lookup(composition, elderly ? 12 : 20).characters
      : [];

  return (
    <div className={`onscreen-keyboard ${compact ? 'compact' : ''}`}>
      {layout === 'pinyin' && (
        <div className="candidate-bar" aria-label={t('keyboard.candidates')}>
          <span className="composition" aria-live="polite">
            {composition}
          </span>
          <div className="candidates">
            {candidates.map((c) => (
              <button key={c} type="button" className="candidate" onClick={() => choose(c)}>
                {c}
              </button>
            ))}
            {composition && candidates.length === 0 && (
              <span className="hint">{t('keyboard.noCandidate')}</span>
            )}
          </div>
        </div>
      )}
      <div ref={host} className="simple-keyboard" />
    </div>
  );
}
