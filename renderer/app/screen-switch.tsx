import { useJourney } from '../session/journey-context';
import { AttractScreen } from '../screens/attract-screen';
import { CatalogScreen } from '../screens/catalog-screen';
import { FormScreen } from '../screens/form-screen';
import { GoodbyeScreen } from '../screens/goodbye-screen';
import { GuideScreen } from '../screens/guide-screen';
import { IdentifyScreen } from '../screens/identify-screen';
import { MaterialsScreen } from '../screens/materials-screen';
import { ProgressScreen } from '../screens/progress-screen';
import { RatingScreen } from '../screens/rating-screen';
import { ReviewScreen } from '../screens/review-screen';
import { SubmittedScreen } from '../screens/submitted-screen';

export function ScreenSwitch({
  farewell,
  onFarewellDone,
}: {
  farewell: boolean;
  onFarewellDone(): void;
}) {
  const { journey } = useJourney();
  if (farewell) return <GoodbyeScreen onDone={onFarewellDone} />;
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
      return <GoodbyeScreen onDone={onFarewellDone} />;
  }
}
