// TEMPORARY (removed before this branch merges): a React section drawn as a plain-DOM section while
// the features move to plain DOM one by one.
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import type { PanelSection, PanelSectionProps } from '../parts';

export const reactSection =
  (Section: ComponentType<PanelSectionProps>): PanelSection['draw'] =>
  (into, props) => {
    const root = createRoot(into);
    root.render(<Section {...props} />);
    return { update: (next) => root.render(<Section {...next} />), unmount: () => root.unmount() };
  };
