import { Font } from '@react-pdf/renderer';

// Noto Sans JP from the @expo-google-fonts/noto-sans-jp npm package (TTF, embedded as a subset):
// nothing is fetched from the internet at run time. Where the files come from is the entry's
// choice: Node reads them from node_modules (the default below); the Worker entry hands in the
// bytes it reads from its static assets (setJapaneseFontFiles), since a Worker has no node_modules.

export const JAPANESE_FONT = 'NotoSansJP';

/** Where react-pdf finds each weight: a file path (Node) or a `data:` URL (any runtime). */
export interface JapaneseFontFiles {
  regular: string;
  bold: string;
}

const PACKAGE = '@expo-google-fonts/noto-sans-jp';
export const FONT_FILES = {
  regular: `${PACKAGE}/400Regular/NotoSansJP_400Regular.ttf`,
  bold: `${PACKAGE}/700Bold/NotoSansJP_700Bold.ttf`,
} as const;

async function nodeFontFiles(): Promise<JapaneseFontFiles> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  return { regular: require.resolve(FONT_FILES.regular), bold: require.resolve(FONT_FILES.bold) };
}

let locate: () => Promise<JapaneseFontFiles> = nodeFontFiles;
let registered: Promise<void> | undefined;

/** The entry names where the font files are (called before the first PDF is drawn). */
export function setJapaneseFontFiles(files: () => Promise<JapaneseFontFiles>): void {
  locate = files;
  registered = undefined;
}

/** Registers the Japanese font with react-pdf once; every PDF awaits this before drawing. */
export function registerJapaneseFont(): Promise<void> {
  registered ??= locate().then(
    (files) => {
      Font.register({
        family: JAPANESE_FONT,
        fonts: [
          { src: files.regular, fontWeight: 400 },
          { src: files.bold, fontWeight: 700 },
        ],
      });
      // Japanese has no spaces: allow a line break after any character. The empty string after
      // each character makes that a break without a hyphen; it must follow every character, also
      // in one-character words, which occur where the text changes script (漢字 → ひらがな).
      Font.registerHyphenationCallback((word) =>
        /^\s+$/.test(word) ? [word] : Array.from(word).flatMap((ch) => [ch, '']),
      );
    },
    (error: unknown) => {
      registered = undefined;
      throw error;
    },
  );
  return registered;
}
