import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { retirementNotice, type Retirement } from '../../../../electron/shared/snippetCatalog';

/** Says plainly that Microsoft switched this form off, when, and which card to use instead. */
export function RetiredBanner({ retired }: { retired: Retirement }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`Retired ${retired.retiredOn}`}</MessageBarTitle>
        {retirementNotice(retired).replace(/^Retired [^—]+/, '')}
      </MessageBarBody>
    </MessageBar>
  );
}
