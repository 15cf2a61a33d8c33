/**
 * The nonce the shell put in index.html, so a <style> the page injects (AG Grid's theme, a print page's)
 * passes the CSP. Its own module: the home's print page needs it, and must not load the grid to get it.
 */
export const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="pmo-style-nonce"]')?.content;
