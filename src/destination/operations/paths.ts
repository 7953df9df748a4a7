/** `/tickets/:ticket_number`: v1 addresses tickets by number (reference/groove-api.md §13.5). */
export function ticketPath(ticketNumber: number, child?: string): string {
  const base = `/tickets/${encodeURIComponent(String(ticketNumber))}`;
  return child === undefined ? base : `${base}/${child}`;
}

/** `/customers/:email`, the email URL-encoded as one segment (reference/groove-api.md §13.12). */
export function customerPath(email: string): string {
  return `/customers/${encodeURIComponent(email)}`;
}
