import { Caption1, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { SnippetMode } from '../../../../electron/ipc/schemas';
import { SNIPPET_MODES } from '../../snippetModules';
import { useSamDeskStore } from '../../store';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Paste now (tokens inside) / Script (vaulted refresh token) / All customers (looped script). */
export function SnippetModePicker() {
  const styles = useStyles();
  const mode = useSamDeskStore((state) => state.snippetMode);
  const setMode = useSamDeskStore((state) => state.setSnippetMode);
  const current = SNIPPET_MODES.find((candidate) => candidate.mode === mode)!;
  return (
    <div className={styles.picker}>
      <RadioGroup
        layout="horizontal"
        aria-label="Kind of snippet"
        value={mode}
        onChange={(_, data) => setMode(data.value as SnippetMode)}
      >
        {SNIPPET_MODES.map((option) => (
          <Radio key={option.mode} value={option.mode} label={option.label} />
        ))}
      </RadioGroup>
      <Caption1 className={styles.hint}>{current.hint}</Caption1>
    </div>
  );
}
