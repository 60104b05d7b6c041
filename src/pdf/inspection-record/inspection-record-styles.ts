import { StyleSheet, Text } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import { JAPANESE_FONT } from '../fonts.js';

// Styles of the inspection record: A4 portrait, 0.5pt black rules as on the seed forms.

const rule = { borderColor: '#000', borderStyle: 'solid' as const };

export const styles = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 8,
    paddingTop: 28,
    paddingBottom: 36,
    paddingHorizontal: 30,
    lineHeight: 1.4,
  },
  top: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 6 },
  topLeft: { flexGrow: 1, paddingRight: 8 },
  ward: { fontSize: 9, color: '#333' },
  title: { fontSize: 13, fontWeight: 700, textAlign: 'center', marginBottom: 8 },
  boxes: { flexDirection: 'row', flexShrink: 0, ...rule, borderWidth: 0.5 },
  boxesTitle: {
    width: 14,
    fontSize: 8,
    paddingTop: 14,
    paddingHorizontal: 2,
    ...rule,
    borderRightWidth: 0.5,
  },
  box: { width: 62, ...rule, borderRightWidth: 0.5 },
  boxLabel: { textAlign: 'center', fontSize: 8, ...rule, borderBottomWidth: 0.5, paddingVertical: 1 },
  boxStamp: { height: 40, justifyContent: 'center', alignItems: 'center', paddingHorizontal: 2 },
  boxName: { fontSize: 7, fontWeight: 700, color: '#b00000', textAlign: 'center' },
  boxDate: { fontSize: 6, color: '#b00000', textAlign: 'center' },
  intro: { fontSize: 7.5, marginBottom: 4 },
  headTable: { ...rule, borderTopWidth: 0.5, borderLeftWidth: 0.5, marginBottom: 4 },
  headRow: { flexDirection: 'row', ...rule, borderBottomWidth: 0.5 },
  headCell: {
    width: '12%',
    padding: 3,
    backgroundColor: '#eeeeee',
    fontWeight: 700,
    ...rule,
    borderRightWidth: 0.5,
  },
  valueCell: { width: '38%', padding: 3, ...rule, borderRightWidth: 0.5 },
  legend: { fontSize: 8, marginBottom: 3, textAlign: 'right' },
  table: { ...rule, borderTopWidth: 0.5, borderLeftWidth: 0.5 },
  tableHead: {
    flexDirection: 'row',
    backgroundColor: '#eeeeee',
    fontWeight: 700,
    ...rule,
    borderBottomWidth: 0.5,
  },
  sectionRow: {
    flexDirection: 'row',
    backgroundColor: '#f4f4f4',
    ...rule,
    borderBottomWidth: 0.5,
    borderRightWidth: 0.5,
    padding: 3,
  },
  groupRow: {
    ...rule,
    borderBottomWidth: 0.5,
    borderRightWidth: 0.5,
    paddingVertical: 2,
    paddingLeft: 10,
    fontWeight: 700,
  },
  row: { flexDirection: 'row', ...rule, borderBottomWidth: 0.5 },
  colItem: { width: '44%', padding: 3, ...rule, borderRightWidth: 0.5 },
  colResult: { width: '8%', padding: 3, textAlign: 'center', ...rule, borderRightWidth: 0.5 },
  colDate: { width: '13%', padding: 3, fontSize: 7, ...rule, borderRightWidth: 0.5 },
  colSeen: { width: '35%', padding: 3, ...rule, borderRightWidth: 0.5 },
  mark: { fontSize: 12, textAlign: 'center' },
  note: { fontSize: 6.5, color: '#333', marginTop: 1 },
  recheck: { fontSize: 7, color: '#0b4f8a', marginTop: 2 },
  findingNote: { fontSize: 7, color: '#9a3b00', marginTop: 2 },
  blockTitle: { fontSize: 10, fontWeight: 700, marginTop: 10, marginBottom: 3 },
  fRow: { flexDirection: 'row', ...rule, borderBottomWidth: 0.5 },
  fItem: { width: '18%', padding: 3, ...rule, borderRightWidth: 0.5 },
  fSeen: { width: '26%', padding: 3, ...rule, borderRightWidth: 0.5 },
  fDue: { width: '12%', padding: 3, fontSize: 7, ...rule, borderRightWidth: 0.5 },
  fReport: { width: '26%', padding: 3, ...rule, borderRightWidth: 0.5 },
  fState: { width: '18%', padding: 3, ...rule, borderRightWidth: 0.5 },
  small: { fontSize: 7.5 },
  spacer: { marginTop: 8 },
  guidance: { fontSize: 6.5, color: '#333' },
  // Placed from the top: react-pdf drops a bottom-anchored page-number text when the page sets a
  // lineHeight. A4 portrait is 841.89pt high.
  footer: {
    position: 'absolute',
    top: 814,
    left: 30,
    right: 30,
    fontSize: 7,
    textAlign: 'center',
    color: '#555',
  },
});

export type Style = (typeof styles)[keyof typeof styles];

export const text = (value: string, style?: Style | Style[]) => h(Text, style ? { style } : {}, value);
