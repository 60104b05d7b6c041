import { StyleSheet, Text } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import { JAPANESE_FONT } from '../fonts.js';

const rule = { borderColor: '#000', borderStyle: 'solid' as const };

export const styles = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 8.5,
    paddingTop: 30,
    paddingBottom: 38,
    paddingHorizontal: 34,
    lineHeight: 1.45,
  },
  ward: { fontSize: 9, color: '#333' },
  title: { fontSize: 15, fontWeight: 700, textAlign: 'center', marginVertical: 8 },
  table: { ...rule, borderTopWidth: 0.5, borderLeftWidth: 0.5, marginBottom: 6 },
  gap: { marginTop: 4 },
  row: { flexDirection: 'row', ...rule, borderBottomWidth: 0.5 },
  shaded: { backgroundColor: '#eeeeee', fontWeight: 700 },
  hLabel: { width: '15%', padding: 3, backgroundColor: '#eeeeee', ...rule, borderRightWidth: 0.5 },
  hValue: { width: '42%', padding: 3, ...rule, borderRightWidth: 0.5 },
  hValue2: { width: '28%', padding: 3, ...rule, borderRightWidth: 0.5 },
  area: { width: '14%', padding: 3, fontWeight: 700, ...rule, borderRightWidth: 0.5 },
  areaItems: { width: '86%' },
  item: { width: '74%', padding: 3, ...rule, borderRightWidth: 0.5 },
  grade: { width: '12%', padding: 3, textAlign: 'center', ...rule, borderRightWidth: 0.5 },
  itemRow: { flexDirection: 'row' },
  itemRule: { ...rule, borderBottomWidth: 0.5 },
  itemText: { width: '86.05%', padding: 3, ...rule, borderRightWidth: 0.5 },
  gradeCell: {
    width: '13.95%',
    padding: 2,
    ...rule,
    borderRightWidth: 0.5,
    alignItems: 'center',
  },
  gradeMark: { fontSize: 10, fontWeight: 700, textAlign: 'center' },
  comment: { width: '86%', padding: 3, ...rule, borderRightWidth: 0.5 },
  full: { width: '100%', padding: 3, ...rule, borderRightWidth: 0.5 },
  fullText: { width: '100%', padding: 4, minHeight: 30, ...rule, borderRightWidth: 0.5 },
  paragraph: { marginTop: 3 },
  // financial checksheet
  fTitle: { fontSize: 13, fontWeight: 700, textAlign: 'center', marginBottom: 6 },
  fSub: { fontSize: 8, textAlign: 'right', marginBottom: 6 },
  ratioTitle: { fontSize: 10, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  ratioBlock: { flexDirection: 'row', alignItems: 'stretch' },
  figures: { width: '46%', ...rule, borderTopWidth: 0.5, borderLeftWidth: 0.5 },
  figLabel: { width: '45%', padding: 3, ...rule, borderRightWidth: 0.5 },
  figValue: { width: '55%', padding: 3, textAlign: 'right', ...rule, borderRightWidth: 0.5 },
  figTotal: { fontWeight: 700, backgroundColor: '#f4f4f4' },
  state: { width: '22%', marginLeft: 8, ...rule, borderWidth: 0.5, alignItems: 'center' },
  stateLabel: { fontSize: 8, paddingTop: 3 },
  stateValue: { fontSize: 16, fontWeight: 700, paddingVertical: 6 },
  thresholds: { width: '28%', marginLeft: 8, fontSize: 8 },
  explain: { fontSize: 7.5, color: '#333', marginTop: 3 },
  gradeTable: { width: '55%', marginTop: 14, ...rule, borderTopWidth: 0.5, borderLeftWidth: 0.5 },
  gradeRule: { width: '75%', padding: 4, ...rule, borderRightWidth: 0.5 },
  gradeValue: {
    width: '25%',
    padding: 4,
    textAlign: 'center',
    fontWeight: 700,
    ...rule,
    borderRightWidth: 0.5,
  },
  chosen: { backgroundColor: '#ffe9a8' },
  remark: { fontSize: 8, marginTop: 8 },
  // Placed from the top: react-pdf drops a bottom-anchored page-number text when the page sets a
  // lineHeight. A4 portrait is 841.89pt high.
  footer: {
    position: 'absolute',
    top: 814,
    left: 34,
    right: 34,
    fontSize: 7,
    textAlign: 'center',
    color: '#555',
  },
});

export type Style = (typeof styles)[keyof typeof styles];

export const text = (value: string, style?: Style | Style[]) => h(Text, style ? { style } : {}, value);
