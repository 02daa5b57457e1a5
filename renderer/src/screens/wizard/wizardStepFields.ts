/** What every step of the wizard reads and does: the draft, what is under way and its error, moving between steps. */
export const wizardStepFields = [
  'wizardDraft', 'wizardBusy', 'wizardError', 'updateDraft', 'goToStep', 'cancelWizardWork', 'dismissWizardError',
] as const;
