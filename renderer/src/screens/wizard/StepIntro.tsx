import { Body1, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStepStyles } from './styles';

/** A wizard page's title (the h1 that takes focus when the page opens) and, below it, what the page is for. */
export function StepIntro({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStepStyles();
  return (
    <>
      <Title2 as="h1" className={styles.heading}>
        {title}
      </Title2>
      {children && <Body1 className={styles.help}>{children}</Body1>}
    </>
  );
}
