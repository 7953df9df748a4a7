import { ID_KEY } from './codes';
import { HISTORY_START, isoSeconds } from './dates';
import { escapeHtml } from './messages';
import { Random, STREAM, tenDigitId } from './random';
import type { JsonObject } from './types';
import { SENTENCES, SUBJECTS, TAGS } from './vocabulary';

// Knowledge bases, their categories and articles, and the chat widgets: small, so they are
// built whole at start. Field sets follow reference/groove-api.md §5.8 and groove-samples.

export interface KnowledgeBase {
  id: string;
  record: JsonObject;
  categories: JsonObject[];
  articles: JsonObject[];
}

const KNOWLEDGE_BASES: ReadonlyArray<[string, string, number, number]> = [
  ['Help Center', 'help', 8, 130],
  ['Centre d’aide 🇫🇷', 'aide', 3, 12],
];

const CATEGORY_TITLES = [
  'Getting started',
  'Billing & invoices',
  'Integrations',
  'Sécurité',
  'API',
  'Troubleshooting',
  'Mobile apps 📱',
  'Uncategorized',
];

export function buildKnowledgeBases(seed: number): KnowledgeBase[] {
  return KNOWLEDGE_BASES.map(([title, subdomain, categoryCount, articleCount], kbIndex) => {
    const random = new Random(seed, STREAM.world, 100 + kbIndex);
    const id = tenDigitId(kbIndex + 1, ID_KEY.knowledgeBase ^ seed);
    const author = tenDigitId(1, ID_KEY.agent ^ seed);
    const created = HISTORY_START + kbIndex * 86_400;

    const categoryIds = Array.from({ length: categoryCount }, (_, position) =>
      tenDigitId(kbIndex * 1000 + position + 1, ID_KEY.category ^ seed),
    );
    const articleIds = Array.from({ length: articleCount }, (_, position) =>
      tenDigitId(kbIndex * 100_000 + position + 1, ID_KEY.article ^ seed),
    );

    const categories = categoryIds.map((categoryId, position) => {
      const categoryTitle = CATEGORY_TITLES[position % CATEGORY_TITLES.length] ?? 'General';
      const own = articleIds.filter((_, article) => article % categoryCount === position);
      const published = random.chance(0.8);
      return {
        id: categoryId,
        articles_count: own.length,
        article_ids: own,
        author_id: author,
        cover_image_url: null,
        created_at: isoSeconds(created + position * 3600),
        description: random.chance(0.5) ? `All about ${categoryTitle.toLowerCase()}.` : null,
        featured: position === 0,
        knowledge_base_id: id,
        meta_description: null,
        meta_robots: 'INDEX,FOLLOW',
        og_description: null,
        og_image_url: null,
        og_title: null,
        page_title: null,
        position: position + 1,
        published_at: published ? isoSeconds(created + position * 3600 + 600) : null,
        slug: slugOf(categoryTitle, position),
        state: published ? 'published' : 'draft',
        title: categoryTitle,
        updated_at: isoSeconds(created + position * 3600 + 900),
      };
    });

    const articles = articleIds.map((articleId, position) => {
      const articleTitle = `${random.pick(SUBJECTS).replace('{n}', String(position))}`;
      const published = random.chance(0.85);
      const categoryId = random.chance(0.1)
        ? null
        : (categoryIds[position % categoryCount] ?? null);
      const paragraphs = [random.pick(SENTENCES), random.pick(SENTENCES)];
      const at = created + 86_400 + position * 7200;
      return {
        id: articleId,
        author_id: author,
        body: random.chance(0.05)
          ? null
          : paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
        category_id: categoryId,
        created_at: isoSeconds(at),
        deleted_at: null,
        description: random.chance(0.4) ? (paragraphs[0] ?? null) : null,
        featured: random.chance(0.1),
        knowledge_base_id: id,
        meta_description: null,
        meta_robots: 'INDEX,FOLLOW',
        og_description: null,
        og_image_url: null,
        og_title: null,
        page_title: null,
        position: position + 1,
        published_at: published ? isoSeconds(at + 600) : null,
        ratings: random.chance(0.5)
          ? { positive: random.int(0, 40), negative: random.int(0, 9) }
          : {},
        related_ids: random.some(articleIds, 2).filter((related) => related !== articleId),
        slug: slugOf(articleTitle, position),
        state: published ? 'published' : 'draft',
        tags: random.some(TAGS, 2),
        title: articleTitle,
        updated_at: isoSeconds(at + 900),
      };
    });

    const record: JsonObject = {
      id,
      title,
      subdomain,
      custom_domain: null,
      language: kbIndex === 0 ? 'en' : 'fr',
      state: 'published',
      url: `https://${subdomain}.groove.help`,
      created_at: isoSeconds(created),
      updated_at: isoSeconds(created + 86_400 * 30),
    };
    return { id, record, categories, articles };
  });
}

function slugOf(title: string, position: number): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'article'}-${position + 1}`;
}

/** GET /widgets (reference/groove-samples/widgets-list.json): dotted keys, z_index a string. */
export function buildWidgets(seed: number): JsonObject[] {
  return ['Groove Support', 'Aide en ligne 💬'].map((name, index) => ({
    id: tenDigitId(index + 1, ID_KEY.widget ^ seed),
    created_at: isoSeconds(HISTORY_START + index * 86_400),
    name,
    published_settings: {
      branding_disabled: false,
      'contact.name_field_enabled': true,
      'contact.subject_field_enabled': index === 0,
      enabled: true,
      icon_display: 'icon',
      icon_position: index === 0 ? 'right' : 'left',
      icon_style: 'outline',
      icon_text: index === 0 ? 'Need a hand?' : 'Besoin d’aide ?',
      icon: 'chat',
      'kb.featured_enabled': true,
      'kb.ratings_enabled': index === 0,
      widget_style: 'user',
      z_index: '9999',
    },
    updated_at: isoSeconds(HISTORY_START + index * 86_400 + 3600),
    uuid: uuidOf(seed, index),
  }));
}

function uuidOf(seed: number, index: number): string {
  const hex = [0, 1, 2, 3]
    .map((part) => tenDigitId(index * 4 + part, ID_KEY.widget ^ seed))
    .map((digits) => Number(digits).toString(16).padStart(8, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
