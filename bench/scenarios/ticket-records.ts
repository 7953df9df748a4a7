/** The tickets a write figure creates: the same records for the connector and the baseline. */
export interface TicketBatch {
  tickets: number;
  /** Starts every subject, so the benchmark can count what one run created. */
  subjectPrefix: string;
  /** The customer and the mailbox the tickets are between. */
  from: string;
  to: string;
}

export function* ticketRecords(batch: TicketBatch): Generator<Record<string, unknown>> {
  for (let i = 0; i < batch.tickets; i++) {
    yield {
      from: batch.from,
      to: batch.to,
      subject: `${batch.subjectPrefix} ${i}`,
      body: `Benchmark ticket ${i}: the printer on the third floor is out of toner again.`,
    };
  }
}
