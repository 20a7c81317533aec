import type { ReactNode } from 'react';
import type { VideoView } from '../../api/videos';

/**
 * A form shown as a step of the walk-through "Gør videoen klar" instead of as a card of its own: the step gives
 * the heading, the submit button's label ("Gem og gå videre"), what happens once saved, and its other buttons.
 */
export type StepMode = {
  submitLabel: string;
  onSaved: (v: VideoView) => void;
  actions?: ReactNode;
};
