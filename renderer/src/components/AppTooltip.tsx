import { Tooltip, type TooltipProps } from '@fluentui/react-components';
import { createContext, useContext } from 'react';

/** Where tooltips are drawn: a landmark of the page (App's notifications section), not loose in <body>. */
export const TooltipMountNode = createContext<HTMLElement | null>(null);

/**
 * Every tooltip's one shape: Fluent's Tooltip, drawn inside a landmark, so a tooltip that is showing
 * (or lingering behind the drawer its button opened) is never page content outside one (axe "region").
 */
export function AppTooltip(props: TooltipProps) {
  const mountNode = useContext(TooltipMountNode);
  return <Tooltip {...props} mountNode={mountNode ?? undefined} />;
}
