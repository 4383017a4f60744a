// A figure the user sees, readable by tests and outside checks: data-lupa names it, data-value
// holds the raw value (kopecks for money). Never rename or drop a name that has shipped.
import type { HTMLAttributes, ReactNode } from 'react';
import { type FigureName, type FigureValue, figureValue } from '../utils/figures';

// Every raw data-lupa attribute in JSX takes a name from the list too, so a typo fails tsc.
declare module 'react' {
  interface HTMLAttributes<T> {
    'data-lupa'?: FigureName;
  }
}

export interface FigureProps extends HTMLAttributes<HTMLElement> {
  name: FigureName;
  value: FigureValue;
  children: ReactNode;
  as?: 'span' | 'div' | 'li';
}

export function Figure({ name, value, children, as: Tag = 'span', ...rest }: FigureProps) {
  return (
    <Tag data-lupa={name} data-value={figureValue(value)} {...rest}>
      {children}
    </Tag>
  );
}
