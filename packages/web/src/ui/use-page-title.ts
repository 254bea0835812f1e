import { useEffect } from 'react';

/** The product name every document title ends with. */
export const PRODUCT = 'Data Scanner';

/** Names the page in the browser tab and history: `<title> · Data Scanner`. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
