// Word pools for generated records. Names and phrases mix scripts, accents and emoji on
// purpose: real help-desk data does, and the connector must carry it through unchanged.

export const FIRST_NAMES = [
  'Casey',
  'Jordan',
  'Zoë',
  'José',
  'Łukasz',
  'Chloé',
  'Ólafur',
  'Amara',
  'Priya',
  'Mei',
  'Søren',
  'Noah',
  'Ава',
  'Yūki',
  'Fatima',
  'Liam',
  'Ingrid',
  'Mateo',
  'Anaïs',
  'Kwame',
  'Hana',
  'Björn',
  'Élodie',
  'Tomás',
  'Aisha',
  'Dmitri',
  'Nguyễn',
  'Olivia',
  'Ravi',
  'Sakura',
] as const;

export const LAST_NAMES = [
  'Customer',
  'Client',
  'Müller',
  'Álvarez',
  'Wójcik',
  'Dubois',
  'Jónsson',
  'Okafor',
  'Patel',
  'Chen',
  'Kierkegaard',
  "O'Brien",
  'Иванова',
  'Tanaka',
  'Haddad',
  'Smith',
  'Lindqvist',
  'García',
  'Lefèvre',
  'Mensah',
  'Kim',
  'Øster',
  'Fernández',
  'Núñez',
  'Rahman',
  'Petrov',
  'Văn An',
  'Brown',
  'Iyer',
  '佐藤',
] as const;

/** ASCII stand-ins used to build e-mail local parts from the names above. */
export function asciiSlug(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return plain.length > 0 ? plain : 'user';
}

export const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Analytics',
  'Müller & Söhne GmbH',
  'Café Lumière',
  'Nordlys AS',
  '株式会社サンプル',
  'Hooli',
  'Soylent Foods',
  'Tyrell Systems',
  'Piña Labs',
] as const;

export const LOCATIONS = [
  'Berlin, Germany',
  'São Paulo, Brazil',
  'Kraków, Poland',
  'Reykjavík, Iceland',
  'Tōkyō, Japan',
  'Austin, TX',
  'Montréal, Canada',
  'Lagos, Nigeria',
  'Zürich, Switzerland',
  'Melbourne, Australia',
] as const;

export const JOB_TITLES = [
  'Office Manager',
  'CTO',
  'Head of Support',
  'Founder',
  'Data Engineer',
  'Buyer',
  'Directrice',
] as const;

export const SUBJECTS = [
  'Cannot log in to my account',
  'Refund for order #{n}',
  'Invoice {n} looks wrong',
  'Feature request: dark mode 🌙',
  'Problème de facturation',
  'Lieferung verspätet – Bestellung {n}',
  '¿Dónde está mi pedido?',
  'パスワードをリセットできません',
  'Export to CSV is broken',
  'Thanks for the quick help! 🙏',
  'API returns 500 on /orders',
  'Upgrade to the Pro plan',
  'Two-factor code never arrives',
  'Question about "shared" mailboxes & folders',
  'Заказ не пришёл',
  'Webhook retries <urgent>',
] as const;

export const OPENERS = [
  'Hi there,',
  'Hello team,',
  'Bonjour,',
  'Hallo zusammen,',
  'Hola,',
  'こんにちは、',
  'Hey 👋',
] as const;

export const SENTENCES = [
  'I tried again this morning and it still fails.',
  'The error says "something went wrong" & nothing else.',
  'Could you please look into it as soon as possible?',
  'Our team of 12 depends on this every day.',
  'Merci beaucoup pour votre aide !',
  'Die Rechnung enthält einen falschen Betrag (€ 1.299,00).',
  'I attached a screenshot so you can see what I mean.',
  'It works in Firefox but not in Safari 🤷.',
  'This started after the update on Tuesday.',
  '注文番号を確認していただけますか？',
  'Let me know if you need anything else from me.',
  'We already cleared the cache and the cookies.',
  'Спасибо за быструю помощь!',
  'The CSV has 3 columns < 5 expected > 2 present.',
  'Thanks again — you folks are great 🎉',
] as const;

export const AGENT_REPLIES = [
  'Thanks for reaching out!',
  'I have reset the setting on our side; please try again.',
  'I am sorry for the trouble — we are on it.',
  'Could you send us the exact time it happened?',
  'The refund has been issued and should arrive in 5–7 days.',
  'I passed this on to our engineers and will update you here.',
] as const;

export const NOTES = [
  'Customer is on the legacy plan; check billing before replying.',
  'Escalated to engineering, see the incident channel.',
  'VIP account ⭐ — answer within the hour.',
  'Duplicate of an older ticket from the same customer.',
] as const;

export const TAGS = [
  'billing',
  'bug',
  'feature-request',
  'vip',
  'refund',
  'login',
  'api',
  'urgent',
  'follow-up',
  'café',
  'ünïcode',
  '🔥hot',
] as const;

export const ATTACHMENT_NAMES = [
  'screenshot.png',
  'invoice.pdf',
  'export (1).csv',
  'log-2024.txt',
  'Rechnung_März.pdf',
  'スクリーンショット.jpg',
] as const;

export const PLANS = ['free', 'starter', 'pro', 'enterprise'] as const;
