import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { navigate } from '../router.tsx';

/** An antd button that is a real link (href) and navigates in-app on a plain click. */
export function ButtonLink({ to, ...rest }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button href={to} onClick={onClick} {...rest} />;
}
