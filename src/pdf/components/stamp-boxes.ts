import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import type { Plain } from '../../domain/shared/plain.js';
import { toWareki } from '../../domain/shared/wareki.js';
import type { FormStamp } from '../../domain/sign-off/stamp-boxes.js';

// 決裁欄 on the seed forms: a titled row of boxes, each with its label and, once signed, the
// signer's name and the date in 令和 — the same drawing on every document that carries one.

const red = '#b00000';
const styles = StyleSheet.create({
  row: { flexDirection: 'row', flexShrink: 0, borderWidth: 0.5, borderColor: '#000' },
  title: {
    width: 14,
    fontSize: 8,
    textAlign: 'center',
    paddingTop: 4,
    borderRightWidth: 0.5,
    borderColor: '#000',
  },
  box: { width: 62, borderRightWidth: 0.5, borderColor: '#000' },
  label: {
    textAlign: 'center',
    fontSize: 8,
    borderBottomWidth: 0.5,
    borderColor: '#000',
    paddingVertical: 1,
  },
  stamp: { height: 40, justifyContent: 'center', alignItems: 'center', paddingHorizontal: 2 },
  name: { fontSize: 7, fontWeight: 700, color: red, textAlign: 'center' },
  date: { fontSize: 6, color: red, textAlign: 'center' },
});

/** A stamp shows the person, not their title again: 大久保 次郎（課長） → 大久保 次郎. */
const stampName = (name: string) => name.replace(/（[^（）]*）$/, '');

/** The boxes, with a `title` (決裁) down the left where the form prints one. */
export function StampBoxes({ title, stamps }: { title?: string; stamps: Plain<FormStamp>[] }): ReactElement {
  return h(
    View,
    { style: styles.row, wrap: false },
    title ? h(Text, { style: styles.title }, title) : null,
    ...stamps.map((stamp) =>
      h(
        View,
        { key: stamp.label, style: styles.box },
        h(Text, { style: styles.label }, stamp.label),
        h(
          View,
          { style: styles.stamp },
          h(Text, { style: styles.name }, stampName(stamp.name)),
          h(Text, { style: styles.date }, stamp.on ? toWareki(toJapanDate(new Date(stamp.on))) : ''),
        ),
      ),
    ),
  );
}
