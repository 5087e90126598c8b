import { createLink } from '@tanstack/react-router';
import { Button, type ButtonProps } from 'antd';
import { forwardRef } from 'react';

const AnchorButton = forwardRef<HTMLAnchorElement, Omit<ButtonProps, 'href'> & { href?: string }>(function AnchorButton(props, ref) {
  return <Button {...props} ref={ref} />;
});

/** An antd button that is a real link (href, opens in a new tab) and navigates in-app on a plain click; typed like Link. */
export const ButtonLink = createLink(AnchorButton);
