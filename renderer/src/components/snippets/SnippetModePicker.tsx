import { Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import type { SnippetMode, SnippetModule } from '../../../../electron/ipc/schemas';
import { SNIPPET_MODES } from '../../snippetModules';
import { snippetModeOf, useSamDeskStore } from '../../store';

const useStyles = makeStyles({ picker: { flexWrap: 'wrap' } });

/** One module's choice: Paste (tokens inside) / Script (vaulted refresh token) / All customers (looped script). */
export function SnippetModePicker({ module, label }: { module: SnippetModule; label: string }) {
  const styles = useStyles();
  const mode = useSamDeskStore((state) => snippetModeOf(state.snippetModes, module));
  const setMode = useSamDeskStore((state) => state.setSnippetMode);
  return (
    <RadioGroup
      className={styles.picker}
      layout="horizontal"
      aria-label={`Kind of ${label} snippet`}
      value={mode}
      onChange={(_, data) => setMode(module, data.value as SnippetMode)}
    >
      {SNIPPET_MODES.map((option) => (
        <Radio key={option.mode} value={option.mode} label={option.label} />
      ))}
    </RadioGroup>
  );
}
