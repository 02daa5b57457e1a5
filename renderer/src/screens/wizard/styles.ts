import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the wizard's steps. */
export const useStepStyles = makeStyles({
  // Grows to the card's height: the footer (margin-top auto) then sits at the window's bottom, where toasts keep clear of it.
  step: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, flexGrow: 1 },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});
