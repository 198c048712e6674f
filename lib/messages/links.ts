/**
 * A link in a message as an analyst reads it: the words the recipient saw and where they lead.
 * The classic lure is text that names one place ("www.paypal.com") over an address that goes to
 * another; `disguised` says so, computed once here rather than in the component.
 */
export interface MessageLink {
  /** The link's text as the mail showed it, trimmed; null when it had none. */
  shown: string | null;
  href: string;
  /** The text reads as an address whose host differs from the link's own host. */
  disguised: boolean;
}

const HOST_IN_TEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[:/?#]|$)/i;

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

function hostNamedBy(text: string): string | null {
  const match = HOST_IN_TEXT.exec(text.trim());
  const host = match?.[1]?.toLowerCase();
  // "Click here." is not an address: a host needs a letter-only last label of 2+ letters.
  return host && /\.[a-z]{2,}$/.test(host) ? host : null;
}

export function describeLink(link: { href: string; text?: string | null }): MessageLink {
  const shown = link.text?.trim() ? link.text.trim() : null;
  const named = shown ? hostNamedBy(shown) : null;
  const actual = hostOf(link.href);
  return { shown, href: link.href, disguised: named !== null && actual !== null && named !== actual };
}
