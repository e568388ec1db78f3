// The template's data files: theme.yaml (look) and locales/<lang>.yaml (words).
import { z } from 'zod';

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'expected a 6-digit hex colour like 1F3A5F (no #)');

export const themeSchema = z
  .object({
    size: z.object({ width: z.number().positive(), height: z.number().positive() }).strict(),
    colors: z
      .object({
        primary: hex,
        accent: hex,
        positive: hex,
        negative: hex,
        neutral: hex,
        background: hex,
        surface: hex,
        text: hex,
        series: z.array(hex).min(2),
      })
      .strict(),
    fonts: z.object({ latin: z.string().min(1), eastAsian: z.string().min(1), numbers: z.string().min(1) }).strict(),
    footer: z.boolean().default(true),
    logo: z.string().nullable().default(null),
  })
  .strict();

export type Theme = z.output<typeof themeSchema>;

/** Locale strings: a tree of strings (and string lists) addressed by dot paths. */
export type LocaleTree = { [key: string]: string | string[] | LocaleTree };
