import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { retiredBanner, type SnippetModuleCard } from '../../snippetModules';

/** Says plainly that Microsoft switched this form off, when, and which card to use instead. */
export function RetiredBanner({ retired }: { retired: NonNullable<SnippetModuleCard['retired']> }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`Retired ${retired.retiredOn}`}</MessageBarTitle>
        {retiredBanner(retired).replace(/^Retired [^—]+/, '')}
      </MessageBarBody>
    </MessageBar>
  );
}
