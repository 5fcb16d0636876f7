import { useJourney } from '../session/journey-context';
import { AttractScreen } from '../screens/attract-screen';
import { whenIdle } from './after-paint';
import { lazyComponent } from './lazy-component';

// Only the attract screen is in the first chunk; every other screen (and with them the
// keyboard, pinyin, camera, QR code) loads after the first paint, preloaded before a touch
// can need it (preloadScreens).
const CatalogScreen = lazyComponent(() =>
  import('../screens/catalog-screen').then((m) => m.CatalogScreen),
);
const GuideScreen = lazyComponent(() =>
  import('../screens/guide-screen').then((m) => m.GuideScreen),
);
const IdentifyScreen = lazyComponent(() =>
  import('../screens/identify-screen').then((m) => m.IdentifyScreen),
);
const FormScreen = lazyComponent(() => import('../screens/form-screen').then((m) => m.FormScreen));
const MaterialsScreen = lazyComponent(() =>
  import('../screens/materials-screen').then((m) => m.MaterialsScreen),
);
const ReviewScreen = lazyComponent(() =>
  import('../screens/review-screen').then((m) => m.ReviewScreen),
);
const SubmittedScreen = lazyComponent(() =>
  import('../screens/submitted-screen').then((m) => m.SubmittedScreen),
);
const RatingScreen = lazyComponent(() =>
  import('../screens/rating-screen').then((m) => m.RatingScreen),
);
const ProgressScreen = lazyComponent(() =>
  import('../screens/progress-screen').then((m) => m.ProgressScreen),
);
const GoodbyeScreen = lazyComponent(() =>
  import('../screens/goodbye-screen').then((m) => m.GoodbyeScreen),
);

/** In the order a citizen meets them, so the first touch's screen comes first. */
const LATER_SCREENS = [
  CatalogScreen,
  GuideScreen,
  ProgressScreen,
  IdentifyScreen,
  FormScreen,
  MaterialsScreen,
  ReviewScreen,
  SubmittedScreen,
  RatingScreen,
  GoodbyeScreen,
];

let preloading: Promise<void> | undefined;

/** Loads the screens' code one by one, each when the page is otherwise idle. */
export function preloadScreens(): Promise<void> {
  preloading ??= (async () => {
    for (const screen of LATER_SCREENS) {
      await whenIdle();
      await screen.preload().catch(() => undefined);
    }
  })();
  return preloading;
}

/** Resolves once every screen's code is loaded (starting the loading if need be). */
export const screensPreloaded = preloadScreens;

export function ScreenSwitch() {
  const { journey } = useJourney();
  switch (journey.screen) {
    case 'attract':
      return <AttractScreen />;
    case 'catalog':
      return <CatalogScreen />;
    case 'guide':
      return <GuideScreen />;
    case 'identify':
      return <IdentifyScreen />;
    case 'form':
      return <FormScreen />;
    case 'materials':
      return <MaterialsScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'submitted':
      return <SubmittedScreen />;
    case 'rating':
      return <RatingScreen />;
    case 'progress':
      return <ProgressScreen />;
    case 'goodbye':
      return <GoodbyeScreen />;
  }
}
