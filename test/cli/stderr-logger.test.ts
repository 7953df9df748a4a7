import { Writable } from 'node:stream';
import { createStderrLogger } from '../../src/cli/stderr-logger';
import { StderrTerminal } from '../../src/cli/terminal';

function capture(): { terminal: StderrTerminal; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  return { terminal: new StderrTerminal(stream), text: () => written };
}

describe('the stderr logger', () => {
  it('prints lines at or above its level, with their fields', () => {
    const { terminal, text } = capture();
    const logger = createStderrLogger(terminal, 'info', []);

    logger.debug('request', { path: '/tickets' });
    logger.info('read finished', { records: 3, stream: 'tickets' });
    logger.warn('skipped', { reason: 'not found' });

    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+Z INFO read finished records=3 stream=tickets$/);
    expect(lines[1]).toMatch(/WARN skipped reason="not found"$/);
  });

  it.each([
    [
      'the message',
      (logger: ReturnType<typeof createStderrLogger>) => logger.error('key k-123 failed'),
    ],
    [
      'a field',
      (logger: ReturnType<typeof createStderrLogger>) => logger.warn('failed', { token: 'k-123' }),
    ],
  ])('masks the key wherever it slipped into %s', (_where, log) => {
    const { terminal, text } = capture();

    log(createStderrLogger(terminal, 'debug', ['k-123']));

    expect(text()).not.toContain('k-123');
    expect(text()).toContain('[REDACTED]');
  });
});
