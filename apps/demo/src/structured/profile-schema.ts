/** The structured page's JSON Schema: the form lays out these fields in this order. */
export const profileSchema = {
  type: 'object',
  title: 'Attendee profile',
  properties: {
    name: { type: 'string', title: 'Full name' },
    email: { type: 'string', title: 'Email' },
    company: { type: 'string', title: 'Company' },
    city: { type: 'string', title: 'City' },
    seats: { type: 'integer', title: 'Seats' },
    newsletter: { type: 'boolean', title: 'Newsletter' },
    bio: { type: 'string', title: 'Short bio' },
  },
  required: ['name', 'email', 'company', 'city', 'seats', 'newsletter', 'bio'],
} as const;

export type ProfileField = keyof typeof profileSchema.properties;

export type Profile = {
  name: string;
  email: string;
  company: string;
  city: string;
  seats: number;
  newsletter: boolean;
  bio: string;
};

/** What the mock model streams for the form. */
export const profileExample: Profile = {
  name: 'Ada Lovelace',
  email: 'ada@analytical.example',
  company: 'Analytical Engines Ltd',
  city: 'London',
  seats: 3,
  newsletter: true,
  bio: 'Writes programs for machines that do not exist yet, and notes on what they could do beyond arithmetic.',
};
