import { TicketNumberSet } from '../../src/source/ticket-number-set';

describe('the set of ticket numbers met in a read', () => {
  it('says a number is new only the first time it is added', () => {
    const seen = new TicketNumberSet();

    expect([seen.add(7), seen.add(7), seen.add(8), seen.add(7)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('grows to hold numbers far past its first size, keeping those it had', () => {
    const seen = new TicketNumberSet();
    seen.add(3);

    expect(seen.add(5_000_000)).toBe(true);
    expect(seen.add(3)).toBe(false);
    expect(seen.add(5_000_000)).toBe(false);
  });

  it.each([0, 2 ** 27, 2 ** 40, Number.MAX_SAFE_INTEGER, -1])(
    'keeps %p apart from its neighbours',
    (number) => {
      const seen = new TicketNumberSet();

      expect(seen.add(number)).toBe(true);
      expect(seen.add(number + 1)).toBe(true);
      expect(seen.add(number)).toBe(false);
    },
  );
});
