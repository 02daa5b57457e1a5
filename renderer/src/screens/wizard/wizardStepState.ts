import type { SamDeskState } from '../../store';

/** What every step of the wizard reads and does: the draft, what is under way and its error, moving between steps. */
export const wizardStepState = (state: SamDeskState) => ({
  draft: state.wizardDraft,
  busy: state.wizardBusy,
  error: state.wizardError,
  updateDraft: state.updateDraft,
  goToStep: state.goToStep,
  cancel: state.cancelWizardWork,
  dismissError: state.dismissWizardError,
});
