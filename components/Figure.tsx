// A figure the user sees, readable by tests and outside checks: data-lupa names it, data-value
// holds the raw value (kopecks for money). Never rename or drop a name that has shipped.
import type { HTMLAttributes, ReactNode } from 'react';

export interface FigureProps extends HTMLAttributes<HTMLElement> {
  name: string;
  value: string | number | boolean | null;
  children: ReactNode;
  as?: 'span' | 'div' | 'li';
}

export function Figure({ name, value, children, as: Tag = 'span', ...rest }: FigureProps) {
  return (
    <Tag data-lupa={name} data-value={value === null ? '' : String(value)} {...rest}>
      {children}
    </Tag>
  );
}
