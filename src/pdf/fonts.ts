import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

// Noto Sans JP from the @expo-google-fonts/noto-sans-jp npm package (TTF, embedded as a subset):
// nothing is fetched at run time.

const require = createRequire(import.meta.url);
let registered = false;

export const JAPANESE_FONT = 'NotoSansJP';

export function registerJapaneseFont(): void {
  if (registered) return;
  Font.register({
    family: JAPANESE_FONT,
    fonts: [
      {
        src: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
        fontWeight: 400,
      },
      {
        src: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
        fontWeight: 700,
      },
    ],
  });
  // Japanese has no spaces: allow a line break after any character. The empty string after each
  // character makes that a break without a hyphen; it must follow every character, also in
  // one-character words, which occur where the text changes script (漢字 → ひらがな).
  Font.registerHyphenationCallback((word) =>
    /^\s+$/.test(word) ? [word] : Array.from(word).flatMap((ch) => [ch, '']),
  );
  registered = true;
}
