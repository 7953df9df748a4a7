import type { Locator, Page } from 'playwright-core';
import type { Renderer } from '../page/payload';

/** One rendered field: its label, its input and the block around them (help and errors). */
export type RenderedField = { label: Locator; input: Locator; block: Locator };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens one form in one renderer and waits until the form is on screen. */
export async function openForm(
  page: Page,
  origin: string,
  form: string,
  renderer: Renderer,
): Promise<void> {
  await page.goto(`${origin}/?form=${form}&renderer=${renderer}`);
  await page.locator(`main[data-form="${form}"] form`).waitFor();
}

/**
 * The label whose text is exactly `title`, with or without the required marker `*` that both
 * renderers append, so a label that merely contains the title does not count.
 */
export function labelFor(page: Page | Locator, title: string): Locator {
  const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*\\*?\\s*$`);
  return page.locator('label').filter({ hasText: exact });
}

/** A field's caption: a label, or the legend of a group such as a list or a map. */
export function captionFor(page: Page | Locator, title: string): Locator {
  const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*\\*?\\s*$`);
  return page.locator('label, legend').filter({ hasText: exact, visible: true });
}

/**
 * Finds a field the way a person does, by its label; the input is the one the label's `for`
 * names, as in both renderers, and the block is the label's parent, which holds help and errors.
 * Only fields on screen count; `nth` picks one of several, e.g. in the second item of a list.
 */
export async function fieldFor(page: Page, title: string, nth = 0): Promise<RenderedField> {
  const label = labelFor(page, title).filter({ visible: true }).nth(nth);
  const inputId = await label.getAttribute('for');
  if (inputId === null) throw new Error(`the label "${title}" names no input`);
  return {
    label,
    input: page.locator(`[id="${inputId}"]`),
    block: label.locator('xpath=..'),
  };
}

/** The data the page's Save handed over, as the host would receive it. */
export async function submittedData(page: Page): Promise<unknown> {
  const output = page.getByTestId('submitted');
  const errors = page
    .locator('.errors, .error-detail, .validation_error')
    .filter({ visible: true });
  await output.or(errors).first().waitFor();

  if ((await output.count()) === 0) {
    const shown = (await errors.allInnerTexts()).join(' | ');
    throw new Error(`The form refused to save: ${shown}`);
  }
  return JSON.parse(await output.innerText()) as unknown;
}

/** Top edge on screen, to compare the order fields appear in. */
export async function topOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('the element is not on screen');
  return box.y;
}
